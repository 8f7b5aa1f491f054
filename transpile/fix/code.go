package fix

import (
	"context"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/stelp-dev/stelp/analysis"
)

// parseSnippet parses Python text on its own (the contents of a string
// handed to eval or exec) and calls use with its root, which is valid only
// during the call.
func parseSnippet(text string, use func(root *analysis.Node, src []byte)) {
	src := []byte(text)
	t, err := analysis.ParseSource(context.Background(), src)
	if err != nil {
		return
	}
	defer t.Close()
	use(t.RootNode(), src)
}

// walk visits n and its named descendants; visit returns false to skip a
// node's children.
func walk(n *analysis.Node, visit func(n *analysis.Node) bool) {
	if !visit(n) {
		return
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		walk(n.NamedChild(i), visit)
	}
}

// atoms are expression kinds that never need parentheses where an
// expression is expected.
var atoms = map[string]bool{
	"identifier": true, "call": true, "attribute": true, "subscript": true, "string": true,
	"concatenated_string": true, "integer": true, "float": true, "true": true, "false": true, "none": true,
	"list": true, "dictionary": true, "set": true, "tuple": true, "parenthesized_expression": true,
	"list_comprehension": true, "dictionary_comprehension": true, "set_comprehension": true,
	"generator_expression": true, "ellipsis": true,
}

// evalExpression checks that text is one expression that eval() accepts and
// that can be written in place of the call: one line, no comment, no
// walrus (eval binds into its own locals), no yield/await. It returns the
// expression's text and node kind.
func evalExpression(text string) (string, string, bool) {
	text = strings.Trim(text, " \t")
	if text == "" || strings.ContainsAny(text, "\n\r\f") {
		return "", "", false
	}
	var kind string
	ok := false
	parseSnippet(text, func(root *analysis.Node, src []byte) {
		if root.HasError() || root.NamedChildCount() != 1 {
			return
		}
		st := root.NamedChild(0)
		if st.Type() != "expression_statement" || st.NamedChildCount() != 1 {
			return
		}
		e := st.NamedChild(0)
		switch e.Type() {
		case "assignment", "augmented_assignment", "yield", "await", "comment":
			return
		}
		if int(st.StartByte()) != 0 || int(st.EndByte()) != len(src) {
			return
		}
		clean := true
		walk(e, func(n *analysis.Node) bool {
			switch n.Type() {
			case "named_expression", "yield", "await", "comment", "ERROR":
				clean = false
			}
			return clean
		})
		kind, ok = e.Type(), clean
	})
	return text, kind, ok
}

// fixEval: eval of a constant string becomes the expression itself (same
// behaviour: eval without namespaces evaluates in the caller's scope, and
// the code is now visible to the checker); any other eval is offered
// ast.literal_eval, which changes behaviour for non-literals.
func fixEval(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) != 1 || len(cp.pos) != 1 {
		return nil
	}
	arg := cp.pos[0]
	if s, ok := d.constString(arg); ok {
		expr, kind, ok := evalExpression(s)
		if !ok || enclosing(call, "interpolation") != nil {
			// Not an expression eval accepts (e.g. a statement): eval
			// raises, and literal_eval would raise too. Inside an f-string
			// before Python 3.12 the expression's quotes may clash.
			// Nothing to offer.
			return nil
		}
		if !atoms[kind] && !bareContext(call) {
			expr = "(" + expr + ")"
		}
		app, title := analysis.FixSafe, "Write the expression instead of eval()"
		if !d.callsBuiltin(call, "eval") {
			app, title = analysis.FixUnsafe, title+" (the callee is eval only through an alias)"
		}
		return &analysis.Fix{Title: title, Applicability: app, Edits: []analysis.TextEdit{d.replace(call, expr)}}
	}
	fn := call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "identifier" {
		return nil
	}
	edits := []analysis.TextEdit{d.replace(fn, "ast.literal_eval")}
	if e, ok := d.importEdit("ast"); ok {
		edits = append(edits, e)
	}
	return &analysis.Fix{Title: "Parse a literal with ast.literal_eval (accepts only literals)", Applicability: analysis.FixUnsafe, Edits: edits}
}

