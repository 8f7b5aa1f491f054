// Package instrument rewrites a (lowered) Python program so that the
// executor can bound and observe it: budget ticks on loops and function
// entries, iterator wrappers on for loops and comprehensions, routing of
// guarded attribute names through the runtime guard, and, for traces,
// statement counts and the values assigned on each line.
//
// Every insertion stays on the line it belongs to (no newline is ever
// added or removed), so line N of the output is line N of the input and
// results map back to the source without a source map.
//
// The runtime ABI (implemented by package exec):
//
//	__stelp_tick__(line) -> True         one loop iteration
//	__stelp_enter__(line) -> True        a function entry (depth check)
//	__stelp_iter__(iterable, line[, 1])  an iterator charging a step per item
//	                                     (1: also count the line, for traces)
//	__stelp_attr__(obj, 'name'[, 1])     a guarded attribute read (or store/del)
//	__stelp_line__(line) -> True         a statement start (traces)
//	__stelp_trace__(line, 'name', value) a traced assignment
package instrument

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/analysis"

	"github.com/stelp-dev/stelp/exec/guard"
)

// Options select the instrumentation.
type Options struct {
	// Trace adds statement counts and traced assignments.
	Trace bool
}

// SyntaxError is returned for source tree-sitter cannot parse: such a
// program is never run uninstrumented.
type SyntaxError struct {
	Line, Col int
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid syntax at line %d, column %d", e.Line, e.Col)
}

type key struct {
	start, end uint32
	sym        sitter.Symbol
}

func keyOf(n *analysis.Node) key { return key{n.StartByte(), n.EndByte(), n.Symbol()} }

// wrap surrounds a node's rendered text; wraps added later are outer.
type wrap struct{ pre, post string }

type rewriter struct {
	src   []byte
	opt   Options
	wraps map[key][]wrap
	// attrs marks attribute nodes to route through __stelp_attr__; the
	// value says whether the access is a store or delete.
	attrs map[key]bool
}

// Instrument returns the instrumented program.
func Instrument(ctx context.Context, src []byte, opt Options) ([]byte, error) {
	tree, err := analysis.ParseSource(ctx, src)
	if err != nil {
		return nil, fmt.Errorf("instrument: parse: %w", err)
	}
	defer tree.Close()
	return InstrumentTree(tree, opt)
}

// InstrumentTree is Instrument of an already parsed program
// (tree.Source()); the tree stays the caller's.
func InstrumentTree(tree *analysis.Tree, opt Options) ([]byte, error) {
	src := tree.Source()
	root := tree.RootNode()
	if root.HasError() {
		return nil, firstError(root)
	}
	r := &rewriter{src: src, opt: opt, wraps: map[key][]wrap{}, attrs: map[key]bool{}}
	r.visit(root, false)
	var b strings.Builder
	b.Grow(len(src) + len(src)/2)
	// The module node may not span leading blank lines or trailing
	// comments; keep them.
	b.Write(src[:root.StartByte()])
	r.render(&b, root)
	b.Write(src[root.EndByte():])
	out := b.String()
	if strings.Count(out, "\n") != strings.Count(string(src), "\n") {
		return nil, fmt.Errorf("instrument: internal error: line count changed")
	}
	return []byte(out), nil
}

func firstError(n *analysis.Node) error {
	if n.IsError() || n.IsMissing() {
		p := n.StartPoint()
		return &SyntaxError{Line: int(p.Row) + 1, Col: int(p.Column) + 1}
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.HasError() || c.IsMissing() {
			return firstError(c)
		}
	}
	p := n.StartPoint()
	return &SyntaxError{Line: int(p.Row) + 1, Col: int(p.Column) + 1}
}

func line(n *analysis.Node) string { return strconv.Itoa(int(n.StartPoint().Row) + 1) }

func (r *rewriter) text(n *analysis.Node) string { return string(r.src[n.StartByte():n.EndByte()]) }

func (r *rewriter) add(n *analysis.Node, pre, post string) {
	k := keyOf(n)
	r.wraps[k] = append(r.wraps[k], wrap{pre, post})
}

// compound statements cannot follow `stmt;` on a line.
var compound = map[string]bool{
	"if_statement": true, "for_statement": true, "while_statement": true, "try_statement": true,
	"with_statement": true, "function_definition": true, "class_definition": true,
	"decorated_definition": true, "match_statement": true,
}

func isDocstring(n *analysis.Node) bool {
	return n.Type() == "expression_statement" && n.NamedChildCount() == 1 &&
		(n.NamedChild(0).Type() == "string" || n.NamedChild(0).Type() == "concatenated_string")
}

func isFuture(r *rewriter, n *analysis.Node) bool {
	return n.Type() == "future_import_statement" ||
		(n.Type() == "import_from_statement" && strings.Contains(r.text(n), "__future__"))
}

