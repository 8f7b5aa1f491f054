package lower

import (
	"sort"
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// contLines keeps the newlines of removed statement-level text as backslash
// continuations (outside brackets a bare newline would end the statement).
func contLines(removed string) string {
	return strings.Repeat(" \\\n", strings.Count(removed, "\n"))
}

// extraLocals are the names a function must declare as keyword-only
// parameters so that := can bind them: names bound by nothing else in the
// function (CPython makes them local; gpython needs a binding to make them
// so). Their default only shows when code reads the name before binding it,
// which CPython reports as UnboundLocalError.
func extraLocals(s *scope) []string {
	var out []string
	for name := range s.walrus {
		if !s.bound[name] && !s.captures[name] && !s.globals[name] && !s.nonlocals[name] {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func (l *lowerer) functionDef(n *analysis.Node) (string, bool) {
	if hasAsync(n) {
		l.problem(n, "async", "async def is not supported")
	}
	s := l.scopes[keyOf(n)]
	repl := map[int]string{}
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		switch {
		case n.FieldNameForChild(i) == "type_parameters":
			// def f[T](x: T): the type parameters only matter to
			// annotations, which are dropped.
			repl[i] = contLines(l.raw(c))
		case c.Type() == "parameters":
			// Defaults are evaluated in the enclosing scope.
			repl[i] = l.paramsText(c, extraLocals(s))
		case c.Type() == "->":
			repl[i] = ""
		case n.FieldNameForChild(i) == "return_type":
			repl[i] = contLines(l.raw(c))
		}
	}
	l.stack = append(l.stack, s)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	return l.spliced(n, repl), true
}

func (l *lowerer) lambda(n *analysis.Node) (string, bool) {
	s := l.scopes[keyOf(n)]
	repl := map[int]string{}
	extra := extraLocals(s)
	hasParams := false
	for i := 0; i < int(n.ChildCount()); i++ {
		if c := n.Child(i); c.Type() == "lambda_parameters" {
			repl[i] = l.paramsText(c, extra)
			hasParams = true
		}
	}
	if !hasParams && len(extra) > 0 {
		// `lambda: (x := 1)` has no parameter node to extend.
		repl[0] = "lambda *, " + strings.Join(extra, "=None, ") + "=None"
	}
	l.stack = append(l.stack, s)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	return l.spliced(n, repl), true
}

// params is reached only for parameter lists outside def and lambda (none
// in valid code); the def and lambda handlers call paramsText.
func (l *lowerer) params(n *analysis.Node) (string, bool) {
	return l.paramsText(n, nil), true
}

// paramsText drops annotations, the positional-only marker and trailing
// commas, adds extra keyword-only parameters, and puts the keyword-only
// parameters with a default before those without: gpython's compiler pairs
// the (packed) keyword-only defaults with the first keyword-only names, so
// `def f(*, a, b=2)` would give a the default; order among keyword-only
// parameters means nothing to callers.
func (l *lowerer) paramsText(n *analysis.Node, extra []string) string {
	elems := elements(n)
	var start, end uint32
	paren := n.Type() == "parameters"
	if paren {
		start, end = n.Child(0).EndByte(), n.Child(int(n.ChildCount())-1).StartByte()
	} else {
		start, end = n.StartByte(), n.EndByte()
	}
	var positional, kwDefault, kwPlain []string
	star, dstar := "", ""
	carry := "" // newlines of dropped entries, kept for the next one
	pos := start
	for _, e := range elems {
		gap := carry + keepLines(l.between(pos, e.StartByte()))
		carry = ""
		pos = e.EndByte()
		var t string
		hasDefault := false
		isStar, isDstar := false, false
		switch e.Type() {
		case "positional_separator":
			carry = gap
			continue
		case "keyword_separator":
			isStar = true
			t = "*"
		case "list_splat_pattern":
			isStar = true
			t = l.raw(e)
		case "dictionary_splat_pattern":
			isDstar = true
			t = l.raw(e)
		case "typed_parameter":
			inner := e.NamedChild(0)
			t = l.raw(inner)
			isStar = inner.Type() == "list_splat_pattern"
			isDstar = inner.Type() == "dictionary_splat_pattern"
			// The annotation's own newlines (inside its brackets) become
			// plain newlines inside the parameter list's parentheses.
			t += keepLines(l.between(inner.EndByte(), e.EndByte()))
		case "default_parameter", "typed_default_parameter":
			name := e.ChildByFieldName("name")
			val := e.ChildByFieldName("value")
			t = l.raw(name) + keepLines(l.between(name.EndByte(), val.StartByte())) + "=" + l.text(val)
			hasDefault = true
		case "tuple_pattern":
			l.problem(e, "syntax", "tuple parameters are Python 2 syntax")
			t = l.raw(e)
		default:
			t = l.text(e)
		}
		t = gap + t
		switch {
		case isStar:
			star = t
		case isDstar:
			dstar = t
		case star == "":
			positional = append(positional, t)
		case hasDefault:
			kwDefault = append(kwDefault, t)
		default:
			kwPlain = append(kwPlain, t)
		}
	}
	for _, name := range extra {
		kwDefault = append(kwDefault, name+"=None")
	}
	if star == "" && len(kwDefault)+len(kwPlain) > 0 {
		star = "*"
	}
	all := positional
	if star != "" {
		all = append(all, star)
	}
	all = append(append(all, kwDefault...), kwPlain...)
	if dstar != "" {
		all = append(all, dstar)
	}
	text := strings.Join(all, ", ") + carry + keepLines(l.between(pos, end))
	if !paren {
		return text
	}
	return "(" + text + ")"
}

// classDef drops the type parameters of `class C[T]:` (3.12): a class
// annotation naming T keeps its source text (see assignment).
func (l *lowerer) classDef(n *analysis.Node) string {
	repl := map[int]string{}
	for i := 0; i < int(n.ChildCount()); i++ {
		if n.FieldNameForChild(i) == "type_parameters" {
			repl[i] = contLines(l.raw(n.Child(i)))
		}
	}
	return l.spliced(n, repl)
}

// typeAlias lowers `type Name[T] = value` (3.12, evaluated lazily by
// CPython) to an assignment of the value, or of its source text when it
// cannot be evaluated here (a forward reference, a type parameter).
func (l *lowerer) typeAlias(n *analysis.Node) (string, bool) {
	var parts []*analysis.Node
	for _, c := range children(n, true) {
		if c.Type() == "type" {
			parts = append(parts, c)
		}
	}
	if len(parts) != 2 {
		l.problem(n, "type-alias", "unrecognised type statement")
		return "", false
	}
	name := parts[0]
	if name.NamedChildCount() > 0 && name.NamedChild(0).Type() == "generic_type" {
		name = name.NamedChild(0).NamedChild(0)
	}
	value := parts[1]
	return l.raw(name) + contLines(l.between(n.StartByte(), value.StartByte())) + " = " + l.annotationValue(value), true
}

// annotationValue is `__stelp_ann__(lambda: T, 'T')`: T evaluated, or its
// source text when the runtime cannot evaluate it.
func (l *lowerer) annotationValue(typ *analysis.Node) string {
	text := pyQuote(strings.Join(strings.Fields(strings.ReplaceAll(l.raw(typ), "\\\n", " ")), " "))
	if l.futureAnnotations {
		return text
	}
	return "__stelp_ann__(lambda: " + l.text(typ) + ", " + text + ")"
}

// assignment drops variable annotations. In a class body the annotation is
// kept in __annotations__ (dataclasses and NamedTuple read it), evaluated as
// CPython does.
func (l *lowerer) assignment(n *analysis.Node) (string, bool) {
	typ := n.ChildByFieldName("type")
	if typ == nil {
		return "", false
	}
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	s := l.cur()
	if s.kind == classScope && s.comp == 0 && left.Type() == "identifier" {
		// Evaluated as CPython does, but an annotation the runtime cannot
		// evaluate (list[str] before the runtime knows it, a name only the
		// class body sees) is kept as its source text, which is all
		// dataclasses and NamedTuple need, rather than failing the class.
		ann := l.annotationValue(typ)
		call := "__annotations__['" + l.raw(left) + "'] = " + ann
		if !s.annInit {
			// CPython creates the class's __annotations__ with the first
			// annotation; ours keeps insertion order (dataclass fields).
			call = "__annotations__ = __stelp_dict__(); " + call
			s.annInit = true
		}
		if right == nil {
			return call + contLines(l.between(left.EndByte(), typ.StartByte())+l.between(typ.EndByte(), n.EndByte())), true
		}
		return call + "; " + l.text(left) + contLines(l.between(left.EndByte(), typ.StartByte())+
			l.between(typ.EndByte(), right.StartByte())) + " = " + l.text(right), true
	}
	if right == nil {
		return "pass" + contLines(l.between(n.StartByte(), n.EndByte())), true
	}
	return l.text(left) + contLines(l.between(left.EndByte(), right.StartByte())) + " = " + l.text(right), true
}

// decorator: gpython accepts only `@name` and `@name(args)` (its dotted
// form looks the whole dotted text up as one name).
func (l *lowerer) decorator(n *analysis.Node) (string, bool) {
	expr := n.NamedChild(0)
	if expr == nil {
		return "", false
	}
	if expr.Type() == "identifier" {
		return "", false
	}
	if expr.Type() == "call" && expr.ChildByFieldName("function").Type() == "identifier" &&
		expr.ChildByFieldName("arguments").Type() == "argument_list" {
		return "", false
	}
	return l.between(n.StartByte(), expr.StartByte()) + "__stelp_id__(" + l.text(expr) + ")" +
		l.between(expr.EndByte(), n.EndByte()), true
}

// withClause drops the parentheses of `with (a as x, b as y):` (3.10).
func (l *lowerer) withClause(n *analysis.Node) (string, bool) {
	if n.ChildCount() == 0 || n.Child(0).Type() != "(" {
		return "", false
	}
	items := elements(n)
	var b strings.Builder
	pos := n.Child(0).EndByte()
	for i, it := range items {
		gap := l.between(pos, it.StartByte())
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(contLines(gap))
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(l.text(it))
		pos = it.EndByte()
	}
	b.WriteString(contLines(l.between(pos, n.EndByte())))
	return b.String(), true
}

func (l *lowerer) tryStmt(n *analysis.Node) (string, bool) {
	if hasChildType(n, "except_group_clause") {
		l.problem(n, "except-star", "except* (exception groups) is not supported")
	}
	return "", false
}

func (l *lowerer) binop(n *analysis.Node) (string, bool) {
	if op := n.ChildByFieldName("operator"); op != nil && op.Type() == "@" {
		l.problem(op, "matmul", "the @ operator is not supported")
	}
	return "", false
}

func (l *lowerer) augAssign(n *analysis.Node) (string, bool) {
	if op := n.ChildByFieldName("operator"); op != nil && op.Type() == "@=" {
		l.problem(op, "matmul", "the @= operator is not supported")
	}
	return "", false
}

// futureImport removes `from __future__ import ...`: gpython has no
// __future__ module and every feature named there is on in 3.x (annotations
// changes only how class annotations are stored, which assignment honours).
func (l *lowerer) futureImport(n *analysis.Node) (string, bool) {
	if strings.Contains(l.raw(n), "annotations") {
		l.futureAnnotations = true
	}
	return "pass" + contLines(l.raw(n)), true
}

// call lowers zero-argument super() to super(Class, first_param).
func (l *lowerer) call(n *analysis.Node) (string, bool) {
	fn, args := n.ChildByFieldName("function"), n.ChildByFieldName("arguments")
	if fn == nil || args == nil || fn.Type() != "identifier" || l.raw(fn) != "super" ||
		args.Type() != "argument_list" || len(elements(args)) != 0 {
		return "", false
	}
	// The method is the innermost def; comprehensions and lambdas inside it
	// see the same class and first argument in this lowering.
	var method *scope
	for i := len(l.stack) - 1; i >= 0; i-- {
		s := l.stack[i]
		if s.kind == functionScope && s.node.Type() == "function_definition" {
			method = s
			break
		}
	}
	if method == nil || method.parent == nil || method.parent.kind != classScope {
		l.problem(n, "super", "super() without arguments outside a method")
		return "", false
	}
	if method.firstParam == "" {
		l.problem(n, "super", "super() without arguments in a method without parameters")
		return "", false
	}
	// Qualify nested classes (Outer.Inner) up to the first function or
	// the module, where the outermost name is visible.
	path := []string{method.parent.name}
	for p := method.parent.parent; p != nil && p.kind == classScope; p = p.parent {
		path = append([]string{p.name}, path...)
	}
	return "super(" + strings.Join(path, ".") + ", " + method.firstParam + keepLines(l.between(args.Child(0).EndByte(), args.Child(int(args.ChildCount())-1).StartByte())) + ")", true
}