// bareContext reports places where any expression but a yield can stand
// without parentheses: a whole statement, an assignment's value, a return
// value.
func bareContext(call *analysis.Node) bool {
	p := call.Parent()
	if p == nil {
		return false
	}
	switch p.Type() {
	case "expression_statement":
		return p.NamedChildCount() == 1
	case "return_statement":
		return true
	case "assignment", "augmented_assignment":
		r := p.ChildByFieldName("right")
		return r != nil && r.Equal(call)
	}
	return false
}

// execStatements checks that text is statements exec() accepts at module
// level and that read the same when written in place: no return/yield
// outside a def, no break/continue outside a loop, no string spanning
// lines (re-indenting would change it). It returns the names the
// statements bind in their scope and whether one of them may be read
// before it is bound (an augmented assignment, or a read earlier in the
// text), where exec reads the enclosing value and written-out code would
// read an unbound local.
func execStatements(text string) (lines []string, bound []string, readFirst, ok bool) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	raw := strings.Split(text, "\n")
	for len(raw) > 0 && strings.TrimSpace(raw[0]) == "" {
		raw = raw[1:]
	}
	for len(raw) > 0 && strings.TrimSpace(raw[len(raw)-1]) == "" {
		raw = raw[:len(raw)-1]
	}
	if len(raw) == 0 {
		return []string{"pass"}, nil, false, true
	}
	if raw[0][0] == ' ' || raw[0][0] == '\t' || strings.ContainsAny(text, "\r\f") {
		return nil, nil, false, false
	}
	body := strings.Join(raw, "\n") + "\n"
	parseSnippet(body, func(root *analysis.Node, src []byte) {
		if root.HasError() || root.NamedChildCount() == 0 {
			return
		}
		clean := true
		firstBind := map[string]int{}
		var reads []*analysis.Node
		bind := func(id *analysis.Node) {
			name := string(src[id.StartByte():id.EndByte()])
			if _, ok := firstBind[name]; !ok {
				firstBind[name] = int(id.StartByte())
				bound = append(bound, name)
			}
		}
		var visit func(n *analysis.Node, inDef bool, loops int)
		visit = func(n *analysis.Node, inDef bool, loops int) {
			if !clean {
				return
			}
			k := n.Type()
			switch k {
			case "return_statement", "yield", "await":
				if !inDef {
					clean = false
				}
			case "break_statement", "continue_statement":
				if loops == 0 {
					clean = false
				}
			case "string":
				if strings.Contains(string(src[n.StartByte():n.EndByte()]), "\n") {
					clean = false
				}
			case "ERROR", "global_statement", "nonlocal_statement", "delete_statement":
				clean = false
			case "augmented_assignment":
				if !inDef {
					readFirst = true
				}
			case "identifier":
				if !inDef {
					if bindingPosition(n) {
						bind(n)
					} else {
						reads = append(reads, n)
					}
				}
			}
			if k == "function_definition" || k == "class_definition" {
				if nm := n.ChildByFieldName("name"); nm != nil && !inDef {
					bind(nm)
				}
				inDef = true
				loops = 0
			}
			if k == "lambda" || strings.HasSuffix(k, "comprehension") || k == "generator_expression" {
				inDef = true // their names are their own
			}
			if k == "for_statement" || k == "while_statement" {
				loops++
			}
			for i := 0; i < int(n.NamedChildCount()); i++ {
				visit(n.NamedChild(i), inDef, loops)
			}
		}
		visit(root, false, 0)
		for _, r := range reads {
			name := string(src[r.StartByte():r.EndByte()])
			if at, ok := firstBind[name]; ok && int(r.StartByte()) < at {
				readFirst = true
			}
		}
		ok = clean
	})
	return raw, bound, readFirst, ok
}

