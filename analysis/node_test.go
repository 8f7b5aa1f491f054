package analysis

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// TestNodeMatchesBinding: the flat Node API answers every question the
// transpiler asks exactly as go-tree-sitter's Node does, on the rule
// fixtures, the lowering fixtures and broken code.
func TestNodeMatchesBinding(t *testing.T) {
	var files []string
	for _, g := range []string{"../testdata/rules/*.py", "../transpile/lower/testdata/*.py", "../testdata/examples/*.py"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixture files", len(files))
	}
	srcs := map[string][]byte{
		"broken":   []byte("def f(:\n    return [1, 2\nx = )\nclass A(\n"),
		"missing":  []byte("if x\n    y = 1\nprint((1, 2)\n"),
		"comments": []byte("def f(a,  # one\n      b):  # two\n    return a if b else (  # three\n        a)\n"),
		"bench":    benchSource(200),
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(f)] = b
	}
	for name, src := range srcs {
		tr, st := parseBoth(t, src)
		if err := sameNode(tr.RootNode(), st.RootNode()); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		tr.Close()
		st.Close()
	}
}

func nodeID(n *Node) string {
	if n == nil {
		return "nil"
	}
	return fmt.Sprintf("%s@%d-%d", n.Type(), n.StartByte(), n.EndByte())
}

func sitterID(n *sitter.Node) string {
	if n == nil {
		return "nil"
	}
	return fmt.Sprintf("%s@%d-%d", n.Type(), n.StartByte(), n.EndByte())
}

var fieldNames = func() []string {
	_, tables := python()
	return tables.fields[1:]
}()

func sameNode(n *Node, s *sitter.Node) error {
	at := nodeID(n)
	if at != sitterID(s) {
		return fmt.Errorf("node %s, binding has %s", at, sitterID(s))
	}
	switch {
	case n.Symbol() != s.Symbol() && !(n.IsError() && s.IsError()):
		return fmt.Errorf("%s: symbol %d, binding %d", at, n.Symbol(), s.Symbol())
	case n.StartPoint() != s.StartPoint():
		return fmt.Errorf("%s: start point %v, binding %v", at, n.StartPoint(), s.StartPoint())
	case n.EndPoint() != s.EndPoint():
		return fmt.Errorf("%s: end point %v, binding %v", at, n.EndPoint(), s.EndPoint())
	case n.IsNamed() != s.IsNamed() || n.IsMissing() != s.IsMissing() || n.IsError() != s.IsError() || n.HasError() != s.HasError():
		return fmt.Errorf("%s: flags named/missing/error/hasError %v %v %v %v, binding %v %v %v %v", at,
			n.IsNamed(), n.IsMissing(), n.IsError(), n.HasError(), s.IsNamed(), s.IsMissing(), s.IsError(), s.HasError())
	case n.ChildCount() != s.ChildCount() || n.NamedChildCount() != s.NamedChildCount():
		return fmt.Errorf("%s: %d/%d children, binding %d/%d", at, n.ChildCount(), n.NamedChildCount(), s.ChildCount(), s.NamedChildCount())
	}
	// The binding finds a parent by position, which is ambiguous for an
	// empty node; the flat tree knows it.
	if p, sp := n.Parent(), s.Parent(); nodeID(p) != sitterID(sp) && n.StartByte() != n.EndByte() {
		return fmt.Errorf("%s: parent %s, binding %s", at, nodeID(p), sitterID(sp))
	}
	for _, f := range fieldNames {
		if f == "alternative" && n.Type() == "match_statement" {
			// The binding looks through the block (an aliased hidden
			// rule) for the case clauses, which are the block's children.
			continue
		}
		if a, b := n.ChildByFieldName(f), s.ChildByFieldName(f); nodeID(a) != sitterID(b) {
			return fmt.Errorf("%s: field %s is %s, binding %s", at, f, nodeID(a), sitterID(b))
		}
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		if a, b := n.NamedChild(i), s.NamedChild(i); nodeID(a) != sitterID(b) {
			return fmt.Errorf("%s: named child %d is %s, binding %s", at, i, nodeID(a), sitterID(b))
		}
		if a, b := n.NamedChild(i).NextNamedSibling(), s.NamedChild(i).NextNamedSibling(); nodeID(a) != sitterID(b) {
			return fmt.Errorf("%s: after named child %d comes %s, binding %s", at, i, nodeID(a), sitterID(b))
		}
	}
	kids := n.Children()
	for i := 0; i < int(n.ChildCount()); i++ {
		c, sc := n.Child(i), s.Child(i)
		if kids[i] != c {
			return fmt.Errorf("%s: Children()[%d] differs from Child(%d)", at, i, i)
		}
		// The binding gives an extra (a comment) the field of the
		// structural child before it; extras belong to no field. In
		// error-recovered nodes the fields are not worth comparing.
		if f := s.FieldNameForChild(i); n.FieldNameForChild(i) != f && sc.Type() != "comment" && !n.HasError() {
			return fmt.Errorf("%s: field of child %d is %q, binding %q", at, i, n.FieldNameForChild(i), f)
		}
		if err := sameNode(c, sc); err != nil {
			return err
		}
	}
	return nil
}

