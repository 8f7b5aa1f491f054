package analysis

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/internal/cputime"
)

// The fast parser's contract: for any source, it bails or it writes the
// tree tree-sitter (Parser.Parse) writes, node for node. These tests hold
// it to that on every Python file of the repository's testdata, on the
// benchmark file, on the shared corpora when present and on fuzzed input.

func init() { fastParsePanics = true }

// fpOutcome is what comparing the two parsers on one source found.
type fpOutcome int

const (
	fpSame fpOutcome = iota
	fpBailed
	fpBothBailed // tree-sitter found a syntax error too (and the fast parser bailed)
)

// fpCompare parses src with both parsers; it fails t when the fast parser
// did not bail and the trees differ.
func fpCompare(t testing.TB, p *Parser, name string, src []byte) fpOutcome {
	t.Helper()
	want, err := p.Parse(context.Background(), nil, src)
	if err != nil {
		t.Fatalf("%s: tree-sitter: %v", name, err)
	}
	defer want.Close()
	got, ferr := fastParse(src, nil)
	if ferr != nil {
		if ferr != errFastBail {
			t.Fatalf("%s: fast parse: %v", name, ferr)
		}
		want.RootNode()
		if want.syn.hasError[0] {
			return fpBothBailed
		}
		return fpBailed
	}
	if d := fpDiff(src, want.nodes, got); d != "" {
		t.Errorf("%s: fast parse differs from tree-sitter:\n%s", name, d)
	}
	return fpSame
}

// fpDiff describes the first difference between two flat trees ("" when
// they are equal).
func fpDiff(src []byte, want, got []node) string {
	n := min(len(want), len(got))
	for i := 0; i < n; i++ {
		if want[i] != got[i] {
			return fmt.Sprintf("node %d:\n want %s\n  got %s\ncontext (tree-sitter):\n%s\ncontext (fast):\n%s",
				i, fpNodeString(src, want[i]), fpNodeString(src, got[i]), fpContext(src, want, i), fpContext(src, got, i))
		}
	}
	if len(want) != len(got) {
		return fmt.Sprintf("%d nodes from tree-sitter, %d from the fast parser; next: want %v got %v",
			len(want), len(got), fpAt(src, want, n), fpAt(src, got, n))
	}
	return ""
}

func fpAt(src []byte, nodes []node, i int) string {
	if i < len(nodes) {
		return fpNodeString(src, nodes[i])
	}
	return "(none)"
}

func fpNodeString(src []byte, n node) string {
	text := ""
	if n.first < 0 && int(n.end) <= len(src) && n.start <= n.end {
		text = fmt.Sprintf(" %q", src[n.start:n.end])
	}
	return fmt.Sprintf("%s#%d field=%q [%d,%d) parent=%d first=%d next=%d stop=%d named=%v missing=%v%s",
		n.kind, n.sym, n.field, n.start, n.end, n.parent, n.first, n.next, n.stop, n.named, n.missing, text)
}

// fpContext dumps the subtree of the grandparent of node i.
func fpContext(src []byte, nodes []node, i int) string {
	top := int32(i)
	for k := 0; k < 2 && nodes[top].parent >= 0; k++ {
		top = nodes[top].parent
	}
	return fpDump(src, nodes, top, 25)
}

// fpDump prints the subtree at top, one node a line (at most limit lines).
func fpDump(src []byte, nodes []node, top int32, limit int) string {
	var b strings.Builder
	lines := 0
	var rec func(i int32, depth int)
	rec = func(i int32, depth int) {
		if lines >= limit {
			return
		}
		lines++
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(fpNodeString(src, nodes[i]))
		b.WriteByte('\n')
		for c := nodes[i].first; c >= 0; c = nodes[c].next {
			rec(c, depth+1)
		}
	}
	rec(top, 0)
	return b.String()
}

// fpTally counts outcomes for the log.
type fpTally struct {
	files, same, bailed, broken int
	bailedNames                 []string
}

func (c *fpTally) add(name string, o fpOutcome) {
	c.files++
	switch o {
	case fpSame:
		c.same++
	case fpBailed:
		c.bailed++
		c.bailedNames = append(c.bailedNames, name+" at "+fpBailSite())

	case fpBothBailed:
		c.broken++
	}
}

// logSites logs, with -v, how many bails each place in the fast parser
// made.
func (c *fpTally) logSites(t *testing.T) {
	if !testing.Verbose() {
		return
	}
	sites := map[string]int{}
	for _, n := range c.bailedNames {
		sites[n[strings.LastIndex(n, " at ")+4:]]++
	}
	t.Logf("bail sites: %v", sites)
}

func (c *fpTally) String() string {
	return fmt.Sprintf("%d sources: %d fast-parsed identically, %d bailed, %d with syntax errors (bailed)", c.files, c.same, c.bailed, c.broken)
}