// bindingPosition reports whether identifier id is bound where it stands:
// an assignment or for target (possibly inside a tuple/list pattern), an
// import name or alias, a with/except `as` target.
func bindingPosition(id *analysis.Node) bool {
	child := id
	for p := id.Parent(); p != nil; child, p = p, p.Parent() {
		switch p.Type() {
		case "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern":
			continue
		case "assignment", "augmented_assignment", "for_statement":
			l := p.ChildByFieldName("left")
			return l != nil && l.Equal(child)
		case "aliased_import":
			a := p.ChildByFieldName("alias")
			return a != nil && a.Equal(child)
		case "dotted_name":
			// `import a.b` binds a; `from m import x` binds x.
			gp := p.Parent()
			if gp == nil || p.NamedChild(0) == nil || !p.NamedChild(0).Equal(child) {
				return false
			}
			switch gp.Type() {
			case "import_statement":
				return true
			case "import_from_statement":
				m := gp.ChildByFieldName("module_name")
				return m == nil || !m.Equal(p)
			}
			return false
		case "as_pattern_target":
			return true
		}
		return false
	}
	return false
}

// usedElsewhere reports whether any of names appears as an identifier in
// the function around stmt, outside stmt, or the function reads its
// namespace by name (locals(), vars(), eval, exec, dir()), which would see
// the bindings whatever they are called.
func (d *doc) usedElsewhere(stmt *analysis.Node, names []string) bool {
	fn := stmt.Parent()
	for fn != nil && fn.Type() != "function_definition" {
		fn = fn.Parent()
	}
	if fn == nil {
		return true
	}
	used := false
	for _, name := range append([]string{"locals", "vars", "eval", "exec", "dir"}, names...) {
		d.identifierUses(fn, name, func(id *analysis.Node) {
			if id.StartByte() < stmt.StartByte() || id.StartByte() >= stmt.EndByte() {
				used = true
			}
		})
	}
	return used
}

// fixExec: exec of a constant string that is a whole statement becomes the
// statements themselves. At module or class level that is exactly what
// exec does; inside a function exec's assignments are lost (it writes to a
// copy of the locals), so writing them out changes behaviour, and the fix
// is unsafe, when the function reads what they bind.
func fixExec(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) != 1 || len(cp.pos) != 1 {
		return nil
	}
	s, ok := d.constString(cp.pos[0])
	if !ok {
		return nil
	}
	stmt := call.Parent()
	if stmt == nil || stmt.Type() != "expression_statement" || stmt.NamedChildCount() != 1 ||
		!d.startsLine(stmt) || !d.endsLine(stmt) {
		return nil
	}
	if pt := stmt.Parent(); pt == nil || (pt.Type() != "block" && pt.Type() != "module") {
		return nil
	}
	lines, bound, readFirst, ok := execStatements(s)
	if !ok {
		return nil
	}
	if readFirst && inFunction(stmt) {
		// Written out in a function, a name the snippet reads before it binds
		// becomes a local read before assignment (`counter += 1`): the
		// rewrite would raise UnboundLocalError, so there is no honest fix.
		return nil
	}
	indent := d.indentOf(int(stmt.StartByte()))
	app := analysis.FixSafe
	title := "Write the statements instead of exec()"
	// In a function exec binds into a throwaway copy of the locals: written
	// out, the bindings are real. That is invisible only when nothing else
	// in the function reads those names and the snippet binds before it
	// reads.
	if len(bound) > 0 && inFunction(stmt) && d.usedElsewhere(stmt, bound) {
		app = analysis.FixUnsafe
		title = "Write the statements instead of exec() (their assignments now take effect)"
	}
	if !d.callsBuiltin(call, "exec") {
		app = analysis.FixUnsafe
		title += " (the callee is exec only through an alias)"
	}
	text := strings.Join(lines, "\n"+indent)
	// Lines of the snippet that were blank stay blank (no trailing spaces).
	text = strings.ReplaceAll(text, "\n"+indent+"\n", "\n\n")
	return &analysis.Fix{Title: title, Applicability: app, Edits: []analysis.TextEdit{d.replace(stmt, text)}}
}

