package lower

import (
	"github.com/stelp-dev/stelp/analysis"
)

// walrus lowers `name := value` to an expression that binds name in the
// scope CPython binds it in (the nearest enclosing function, class or module,
// comprehensions excluded) and yields value:
//
//   - in a function: __stelp_walrus__(lambda: name, value). The lambda closes
//     over the function's own variable; the helper swaps the lambda's code
//     for a one-line setter with the same single free variable and calls it,
//     so the function's cell receives the value. A name bound by nothing
//     else in the function is made local by an extra keyword-only parameter
//     (see extraLocals).
//   - at module level or for a name declared global: the module dict
//     (__stelp_globals__, the raw globals() the executor keeps for us).
//   - directly in a class body: the class namespace (__stelp_locals__).
func (l *lowerer) walrus(n *analysis.Node) (string, bool) {
	nameNode, valNode := n.ChildByFieldName("name"), n.ChildByFieldName("value")
	if nameNode == nil || valNode == nil {
		return "", false
	}
	name := l.raw(nameNode)
	val := l.text(valNode)
	s := l.cur()
	switch {
	case s.kind == moduleScope || s.globals[name]:
		return nsWalrus("__stelp_globals__()", name, val), true
	case s.kind == classScope:
		if s.comp > 0 {
			l.problem(n, "walrus", "assignment expression within a comprehension cannot be used in a class body")
		}
		return nsWalrus("__stelp_locals__()", name, val), true
	}
	return "__stelp_walrus__(lambda: " + name + ", " + val + ")", true
}

// nsWalrus stores into a namespace dict and reads the value back, all in
// the caller's frame (the dict is never passed to a function).
func nsWalrus(ns, name, val string) string {
	return "(" + ns + ".__setitem__('" + name + "', " + val + ") or " + ns + "['" + name + "'])"
}

// setter is the binding target for name in the current scope, as the
// helpers __stelp_walrus__ and __stelp_case__ take it.
func (l *lowerer) setter(name string) string {
	s := l.cur()
	switch {
	case s.kind == moduleScope || s.globals[name]:
		return "(__stelp_globals__(), '" + name + "')"
	case s.kind == classScope:
		return "(__stelp_locals__(), '" + name + "')"
	}
	return "lambda: " + name
}