// fpTestdataFiles lists the .py files under the repository's testdata
// directories.
func fpTestdataFiles(t *testing.T) []string {
	files, err := fpTestdataFilesFS()
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fpTestdataFilesFS lists the .py files under the testdata directories.
func fpTestdataFilesFS() ([]string, error) {
	var files []string
	root := ".."
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "editors", "node_modules":
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".py") && strings.Contains(filepath.ToSlash(path), "/testdata/") {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func TestFastParseTestdata(t *testing.T) {
	p := NewParser()
	defer p.Close()
	var tally fpTally
	for _, f := range fpTestdataFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tally.add(f, fpCompare(t, p, f, src))
	}
	if tally.files < 100 {
		t.Fatalf("only %d testdata files found", tally.files)
	}
	t.Logf("testdata: %v", &tally)
	if testing.Verbose() {
		for _, n := range tally.bailedNames {
			t.Logf("bailed: %s", n)
		}
	}
}

func TestFastParseBench(t *testing.T) {
	p := NewParser()
	defer p.Close()
	for _, n := range []int{20, 2000} {
		if o := fpCompare(t, p, fmt.Sprintf("benchSource(%d)", n), benchSource(n)); o != fpSame {
			t.Errorf("benchSource(%d): the fast parser bailed", n)
		}
	}
}

// fpCorpusPrograms returns the corpus programs by name, as the corpus
// test reads them (data only: nothing is run).
func fpCorpusPrograms(t *testing.T) map[string][]string {
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpora at %s", dir)
	}
	out := map[string][]string{}
	for _, r := range readJSONL(t, filepath.Join(dir, "injected-humaneval.dev.jsonl")) {
		out["injected-humaneval"] = append(out["injected-humaneval"], r.Program)
	}
	for _, r := range readJSONL(t, filepath.Join(dir, "humaneval.jsonl")) {
		prog := r.Prompt + r.Solution + "\n" + r.Test + "\ncheck(" + r.EntryPoint + ")\n"
		out["humaneval"] = append(out["humaneval"], prog)
	}
	return out
}

func TestFastParseCorpora(t *testing.T) {
	p := NewParser()
	defer p.Close()
	progs := fpCorpusPrograms(t)
	names := make([]string, 0, len(progs))
	for k := range progs {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		var tally fpTally
		for i, src := range progs[name] {
			tally.add(fmt.Sprintf("%s[%d]", name, i), fpCompare(t, p, fmt.Sprintf("%s[%d]", name, i), []byte(src)))
		}
		t.Logf("%s: %v", name, &tally)
		if testing.Verbose() {
			for _, n := range tally.bailedNames {
				t.Logf("bailed: %s", n)
			}
		}
		if valid := tally.files - tally.broken; tally.same*100 < valid*95 {
			t.Errorf("%s: only %d of %d valid programs fast-parsed (want >= 95%%)", name, tally.same, valid)
		}
	}
}

// BenchmarkFastParse2000Lines is the fast parse alone of the 2,000-line
// benchmark file (tree-sitter's parse and flatten: BenchmarkParse*).
func BenchmarkFastParse2000Lines(b *testing.B) {
	src := benchSource(2000)
	buf, err := fastParse(src, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		if buf, err = fastParse(src, buf); err != nil {
			b.Fatal(err)
		}
	}
	cputime.ReportPerOp(b, start)
}

func fpBailSite() string {
	s, _ := fastBailSite.Load().(string)
	return s
}

// TestFastParseCheckSame: Check on the fast path reports exactly what the
// rules report on tree-sitter's tree, for every source the fast parser
// takes.
func TestFastParseCheckSame(t *testing.T) {
	p := NewParser()
	defer p.Close()
	ctx := context.Background()
	var srcs [][]byte
	for _, f := range fpTestdataFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	if _, err := os.Stat(corpusDir()); err == nil {
		for _, progs := range fpCorpusPrograms(t) {
			for _, s := range progs {
				srcs = append(srcs, []byte(s))
			}
		}
	}
	fast := 0
	for _, src := range srcs {
		got, ok := checkFast(ctx, src, nil)
		if !ok {
			continue
		}
		fast++
		tr, err := p.Parse(ctx, nil, src)
		if err != nil {
			t.Fatal(err)
		}
		want := CheckTree(ctx, tr, nil)
		tr.Close()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findings differ on the fast path for:\n%s\ngot  %+v\nwant %+v", src, got, want)
		}
	}
	if fast < len(srcs)/2 {
		t.Errorf("only %d of %d sources on the fast path", fast, len(srcs))
	}
}

// TestFastTreeWithoutSitter: a fast-parsed tree has no tree-sitter tree;
// what would touch it is a no-op, and it can serve as the old tree of a
// tree-sitter parse (which then parses from scratch).
func TestFastTreeWithoutSitter(t *testing.T) {
	ctx := context.Background()
	src := []byte("x = eval(input())\n")
	tr, err := ParseSource(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Sitter() != nil {
		t.Fatal("ParseSource did not take the fast path")
	}
	src[0] = 'y' // the tree keeps its own copy
	if got := string(tr.Source()); got != "x = eval(input())\n" {
		t.Fatalf("source changed with the caller's buffer: %q", got)
	}
	if r := tr.RootNode(); r == nil || r.Type() != "module" || r.HasError() {
		t.Fatalf("root %v", r)
	}
	tr.Edit(sitter.EditInput{StartIndex: 0, OldEndIndex: 1, NewEndIndex: 1})
	p := NewParser()
	defer p.Close()
	t2, err := p.Parse(ctx, tr, []byte("z = 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	if t2.Sitter() == nil || t2.RootNode().Child(0).Type() != "expression_statement" {
		t.Fatalf("tree-sitter parse from a fast tree: %v", t2.RootNode())
	}
	t2.Close()
	tr.Close()
	tr.Close()
	// A source the fast parser bails on still parses, with tree-sitter.
	tr, err = ParseSource(ctx, []byte("match x:\n    case 1:\n        pass\n"))
	if err != nil || tr.Sitter() == nil {
		t.Fatalf("fallback: %v %v", tr, err)
	}
	tr.Close()
}