// TestNamedDescendantMatchesBinding: the smallest named node spanning a
// byte range is the one tree-sitter finds, for every token and every
// line of the fixtures (the fixers locate findings this way).
func TestNamedDescendantMatchesBinding(t *testing.T) {
	files, _ := filepath.Glob("../testdata/rules/*.py")
	if len(files) < 5 {
		t.Fatalf("only %d fixture files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tr, st := parseBoth(t, src)
		var ranges [][2]uint32
		for i := range tr.nodes {
			ranges = append(ranges, [2]uint32{tr.nodes[i].start, tr.nodes[i].end}, [2]uint32{tr.nodes[i].start, tr.nodes[i].start})
		}
		for _, ls := range lineStarts(src) {
			ranges = append(ranges, [2]uint32{ls, ls + 1})
		}
		root, sroot := tr.RootNode(), st.RootNode()
		for _, r := range ranges {
			a := root.NamedDescendantForByteRange(r[0], r[1])
			b := sroot.NamedDescendantForPointRange(pointAt(src, int(r[0])), pointAt(src, int(r[1])))
			if nodeID(a) != sitterID(b) {
				t.Errorf("%s: bytes %d-%d: %s, binding %s", filepath.Base(f), r[0], r[1], nodeID(a), sitterID(b))
			}
		}
		tr.Close()
		st.Close()
	}
}

// parseBoth parses src into the flat tree and with the binding alone.
func parseBoth(t *testing.T, src []byte) (*Tree, *sitter.Tree) {
	t.Helper()
	ctx := context.Background()
	sp := sitter.NewParser()
	defer sp.Close()
	sp.SetLanguage(pythonGrammar())
	st, err := sp.ParseCtx(ctx, nil, src)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := ParseSource(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	return tr, st
}

// ParseSourceShared gives the tree ParseSource gives, over src itself
// when the fast parser takes it, and over a copy when tree-sitter does.
func TestParseSourceShared(t *testing.T) {
	ctx := context.Background()
	for _, src := range []string{"x = eval(s)\nprint(x)\n", "match x:\n    case 1:\n        pass\n"} {
		want, err := ParseSource(ctx, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		buf := []byte(src)
		got, err := ParseSourceShared(ctx, buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.nodes) != len(want.nodes) {
			t.Fatalf("%q: %d nodes, want %d", src, len(got.nodes), len(want.nodes))
		}
		for i := range got.nodes {
			g, w := got.nodes[i], want.nodes[i]
			if g.kind != w.kind || g.start != w.start || g.end != w.end {
				t.Errorf("%q: node %d is %s %d-%d, want %s %d-%d", src, i, g.kind, g.start, g.end, w.kind, w.start, w.end)
			}
		}
		if shared := &got.Source()[0] == &buf[0]; shared != (got.Sitter() == nil) {
			t.Errorf("%q: source shared %v with a fast-parsed tree %v", src, shared, got.Sitter() == nil)
		}
		want.Close()
		got.Close()
	}
}
