package analysis

import (
	"context"
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// sexp renders the subtree of node i: named nodes as (kind ...) with their
// field, leaves with their text, anonymous tokens quoted, and a format
// spec with its text (read from the source, not the patched copy).
func sexp(t *Tree, i int32) string {
	n := &t.nodes[i]
	text := string(t.src[n.start:n.end])
	if !n.named {
		return strconv.Quote(text)
	}
	var b strings.Builder
	b.WriteString("(")
	if n.field != "" {
		b.WriteString(n.field + "=")
	}
	b.WriteString(n.kind)
	if n.first < 0 || n.kind == "format_specifier" {
		b.WriteString(" " + strconv.Quote(text))
	}
	for c := n.first; c >= 0; c = t.nodes[c].next {
		b.WriteString(" " + sexp(t, c))
	}
	b.WriteString(")")
	return b.String()
}

// flatInvariants checks what everything reading the flat tree relies on:
// pre-order with non-decreasing starts, consistent links, children inside
// their parent and in order, and kinds that name their symbols.
func flatInvariants(t *Tree) error {
	nodes := t.nodes
	for i := range nodes {
		n := &nodes[i]
		switch {
		case n.start > n.end || int(n.end) > len(t.src):
			return fmt.Errorf("node %d %s: range %d-%d", i, n.kind, n.start, n.end)
		case i > 0 && n.start < nodes[i-1].start:
			return fmt.Errorf("node %d %s starts at %d, before node %d", i, n.kind, n.start, i-1)
		case int(n.stop) <= i || int(n.stop) > len(nodes):
			return fmt.Errorf("node %d %s: stop %d", i, n.kind, n.stop)
		case n.first >= 0 && int(n.first) != i+1, n.first < 0 && int(n.stop) != i+1:
			return fmt.Errorf("node %d %s: first %d, stop %d", i, n.kind, n.first, n.stop)
		case t.lang.symbol(n.sym) != n.kind && n.kind != "ERROR":
			return fmt.Errorf("node %d: kind %s, symbol %s", i, n.kind, t.lang.symbol(n.sym))
		}
		end, last := n.start, int32(-1)
		for c := n.first; c >= 0; c = nodes[c].next {
			k := &nodes[c]
			if int(k.parent) != i || k.start < end || k.end > n.end {
				return fmt.Errorf("node %d %s: child %d %s %d-%d (parent %d) out of place", i, n.kind, c, k.kind, k.start, k.end, k.parent)
			}
			end, last = k.end, c
		}
		if last >= 0 && nodes[last].stop != n.stop {
			return fmt.Errorf("node %d %s: last child ends at %d, subtree at %d", i, n.kind, nodes[last].stop, n.stop)
		}
	}
	// The next parse copies a big subtree's flat nodes for tree-sitter's
	// subtree: they must be its nodes, none made up by a repair.
	for _, b := range t.bigs {
		n := &nodes[b.idx]
		if n.stop != b.idx+b.size {
			return fmt.Errorf("big subtree %+v: node %d ends at %d", b, b.idx, n.stop)
		}
		for _, pt := range t.patches {
			if pt.orig == '*' && pt.off >= n.start && pt.off < n.end {
				return fmt.Errorf("big subtree %+v (%s %d-%d) holds the list_splat made at %d", b, n.kind, n.start, n.end, pt.off)
			}
		}
	}
	return nil
}

func mustParse(t *testing.T, p *Parser, old *Tree, src string) *Tree {
	t.Helper()
	tr, err := p.Parse(context.Background(), old, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if err := flatInvariants(tr); err != nil {
		t.Fatalf("%q: %v", src, err)
	}
	return tr
}

// TestRepairedShapes: the misparses come out as CPython reads them, with
// node ranges and text in the original source.
func TestRepairedShapes(t *testing.T) {
	cases := []struct{ src, want string }{
		{`f"{x:=10}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":=10" ":") "}") (string_end "\""))`},
		{`f"{x:=^9}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":=^9" ":") "}") (string_end "\""))`},
		{`f"{x:=+5d}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":=+5d" ":") "}") (string_end "\""))`},
		{`f"{x:={w}}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":={w}" ":" (format_expression "{" (expression=identifier "w") "}")) "}") (string_end "\""))`},
		{`f"{x:=}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":=" ":") "}") (string_end "\""))`},
		{`f"{a if b else c:=3}"`, `(string (string_start "f\"") (interpolation "{" (expression=conditional_expression (identifier "a") "if" (identifier "b") "else" (identifier "c")) (format_specifier=format_specifier ":=3" ":") "}") (string_end "\""))`},
		{`f"{x:>{w:=3}}"`, `(string (string_start "f\"") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":>{w:=3}" ":" (format_expression "{" (expression=identifier "w") (format_specifier=format_specifier ":=3" ":") "}")) "}") (string_end "\""))`},
		{`f"{f'{x:=5}':=>8}"`, `(string (string_start "f\"") (interpolation "{" (expression=string (string_start "f'") (interpolation "{" (expression=identifier "x") (format_specifier=format_specifier ":=5" ":") "}") (string_end "'")) (format_specifier=format_specifier ":=>8" ":") "}") (string_end "\""))`},
		{"for v in *[1, 2], 3:\n    pass",
			`(for_statement "for" (left=identifier "v") "in" (right=expression_list (list_splat "*" (list "[" (integer "1") "," (integer "2") "]")) "," (integer "3")) ":" (body=block (pass_statement "pass")))`},
		{"for v in 1, *  -a:\n    pass",
			`(for_statement "for" (left=identifier "v") "in" (right=expression_list (integer "1") "," (list_splat "*" (unary_operator "-" (argument=identifier "a")))) ":" (body=block (pass_statement "pass")))`},
		{"x = *f(), 1",
			`(expression_statement (assignment (left=identifier "x") "=" (right=expression_list (list_splat "*" (call (function=identifier "f") (arguments=argument_list "(" ")"))) "," (integer "1"))))`},
		{"x = *a.b + c, *d",
			`(expression_statement (assignment (left=identifier "x") "=" (right=expression_list (list_splat "*" (binary_operator (left=attribute (object=identifier "a") "." (attribute=identifier "b")) "+" (right=identifier "c"))) "," (list_splat "*" (identifier "d")))))`},
		{"d[*f(), 1]",
			`(expression_statement (subscript (value=identifier "d") "[" (subscript=list_splat "*" (call (function=identifier "f") (arguments=argument_list "(" ")"))) "," (subscript=integer "1") "]"))`},
		{"x += *[1], 2",
			`(expression_statement (augmented_assignment (left=identifier "x") "+=" (right=expression_list (list_splat "*" (list "[" (integer "1") "]")) "," (integer "2"))))`},
		{"print(*a, *f())",
			`(expression_statement (call (function=identifier "print") (arguments=argument_list "(" (list_splat "*" (identifier "a")) "," (list_splat "*" (call (function=identifier "f") (arguments=argument_list "(" ")"))) ")")))`},
		{"[*a + b]", `(expression_statement (list "[" (list_splat "*" (binary_operator (left=identifier "a") "+" (right=identifier "b"))) "]"))`},
		{"x = [*f()]",
			`(expression_statement (assignment (left=identifier "x") "=" (right=list "[" (list_splat "*" (call (function=identifier "f") (arguments=argument_list "(" ")"))) "]")))`},
		{"for v in *[*f(), 1], *g():\n    pass",
			`(for_statement "for" (left=identifier "v") "in" (right=expression_list (list_splat "*" (list "[" (list_splat "*" (call (function=identifier "f") (arguments=argument_list "(" ")"))) "," (integer "1") "]")) "," (list_splat "*" (call (function=identifier "g") (arguments=argument_list "(" ")")))) ":" (body=block (pass_statement "pass")))`},
		{`f"{*[1], 2}"`, `(string (string_start "f\"") (interpolation "{" (expression=expression_list (list_splat "*" (list "[" (integer "1") "]")) "," (integer "2")) "}") (string_end "\""))`},
	}
	p := NewParser()
	defer p.Close()
	for _, c := range cases {
		tr := mustParse(t, p, nil, c.src)
		root := tr.RootNode()
		if root.HasError() {
			t.Errorf("%q: still has a syntax error", c.src)
		}
		if len(tr.patches) == 0 {
			t.Errorf("%q: not repaired", c.src)
		}
		// the first statement (or the string of an expression statement)
		i := tr.nodes[0].first
		if tr.nodes[i].kind == "expression_statement" && tr.nodes[tr.nodes[i].first].kind == "string" {
			i = tr.nodes[i].first
		}
		if got := sexp(tr, i); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
		tr.Close()
	}
}

// TestRepairLeavesOtherParses: what tree-sitter reads right is not
// touched (not even tried: no re-parse), and a starred item or walrus that
// CPython rejects stays tree-sitter's parse, errors included.
func TestRepairLeavesOtherParses(t *testing.T) {
	valid := []string{
		`f"{(y:=3)}"`, `f"{[y:=3, y]}"`, `f"{d[y:=3]}"`, `f"{g(y:=3)}"`, `f"{x!r:>10}"`, `f"{x=:=10}"`,
		`f"{a.b:=3}"`, `f"{x!r:=^10}"`, `f"{x:>{(w:=3)}}"`, `if (n := len(a)) > 1: pass`, `print(y := 3)`,
		`print(*a)`, `x = a * b, c`, `x = a *b`, `*a, b = c`, `for *a, b in c: pass`,
		`def f(*args, **kw): pass`, `from m import *`, `lambda *a: a`, `f(**k)`, `x = 2 ** -a`,
		`x = *a, b`, "def f():\n    return *a, b", `x = {*a, *f()}`, `x = (*f(), 1)`, `d[*a]`, `x = yield`,
	}
	invalid := []string{
		`x = *a if c else b, 1`, `del *f(), b`, `[x for x in *[1], 2]`, `x = (*f())`, `f(x=*a)`, `x = *[1]`,
		"while *[1], 2: pass", "*[1], 2", "s = * \\\n    [4], 5", `x == *[1], 2`, `x = a *[1], 2`,
		`f"{lambda x:=1}"`,
	}
	ctx := context.Background()
	sp := sitter.NewParser()
	defer sp.Close()
	sp.SetLanguage(pythonGrammar())
	p := NewParser()
	defer p.Close()
	for _, src := range append(valid, invalid...) {
		tr := mustParse(t, p, nil, src)
		if len(tr.patches) != 0 {
			t.Errorf("%q: repaired at %v", src, tr.patches)
		}
		if p.scratch.tried != 0 && !containsString(invalid, src) {
			t.Errorf("%q: %d repairs tried", src, p.scratch.tried)
		}
		st, err := sp.ParseCtx(ctx, nil, []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := sameNode(tr.RootNode(), st.RootNode()); err != nil {
			t.Errorf("%q: %v", src, err)
		}
		st.Close()
		tr.Close()
	}
	// The walrus of a parenthesised field is one.
	tr := mustParse(t, p, nil, `f"{(y:=3)}"`)
	defer tr.Close()
	if got, want := sexp(tr, tr.nodes[tr.nodes[0].first].first), `(string (string_start "f\"") (interpolation "{" (expression=parenthesized_expression "(" (named_expression (name=identifier "y") ":=" (value=integer "3")) ")") "}") (string_end "\""))`; got != want {
		t.Errorf("walrus:\n got %s\nwant %s", got, want)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sameTree compares the flat trees and patches of an incremental and a
// fresh parse.
func sameTree(inc, fresh *Tree) error {
	if len(inc.nodes) != len(fresh.nodes) {
		return fmt.Errorf("%d nodes, fresh parse has %d", len(inc.nodes), len(fresh.nodes))
	}
	for i := range fresh.nodes {
		if inc.nodes[i] != fresh.nodes[i] {
			return fmt.Errorf("node %d is %+v, fresh parse has %+v", i, inc.nodes[i], fresh.nodes[i])
		}
	}
	if fmt.Sprint(inc.patches) != fmt.Sprint(fresh.patches) {
		return fmt.Errorf("patches %v, fresh parse has %v", inc.patches, fresh.patches)
	}
	return nil
}

// TestRepairIncremental: edits in, near and away from repaired code, then
// an incremental parse from the repaired tree, give the tree of a fresh
// parse of the new text (the language server's path).
func TestRepairIncremental(t *testing.T) {
	base := "x = 7\ns = f\"{x:=10}|{x:=^9}\"\nfor v in *[1, 2], 3:\n    y = *f(v), 1\nz = 1\n"
	at := func(sub string) int { return strings.Index(base, sub) }
	cases := []struct {
		name       string
		start, end int
		text       string
	}{
		{"inside the spec", at("10}"), at("10}") + 2, "12"},
		{"spec to walrus", at("x:=10"), at("x:=10"), "("},
		{"remove the f prefix", at("f\"{x"), at("f\"{x") + 1, ""},
		{"delete the colon", at(":=10"), at(":=10") + 1, ""},
		{"delete the equals", at("=10"), at("=10") + 1, ""},
		{"before everything", 0, 0, "w = 1\n"},
		{"after everything", len(base), len(base), "q = *[2], 3\n"},
		{"inside the starred list", at("2], 3"), at("2], 3") + 1, "5"},
		{"delete the star", at("*[1"), at("*[1") + 1, ""},
		{"star to product", at("in *["), at("in *[") + 2, "2"},
		{"new star", at("z = 1") + 4, at("z = 1") + 4, "*[0], "},
		{"starred call to plain", at("*f(v)"), at("*f(v)") + 1, ""},
		{"parenthesise the tuple", at("*[1, 2]"), at("*[1, 2]"), "("},
		{"new line between", at("for"), at("for"), "\n"},
	}
	p := NewParser()
	defer p.Close()
	fresh := NewParser()
	defer fresh.Close()
	for _, c := range cases {
		old := mustParse(t, p, nil, base)
		if len(old.patches) != 4 {
			t.Fatalf("base repaired at %v, want 4 patches", old.patches)
		}
		src, e := replace([]byte(base), c.start, c.end, c.text)
		old.Edit(e)
		inc := mustParse(t, p, old, string(src))
		want := mustParse(t, fresh, nil, string(src))
		if err := sameTree(inc, want); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		// and the repaired tree is a good old tree in turn
		src2, e2 := replace(src, 0, 0, "#\n")
		inc.Edit(e2)
		inc2 := mustParse(t, p, inc, string(src2))
		want2 := mustParse(t, fresh, nil, string(src2))
		if err := sameTree(inc2, want2); err != nil {
			t.Errorf("%s, then a line above: %v", c.name, err)
		}
		for _, tr := range []*Tree{old, inc, want, inc2, want2} {
			tr.Close()
		}
	}
}

// TestRepairIncrementalRandom: random typing over code full of repaired
// constructs; every incremental parse equals a fresh one.
func TestRepairIncrementalRandom(t *testing.T) {
	var b strings.Builder
	for i := range 8 {
		fmt.Fprintf(&b, "def f%d(a, w):\n    for v in *[a, %d], *g(w):\n        print(f\"{v:=^{w}}|{a:=+5d}\")\n    return *a.b + c, d[*h()]\n", i, i)
	}
	base := []byte(b.String() + string(benchSource(10)))
	pieces := []string{"*", ":", "=", ":=", "(", ")", "[", "]", "{", "}", ",", " ", "\n", "f\"{x:=3}\"", "*[1], ", "x", "'", "\\", ""}
	ctx := context.Background()
	p := NewParser()
	defer p.Close()
	fresh := NewParser()
	defer fresh.Close()
	rng := rand.New(rand.NewSource(7))
	src := base
	tree := mustParse(t, p, nil, string(src))
	defer func() { tree.Close() }()
	repaired := 0
	for step := range 80 {
		for range 1 + rng.Intn(3) {
			var e sitter.EditInput
			src, e = typeAt(rng, src, pieces)
			tree.Edit(e)
		}
		if step%10 == 9 { // recover from accumulated damage
			src = append([]byte(nil), base...)
			tree.Close()
			tree = mustParse(t, p, nil, string(src))
			continue
		}
		next, err := p.Parse(ctx, tree, src)
		if err != nil {
			t.Fatal(err)
		}
		tree.Close()
		tree = next
		if err := flatInvariants(tree); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		want := mustParse(t, fresh, nil, string(src))
		if err := sameTree(tree, want); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		repaired += len(tree.patches)
		want.Close()
	}
	if repaired == 0 {
		t.Fatal("no repaired tree was ever compared")
	}
}

// typeAt replaces a random stretch of src (empty two times in three, else
// up to 12 bytes) with one of pieces.
func typeAt(rng *rand.Rand, src []byte, pieces []string) ([]byte, sitter.EditInput) {
	start := rng.Intn(len(src) + 1)
	end := start
	if rng.Intn(3) == 0 {
		end = min(len(src), start+rng.Intn(12))
	}
	return replace(src, start, end, pieces[rng.Intn(len(pieces))])
}

// TestRepairCancelled: a parse cancelled during its repair fails cleanly,
// and the parser's next parse is right.
func TestRepairCancelled(t *testing.T) {
	src := strings.Repeat("for v in *[1], 2:\n    print(f\"{v:=^9}\")\n", 40)
	p := NewParser()
	defer p.Close()
	want := mustParse(t, NewParser(), nil, src)
	defer want.Close()
	for i := range 60 {
		ctx, cancel := context.WithCancel(context.Background())
		if i%2 == 0 {
			go cancel()
		}
		tr, err := p.Parse(ctx, nil, []byte(src))
		cancel()
		if err == nil {
			if e := sameTree(tr, want); e != nil {
				t.Fatalf("parse %d: %v", i, e)
			}
			tr.Close()
		}
		tr = mustParse(t, p, nil, src)
		if e := sameTree(tr, want); e != nil {
			t.Fatalf("parse after %d: %v", i, e)
		}
		tr.Close()
	}
}

// TestRepairFindings: the rules read what CPython runs. A format spec is
// text (no walrus binds), a parenthesised walrus still is code, and a
// starred element is analysed like any other expression.
func TestRepairFindings(t *testing.T) {
	cases := []struct {
		src  string
		want string // "rule@line: message part", "" for none
	}{
		{"print(f\"{x:=^9}\")\n", ""},
		{"x = 1\nprint(f\"{x:=__import__('os')}\")\n", ""},
		{"print(f\"{(x:=__import__('os'))}\")\n", "SP104@1"},
		{"m = 'os'\nprint(f\"{m:=10}\")\n__import__(m)\n", "SP104@3: `os`"},
		{"m = 'os'\nprint(f\"{(m:=10)}\")\n__import__(m)\n", "SP104@3: computed"},
		{"for v in *eval(s), 1:\n    pass\n", "SP101@1"},
		{"for v in *[eval(s)], 1:\n    pass\n", "SP101@1"},
		{"x = *a.b + eval(s), 1\n", "SP101@1"},
		{"d[*eval(s)]\n", "SP101@1"},
		{"def f():\n    return *eval(s), 1\n", "SP101@2"},
		{"def f():\n    yield *[exec(s)], 1\n", "SP102@2"},
		{"print(f\"{*[eval(s)], 1}\")\n", "SP101@1"},
	}
	ctx := context.Background()
	for _, c := range cases {
		var got []string
		for _, f := range Check(ctx, []byte(c.src), nil) {
			got = append(got, fmt.Sprintf("%s@%d: %s", f.Rule, f.Range.Start.Line+1, f.Message))
		}
		if c.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: %v, want no finding", c.src, got)
			}
			continue
		}
		head, part, _ := strings.Cut(c.want, ": ")
		if len(got) != 1 || !strings.HasPrefix(got[0], head+":") || !strings.Contains(got[0], part) {
			t.Errorf("%q: %v, want %s", c.src, got, c.want)
		}
	}
}
