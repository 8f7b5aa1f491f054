package analysis

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// pointAt is the tree-sitter point (row, byte column) of offset off.
func pointAt(src []byte, off int) sitter.Point {
	row := bytes.Count(src[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1)
	return sitter.Point{Row: uint32(row), Column: uint32(col)}
}

// replace applies one edit to src and returns the new text and the
// tree-sitter description of the edit.
func replace(src []byte, start, end int, text string) ([]byte, sitter.EditInput) {
	out := append(append(append([]byte(nil), src[:start]...), text...), src[end:]...)
	return out, sitter.EditInput{
		StartIndex: uint32(start), OldEndIndex: uint32(end), NewEndIndex: uint32(start + len(text)),
		StartPoint: pointAt(src, start), OldEndPoint: pointAt(src, end), NewEndPoint: pointAt(out, start+len(text)),
	}
}

// TestIncrementalFlattenMatchesFresh: after random edits (several per
// re-parse, typing and deleting code, strings, brackets, indentation and
// newlines), the flat nodes of the incremental parse, which copies the
// subtrees tree-sitter carried over, are exactly those of a fresh parse.
func TestIncrementalFlattenMatchesFresh(t *testing.T) {
	var base []byte
	fixtures, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*.py"))
	for _, f := range fixtures {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base = append(base, b...)
	}
	base = append(base, benchSource(100)...)
	pieces := []string{"x", "(", ")", ":", "\n", "    ", "'", "\"\"\"", "#", "[1, 2]", "def g():\n    return 1\n",
		"if a:\n", "eval(s)", "\t", "", "\\", "{", "}", "lambda: 0", "\xff"}
	ctx := context.Background()
	p := NewParser()
	defer p.Close()
	fresh := NewParser()
	defer fresh.Close()
	rng := rand.New(rand.NewSource(1))
	src := base
	tree, err := p.Parse(ctx, nil, src)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { tree.Close() }()
	copied := 0
	for step := 0; step < 120; step++ {
		for range 1 + rng.Intn(3) {
			start := rng.Intn(len(src) + 1)
			end := start
			if rng.Intn(3) == 0 {
				end = min(len(src), start+rng.Intn(40))
			}
			var e sitter.EditInput
			src, e = replace(src, start, end, pieces[rng.Intn(len(pieces))])
			tree.Edit(e)
		}
		if step%10 == 9 {
			src = append([]byte(nil), base...) // recover from accumulated damage
			tree.Close()
			if tree, err = p.Parse(ctx, nil, src); err != nil {
				t.Fatal(err)
			}
			continue
		}
		next, err := p.Parse(ctx, tree, src)
		if err != nil {
			t.Fatal(err)
		}
		copied += p.scratch.copied
		tree.Close()
		tree = next
		want, err := fresh.Parse(ctx, nil, src)
		if err != nil {
			t.Fatal(err)
		}
		if len(want.nodes) != len(tree.nodes) {
			t.Fatalf("step %d: %d nodes, fresh parse has %d", step, len(tree.nodes), len(want.nodes))
		}
		for i := range want.nodes {
			if want.nodes[i] != tree.nodes[i] {
				t.Fatalf("step %d: node %d is %+v, fresh parse has %+v", step, i, tree.nodes[i], want.nodes[i])
			}
		}
		if len(want.bigs) != len(tree.bigs) {
			t.Fatalf("step %d: %d big subtrees, fresh parse has %d", step, len(tree.bigs), len(want.bigs))
		}
		for i := range want.bigs {
			if want.bigs[i].idx != tree.bigs[i].idx || want.bigs[i].size != tree.bigs[i].size {
				t.Fatalf("step %d: big subtree %d is %+v, fresh parse has %+v", step, i, tree.bigs[i], want.bigs[i])
			}
		}
		want.Close()
	}
	if copied == 0 {
		t.Fatal("no subtree was ever copied: the incremental flatten is not exercised")
	}
	t.Logf("%d nodes copied", copied)
}

// TestParseRecyclesBuffers: a tree closed hands its node buffer to the
// next parse of the same parser, and a tree still open is never written.
func TestParseRecyclesBuffers(t *testing.T) {
	ctx := context.Background()
	p := NewParser()
	defer p.Close()
	src := benchSource(100)
	t1, _ := p.Parse(ctx, nil, src)
	t2, _ := p.Parse(ctx, nil, src)
	if &t1.nodes[0] == &t2.nodes[0] {
		t.Fatal("two open trees share nodes")
	}
	keep := append([]node(nil), t2.nodes...)
	first := &t1.nodes[0]
	t1.Close()
	t3, _ := p.Parse(ctx, nil, []byte("x = 1\n"))
	defer t3.Close()
	if &t3.nodes[0] != first {
		t.Error("the closed tree's buffer was not reused")
	}
	for i := range keep {
		if keep[i] != t2.nodes[i] {
			t.Fatalf("open tree changed at node %d", i)
		}
	}
	t2.Close()
	if got := CheckTree(ctx, t2, nil); got != nil {
		t.Errorf("closed tree checked: %v", got)
	}
}

// TestParserSurvivesCancelledContexts: contexts that end during or after
// a parse never break the parser for the next one (the binding's watcher
// may raise the cancellation flag after the parse returned).
func TestParserSurvivesCancelledContexts(t *testing.T) {
	p := NewParser()
	defer p.Close()
	src := benchSource(40)
	done, cancelDone := context.WithCancel(context.Background())
	cancelDone()
	if _, err := p.Parse(done, nil, src); err == nil {
		t.Error("a parse with an ended context succeeded")
	}
	for i := 0; i < 300; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		if i%3 == 0 {
			go cancel() // may land during the parse
		}
		tr, err := p.Parse(ctx, nil, src)
		cancel()
		if err == nil {
			tr.Close()
		} else if ctx.Err() == nil {
			t.Fatalf("parse %d failed without cancellation: %v", i, err)
		}
		tr, err = p.Parse(context.Background(), nil, src)
		if err != nil {
			t.Fatalf("parse after %d cancellations: %v", i, err)
		}
		if len(tr.nodes) == 0 || tr.nodes[0].kind != "module" {
			t.Fatalf("parse %d: bad tree", i)
		}
		tr.Close()
	}
}