// visit walks the tree and records the rewrites. store says whether n is
// in an assignment-target position.
func (r *rewriter) visit(n *analysis.Node, store bool) {
	switch n.Type() {
	case "module", "block":
		r.block(n)
	case "while_statement":
		if c := n.ChildByFieldName("condition"); c != nil {
			r.add(c, "__stelp_tick__("+line(n)+") and (", ")")
		}
	case "for_statement":
		if it := n.ChildByFieldName("right"); it != nil {
			// With traces, the third argument counts the for line once
			// per item.
			post := "), " + line(n) + ")"
			if r.opt.Trace {
				post = "), " + line(n) + ", 1)"
				r.traceLoopTarget(n)
			}
			r.add(it, "__stelp_iter__((", post)
		}
	case "for_in_clause":
		if it := n.ChildByFieldName("right"); it != nil {
			r.add(it, "__stelp_iter__((", "), "+line(n)+")")
		}
	case "if_statement", "elif_clause":
		if r.opt.Trace {
			if c := n.ChildByFieldName("condition"); c != nil {
				r.add(c, "__stelp_line__("+line(n)+") and (", ")")
			}
		}
	case "function_definition":
		if body := n.ChildByFieldName("body"); body != nil {
			r.entry(n, body)
		}
	case "lambda":
		if body := n.ChildByFieldName("body"); body != nil {
			r.add(body, "(__stelp_enter__("+line(n)+") and (", "))")
		}
	case "attribute":
		if a := n.ChildByFieldName("attribute"); a != nil && guard.Guarded(r.text(a)) {
			r.attrs[keyOf(n)] = store
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		r.visit(c, r.childStore(n, c, store))
	}
}

// childStore says whether child c of n is in a store position, given
// whether n is.
func (r *rewriter) childStore(n, c *analysis.Node, store bool) bool {
	switch n.Type() {
	case "assignment", "augmented_assignment", "for_statement", "for_in_clause":
		left := n.ChildByFieldName("left")
		return left != nil && keyOf(left) == keyOf(c)
	case "delete_statement", "as_pattern_target":
		return true
	case "pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression",
		"expression_list", "tuple", "list", "list_splat_pattern", "list_splat", "expression_statement":
		return store
	}
	// The object of an attribute or subscript target is read.
	return false
}

// block instruments the statements of a block: statement counts and
// traced assignments.
func (r *rewriter) block(n *analysis.Node) {
	if !r.opt.Trace {
		return
	}
	marked := -1
	for i := 0; i < int(n.NamedChildCount()); i++ {
		s := n.NamedChild(i)
		if compound[s.Type()] || s.Type() == "comment" || isFuture(r, s) || (i == 0 && isDocstring(s)) {
			continue
		}
		// A line runs once however many statements it holds (`a = 1; b = 2`),
		// as CPython counts line events.
		if row := int(s.StartPoint().Row); row != marked {
			marked = row
			r.add(s, "__stelp_line__("+line(s)+"); ", "")
		}
		if s.Type() == "expression_statement" && s.NamedChildCount() == 1 {
			r.traceAssign(s, s.NamedChild(0))
		}
	}
}

// traceLoopTarget records the loop variables of a for statement, on the
// for line, at the start of each iteration (when the body starts with a
// simple statement that can carry the call).
func (r *rewriter) traceLoopTarget(n *analysis.Node) {
	left, body := n.ChildByFieldName("left"), n.ChildByFieldName("body")
	if left == nil || body == nil {
		return
	}
	names := r.boundNames(left)
	for i := 0; i < int(body.NamedChildCount()); i++ {
		s := body.NamedChild(i)
		if s.Type() == "comment" {
			continue
		}
		if compound[s.Type()] || len(names) == 0 {
			return
		}
		var b strings.Builder
		for _, name := range names {
			fmt.Fprintf(&b, "__stelp_trace__(%s, '%s', %s); ", line(n), name, name)
		}
		r.add(s, b.String(), "")
		return
	}
}

// boundNames lists the plain names a target binds, in order.
func (r *rewriter) boundNames(t *analysis.Node) []string {
	var names []string
	seen := map[string]bool{}
	var collect func(t *analysis.Node)
	collect = func(t *analysis.Node) {
		switch t.Type() {
		case "identifier":
			// Dunder names (__annotations__ from lowered annotations,
			// __slots__) are bookkeeping, not values to show.
			if name := r.text(t); !seen[name] && !(strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__")) {
				seen[name] = true
				names = append(names, name)
			}
		case "pattern_list", "tuple_pattern", "list_pattern", "parenthesized_expression", "expression_list", "tuple", "list":
			for i := 0; i < int(t.NamedChildCount()); i++ {
				collect(t.NamedChild(i))
			}
		}
	}
	collect(t)
	return names
}

// traceAssign appends __stelp_trace__ calls for the names an assignment
// statement binds.
func (r *rewriter) traceAssign(stmt, a *analysis.Node) {
	var names []string
	seen := map[string]bool{}
	for cur := a; cur != nil && (cur.Type() == "assignment" || cur.Type() == "augmented_assignment"); {
		if left := cur.ChildByFieldName("left"); left != nil {
			for _, name := range r.boundNames(left) {
				if !seen[name] {
					seen[name] = true
					names = append(names, name)
				}
			}
		}
		if cur.Type() != "assignment" {
			break
		}
		cur = cur.ChildByFieldName("right")
	}
	if len(names) == 0 {
		return
	}
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "; __stelp_trace__(%s, '%s', %s)", line(stmt), name, name)
	}
	r.add(stmt, "", b.String())
}

