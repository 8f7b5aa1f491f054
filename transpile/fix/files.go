package fix

import (
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// fixLeakedOpen puts a file opened and never closed into a with block.
// `f = open(...)` followed by statements that use f becomes
// `with open(...) as f:` around the statements up to f's last use; a bare
// `open(...)` statement becomes `with open(...): pass`. Offered only when
// f is used in ways that cannot keep it alive past the block (method
// calls, arguments, iteration) and not after it; re-indented lines hold no
// string spanning lines. Safe: the file is closed when the block ends
// instead of when the object is collected.
func fixLeakedOpen(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	if call == nil || d.calleeName(call) != "open" {
		return nil
	}
	unit := d.indentUnit()
	const title = "Close the file with a with block"
	p := call.Parent()
	if p == nil {
		return nil
	}
	if p.Type() == "expression_statement" && p.NamedChildCount() == 1 && d.simpleStatement(p) {
		indent := d.indentOf(int(p.StartByte()))
		return &analysis.Fix{Title: title, Applicability: analysis.FixSafe,
			Edits: []analysis.TextEdit{d.replace(p, "with "+d.text(call)+":\n"+indent+unit+"pass")}}
	}
	if p.Type() != "assignment" {
		return nil
	}
	left, right := p.ChildByFieldName("left"), p.ChildByFieldName("right")
	if left == nil || right == nil || !right.Equal(call) || left.Type() != "identifier" || p.ChildByFieldName("type") != nil {
		return nil
	}
	stmt := p.Parent()
	if stmt == nil || stmt.Type() != "expression_statement" || stmt.NamedChildCount() != 1 || !d.simpleStatement(stmt) {
		return nil
	}
	name := d.text(left)
	if strings.Contains(string(d.src), "global "+name) || strings.Contains(string(d.src), "nonlocal "+name) {
		return nil
	}
	// The statements after the open in the same block, up to the last use.
	var last *analysis.Node
	for s := stmt.NextNamedSibling(); s != nil; s = s.NextNamedSibling() {
		used := false
		d.identifierUses(s, name, func(*analysis.Node) { used = true })
		if used {
			last = s
		}
	}
	scope := stmt.Parent()
	for scope != nil && scope.Type() != "function_definition" && scope.Type() != "module" {
		scope = scope.Parent()
	}
	if scope == nil {
		return nil
	}
	end := stmt
	if last != nil {
		end = last
	}
	ok := true
	d.identifierUses(scope, name, func(id *analysis.Node) {
		switch {
		case id.StartByte() >= end.EndByte():
			ok = false // used after the block
		case id.StartByte() > stmt.EndByte():
			ok = ok && d.harmlessFileUse(id) && !inNestedScope(id, scope)
		}
	})
	if !ok {
		return nil
	}
	head := "with " + d.text(call) + " as " + name + ":"
	if last == nil {
		indent := d.indentOf(int(stmt.StartByte()))
		return &analysis.Fix{Title: title, Applicability: analysis.FixSafe,
			Edits: []analysis.TextEdit{d.replace(stmt, head+"\n"+indent+unit+"pass")}}
	}
	from := d.lineAfter(int(stmt.EndByte()))
	region := string(d.src[from:last.EndByte()])
	if d.multilineString(from, int(last.EndByte())) {
		return nil
	}
	lines := strings.Split(region, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = unit + l
		}
	}
	text := head + string(d.src[stmt.EndByte():from]) + strings.Join(lines, "\n")
	return &analysis.Fix{Title: title, Applicability: analysis.FixSafe,
		Edits: []analysis.TextEdit{d.edit(int(stmt.StartByte()), int(last.EndByte()), text)}}
}

// simpleStatement: a statement alone on its lines, directly in a block.
func (d *doc) simpleStatement(s *analysis.Node) bool {
	pt := s.Parent()
	return pt != nil && (pt.Type() == "block" || pt.Type() == "module") && d.startsLine(s) && d.endsLine(s)
}

// harmlessFileUse: a use of the file object that cannot keep it alive
// beyond the statement: a method call or attribute read, an argument of a
// call, the iterable of a for loop.
func (d *doc) harmlessFileUse(id *analysis.Node) bool {
	p := id.Parent()
	if p == nil {
		return false
	}
	switch p.Type() {
	case "attribute":
		o := p.ChildByFieldName("object")
		return o != nil && o.Equal(id)
	case "argument_list":
		return true
	case "keyword_argument":
		v := p.ChildByFieldName("value")
		return v != nil && v.Equal(id)
	case "for_statement", "for_in_clause":
		r := p.ChildByFieldName("right")
		return r != nil && r.Equal(id)
	}
	return false
}

// inNestedScope reports whether id sits in a function, lambda or class
// nested in scope: such code may run after the with block has closed the
// file.
func inNestedScope(id, scope *analysis.Node) bool {
	for p := id.Parent(); p != nil && !p.Equal(scope); p = p.Parent() {
		switch p.Type() {
		case "function_definition", "lambda", "class_definition":
			return true
		}
	}
	return false
}

// multilineString reports whether a string literal spanning lines starts
// in [from, to).
func (d *doc) multilineString(from, to int) bool {
	found := false
	walk(d.root, func(n *analysis.Node) bool {
		if found || int(n.EndByte()) <= from || int(n.StartByte()) >= to {
			return false
		}
		if n.Type() == "string" && n.StartPoint().Row != n.EndPoint().Row {
			found = true
		}
		return !found
	})
	return found
}