// callsBuiltin reports whether the call's callee is plainly the builtin
// name (`eval`, `builtins.eval`, or a compatibility form Python folds to
// it, like `ｅｖａｌ`). The checker also resolves aliases (`run = eval`,
// getattr with a computed name); a rewrite that trusts such a resolution is
// offered as unsafe, since the checker errs on the side of flagging.
func (d *doc) callsBuiltin(call *analysis.Node, name string) bool {
	switch norm.NFKC.String(d.calleeName(call)) {
	case name, "builtins." + name:
		return !d.rebinds(name)
	}
	return false
}

// rebinds reports whether the file binds name itself (an assignment,
// parameter, def or import), so that it may not be the builtin.
func (d *doc) rebinds(name string) bool {
	if r, ok := d.rebound[name]; ok {
		return r
	}
	found := false
	binds := func(n *analysis.Node) {
		p := n.Parent()
		if found || p == nil {
			return
		}
		switch p.Type() {
		case "parameters", "default_parameter", "typed_parameter", "typed_default_parameter", "global_statement", "nonlocal_statement":
			found = true
		case "function_definition", "class_definition":
			// A method named eval binds in its class only.
			nm := p.ChildByFieldName("name")
			found = nm != nil && nm.Equal(n) && !inClassBody(p)
		default:
			found = bindingPosition(n)
		}
	}
	if analysis.IsASCII(d.src) {
		// NFKC changes no ASCII name: the spelling is the name.
		d.identifierUses(d.root, name, binds)
	} else {
		walk(d.root, func(n *analysis.Node) bool {
			if !found && n.Type() == "identifier" && norm.NFKC.String(d.text(n)) == name {
				binds(n)
			}
			return !found
		})
	}
	if d.rebound == nil {
		d.rebound = map[string]bool{}
	}
	d.rebound[name] = found
	return found
}

// inClassBody reports whether statement n is directly in a class body.
func inClassBody(n *analysis.Node) bool {
	b := n.Parent()
	if b != nil && b.Type() == "decorated_definition" {
		b = b.Parent()
	}
	return b != nil && b.Type() == "block" && b.Parent() != nil && b.Parent().Type() == "class_definition"
}

// inFunction reports whether n runs in a function's scope.
func inFunction(n *analysis.Node) bool {
	for c := n.Parent(); c != nil; c = c.Parent() {
		switch c.Type() {
		case "function_definition", "lambda":
			return true
		case "class_definition":
			return false
		}
	}
	return false
}

var moduleNameRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
})

// fixDunderImport: __import__('math') with a constant name of a module the
// policy allows becomes `math` with `import math` added. __import__ returns the
// top-level package, which is what `import a.b` binds to `a`.
func fixDunderImport(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) != 1 || len(cp.pos) != 1 || d.calleeName(call) != "__import__" {
		return nil
	}
	name, ok := d.constString(cp.pos[0])
	if !ok || !moduleNameRe().MatchString(name) {
		return nil
	}
	top, _, _ := strings.Cut(name, ".")
	if d.pol == nil || !d.pol.Allows(name) || !d.freeModuleName(top) {
		return nil
	}
	edits := []analysis.TextEdit{d.replace(call, top)}
	if e, ok := d.importEdit(name); ok {
		edits = append(edits, e)
	}
	return &analysis.Fix{Title: "Import " + name + " with an import statement", Applicability: analysis.FixSafe, Edits: edits}
}

// freeModuleName reports whether name is used in the file only as a
// module would be (`name.attr`, or in import statements), so binding it
// at top level cannot shadow or be shadowed by a variable.
func (d *doc) freeModuleName(name string) bool {
	free := true
	d.identifierUses(d.root, name, func(id *analysis.Node) {
		p := id.Parent()
		if p == nil {
			free = false
			return
		}
		switch p.Type() {
		case "attribute":
			if o := p.ChildByFieldName("object"); o != nil && o.Equal(id) {
				return
			}
			return // `x.name`: an attribute, not a binding
		case "dotted_name":
			return
		}
		free = false
	})
	return free
}