// entry puts the function-entry hook on the first statement of body that
// can carry it without moving lines.
func (r *rewriter) entry(def, body *analysis.Node) {
	hook := "__stelp_enter__(" + line(def) + ")"
	for i := 0; i < int(body.NamedChildCount()); i++ {
		s := body.NamedChild(i)
		switch {
		case s.Type() == "comment":
			continue
		case i == 0 && isDocstring(s):
			if int(body.NamedChildCount()) > 1 {
				continue
			}
			// A docstring-only body: the hook goes after it, so that the
			// docstring stays first and remains the function's __doc__.
			r.add(s, "", "; "+hook)
			return
		case !compound[s.Type()]:
			r.add(s, hook+"; ", "")
			return
		}
		if r.entryInHeader(s, hook) {
			return
		}
		// def/class first: the hook goes on the next statement.
	}
}

// entryInHeader places the hook in the header expression of a compound
// statement (a condition, an iterable, a context manager).
func (r *rewriter) entryInHeader(s *analysis.Node, hook string) bool {
	var target *analysis.Node
	switch s.Type() {
	case "if_statement", "while_statement":
		target = s.ChildByFieldName("condition")
	case "for_statement":
		target = s.ChildByFieldName("right")
	case "with_statement":
		for i := 0; i < int(s.NamedChildCount()) && target == nil; i++ {
			if c := s.NamedChild(i); c.Type() == "with_clause" && c.NamedChildCount() > 0 {
				item := c.NamedChild(0)
				target = item.ChildByFieldName("value")
				if target == nil && item.NamedChildCount() > 0 {
					target = item.NamedChild(0)
				}
				// `with open(p) as f:` parses as a with_item whose value
				// is the whole as_pattern: the hook wraps only the
				// context manager, never the `as` target.
				if target != nil && target.Type() == "as_pattern" && target.NamedChildCount() > 0 {
					target = target.NamedChild(0)
				}
			}
		}
	case "try_statement":
		if b := s.ChildByFieldName("body"); b != nil {
			for i := 0; i < int(b.NamedChildCount()); i++ {
				c := b.NamedChild(i)
				if c.Type() == "comment" {
					continue
				}
				if !compound[c.Type()] {
					r.add(c, hook+"; ", "")
					return true
				}
				return r.entryInHeader(c, hook)
			}
		}
	}
	if target == nil {
		return false
	}
	// The loop/iterator wrap is added later by visit, so it ends up
	// outside: __stelp_iter__((__stelp_enter__(n) and (it)), n).
	r.add(target, "("+hook+" and (", "))")
	return true
}

// endsWithWordChar reports whether the output so far ends in a letter,
// digit or underscore, which a following identifier would run into.
func endsWithWordChar(b *strings.Builder) bool {
	s := b.String()
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// render writes n with its rewrites applied.
func (r *rewriter) render(b *strings.Builder, n *analysis.Node) {
	k := keyOf(n)
	ws := r.wraps[k]
	_, attr := r.attrs[k]
	if (len(ws) > 0 || attr) && endsWithWordChar(b) {
		// `if(x):`, `while(x):`, `for(i)in(xs):`: a keyword directly
		// before the parenthesis must not run into the hook's name.
		b.WriteByte(' ')
	}
	for i := len(ws) - 1; i >= 0; i-- {
		b.WriteString(ws[i].pre)
	}
	if store, ok := r.attrs[k]; ok {
		obj := n.ChildByFieldName("object")
		name := r.text(n.ChildByFieldName("attribute"))
		b.WriteString("__stelp_attr__(")
		r.render(b, obj)
		// Keep any newlines between the object and the name.
		gap := string(r.src[obj.EndByte():n.ChildByFieldName("attribute").StartByte()])
		b.WriteString(strings.Repeat("\n", strings.Count(gap, "\n")))
		b.WriteString(", " + strconv.Quote(name))
		if store {
			b.WriteString(", 1)._stelp_denied")
		} else {
			b.WriteString(")")
		}
	} else {
		pos := n.StartByte()
		for i := 0; i < int(n.ChildCount()); i++ {
			c := n.Child(i)
			b.Write(r.src[pos:c.StartByte()])
			r.render(b, c)
			pos = c.EndByte()
		}
		b.Write(r.src[pos:n.EndByte()])
	}
	for _, w := range ws {
		b.WriteString(w.post)
	}
}
