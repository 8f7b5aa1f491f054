package lower

import (
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

type scopeKind int

const (
	moduleScope scopeKind = iota
	functionScope
	classScope
)

// scope is what the lowering needs to know about one Python scope: which
// names its statements bind (so a name bound only by := or a match capture
// can be made local), and what its declarations say.
type scope struct {
	kind      scopeKind
	node      *analysis.Node
	parent    *scope
	name      string // class or function name
	bound     map[string]bool
	globals   map[string]bool
	nonlocals map[string]bool
	// walrus holds the targets of := that bind here (directly or from a
	// comprehension nested in this scope).
	walrus map[string]bool
	// captures holds the names match patterns bind here.
	captures map[string]bool
	// firstParam is the first positional parameter (self/cls) of a function.
	firstParam string
	// comp counts the comprehensions enclosing the node being lowered, as
	// seen from this scope.
	comp int
	// annInit is set once the class body's __annotations__ is created.
	annInit bool
}

func newScope(kind scopeKind, n *analysis.Node, parent *scope) *scope {
	return &scope{kind: kind, node: n, parent: parent, bound: map[string]bool{},
		globals: map[string]bool{}, nonlocals: map[string]bool{}, walrus: map[string]bool{},
		captures: map[string]bool{}}
}

// analyse records the scopes of the tree under root.
func (l *lowerer) analyse(root *analysis.Node) {
	s := newScope(moduleScope, root, nil)
	l.scopes[keyOf(root)] = s
	l.collect(root, s)
}

// It returns whether n, or a node inside it, may need rewriting; such nodes
// are recorded in l.dirty and lowering copies every other subtree as is.
func (l *lowerer) collect(n *analysis.Node, s *scope) bool {
	typ := n.Type()
	switch typ {
	case "function_definition", "lambda":
		if !n.IsNamed() {
			return false // the lambda keyword
		}
		if name := n.ChildByFieldName("name"); name != nil {
			s.bound[l.raw(name)] = true
		}
		inner := newScope(functionScope, n, s)
		if name := n.ChildByFieldName("name"); name != nil {
			inner.name = l.raw(name)
		}
		l.scopes[keyOf(n)] = inner
		if ps := n.ChildByFieldName("parameters"); ps != nil {
			for i, p := range elements(ps) {
				name := paramName(l, p)
				if name == "" {
					continue
				}
				inner.bound[name] = true
				if i == 0 && (p.Type() == "identifier" || p.Type() == "typed_parameter" ||
					p.Type() == "default_parameter" || p.Type() == "typed_default_parameter") {
					inner.firstParam = name
				}
				// Defaults and annotations are evaluated in the enclosing scope.
				for _, f := range []string{"value", "type"} {
					if v := p.ChildByFieldName(f); v != nil {
						l.collect(v, s)
					}
				}
			}
		}
		if r := n.ChildByFieldName("return_type"); r != nil {
			l.collect(r, s)
		}
		if b := n.ChildByFieldName("body"); b != nil {
			l.collect(b, inner)
		}
		// Parameters and return annotations are rewritten anyway.
		l.dirty[keyOf(n)] = true
		return true
	case "class_definition":
		name := n.ChildByFieldName("name")
		s.bound[l.raw(name)] = true
		inner := newScope(classScope, n, s)
		inner.name = l.raw(name)
		l.scopes[keyOf(n)] = inner
		dirty := false
		if sc := n.ChildByFieldName("superclasses"); sc != nil {
			dirty = l.collect(sc, s)
		}
		if b := n.ChildByFieldName("body"); b != nil {
			dirty = l.collect(b, inner) || dirty
		}
		if dirty {
			l.dirty[keyOf(n)] = true
		}
		return dirty
	case "assignment", "augmented_assignment":
		if n.Type() == "assignment" && n.ChildByFieldName("right") == nil {
			// A bare annotation binds nothing at run time.
			break
		}
		if lt := n.ChildByFieldName("left"); lt != nil {
			l.targets(lt, s.bound)
		}
	case "for_statement":
		if lt := n.ChildByFieldName("left"); lt != nil {
			l.targets(lt, s.bound)
		}
	case "as_pattern_target":
		l.targets(n, s.bound)
	case "except_clause", "except_group_clause":
		seenAs := false
		for _, c := range children(n, false) {
			if c.Type() == "as" {
				seenAs = true
			} else if seenAs && c.Type() == "identifier" {
				s.bound[l.raw(c)] = true
				seenAs = false
			}
		}
	case "import_statement", "import_from_statement":
		for _, c := range children(n, true) {
			if n.Type() == "import_from_statement" && c == n.ChildByFieldName("module_name") {
				continue
			}
			switch c.Type() {
			case "dotted_name":
				if n.Type() == "import_statement" {
					s.bound[l.raw(c.NamedChild(0))] = true
				} else {
					s.bound[l.raw(c)] = true
				}
			case "aliased_import":
				s.bound[l.raw(c.ChildByFieldName("alias"))] = true
			}
		}
	case "delete_statement":
		for _, c := range children(n, true) {
			l.targets(c, s.bound)
		}
	case "global_statement":
		for _, c := range children(n, true) {
			if c.Type() == "identifier" {
				s.globals[l.raw(c)] = true
			}
		}
	case "nonlocal_statement":
		for _, c := range children(n, true) {
			if c.Type() == "identifier" {
				s.nonlocals[l.raw(c)] = true
			}
		}
	case "named_expression":
		if name := n.ChildByFieldName("name"); name != nil {
			s.walrus[l.raw(name)] = true
		}
	case "case_clause":
		for _, c := range children(n, true) {
			if c.Type() == "case_pattern" {
				for _, name := range l.captureNames(c) {
					s.captures[name] = true
				}
			}
		}
	case "list_comprehension", "set_comprehension", "dictionary_comprehension", "generator_expression":
		// The loop variables belong to the comprehension; := inside binds
		// in s, which walking with s records.
	}
	dirty := l.mayChange(n, typ)
	for _, c := range kidsOf(n) {
		if l.collect(c, s) {
			dirty = true
		}
	}
	if dirty {
		l.dirty[keyOf(n)] = true
	}
	return dirty
}

// mayChange reports whether a handler may rewrite n itself (children
// aside). It must never say no for a node a handler changes.
func (l *lowerer) mayChange(n *analysis.Node, typ string) bool {
	if handlers[typ] == nil || !n.IsNamed() {
		return false
	}
	raw := func() string { return l.raw(n) }
	switch typ {
	case "module", "class_definition", "list_comprehension", "generator_expression":
		// Only their contents change.
		return false
	case "string":
		r := raw()
		q := strings.IndexAny(r, "\"'")
		return q >= 0 && strings.ContainsAny(r[:q], "fF") || strings.Contains(r, `\N{`)
	case "integer", "float":
		return strings.Contains(raw(), "_")
	case "call":
		return strings.HasPrefix(raw(), "super")
	case "argument_list", "list", "tuple", "expression_list":
		return strings.Contains(raw(), "*")
	case "assignment":
		return n.ChildByFieldName("type") != nil
	case "binary_operator", "augmented_assignment":
		return strings.Contains(raw(), "@")
	case "with_clause":
		return strings.HasPrefix(raw(), "(")
	case "try_statement":
		return strings.Contains(raw(), "except*") || strings.Contains(raw(), "except *")
	case "for_statement", "with_statement":
		return strings.HasPrefix(raw(), "async")
	case "concatenated_string":
		// Changes only around an f-string part, which is itself dirty.
		return false
	}
	return true
}

// targets adds the names an assignment target binds.
func (l *lowerer) targets(n *analysis.Node, into map[string]bool) {
	switch n.Type() {
	case "identifier":
		into[l.raw(n)] = true
	case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list",
		"parenthesized_expression", "list_splat_pattern", "list_splat", "as_pattern_target":
		for _, c := range children(n, true) {
			l.targets(c, into)
		}
	}
}

// paramName is the name a parameter node binds ("" for separators).
func paramName(l *lowerer, p *analysis.Node) string {
	switch p.Type() {
	case "identifier":
		return l.raw(p)
	case "typed_parameter":
		for _, c := range children(p, true) {
			switch c.Type() {
			case "identifier":
				return l.raw(c)
			case "list_splat_pattern", "dictionary_splat_pattern":
				return paramName(l, c)
			}
		}
	case "default_parameter", "typed_default_parameter":
		if nm := p.ChildByFieldName("name"); nm != nil {
			return l.raw(nm)
		}
	case "list_splat_pattern", "dictionary_splat_pattern":
		for _, c := range children(p, true) {
			if c.Type() == "identifier" {
				return l.raw(c)
			}
		}
	case "tuple_pattern":
		return ""
	}
	return ""
}

// cur is the innermost scope around the node being lowered.
func (l *lowerer) cur() *scope { return l.stack[len(l.stack)-1] }

// scoped lowers a module or class body inside its scope.
func (l *lowerer) scoped(n *analysis.Node) (string, bool) {
	s := l.scopes[keyOf(n)]
	l.stack = append(l.stack, s)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	if n.Type() == "class_definition" {
		return l.classDef(n), true
	}
	return l.generic(n), true
}

// inComprehension wraps the lowering of a comprehension, which is a scope of
// its own for its loop variables but not for :=.
func (l *lowerer) inComprehension(n *analysis.Node, f func() string) string {
	s := l.cur()
	s.comp++
	defer func() { s.comp-- }()
	return f()
}
