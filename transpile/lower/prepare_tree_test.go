package lower_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/transpile"
)

// TestPrepareWithTreeIsPrepare: handing transpile.Prepare the check's
// tree (the pipeline's one parse) gives byte for byte the program and
// problems of parsing inside, on the lowering, conformance and rule
// fixtures, the HumanEval corpus when it is beside the repository, and
// white-space variants of each (leading blank lines, leading indentation
// with and without blank lines before it, no final newline, trailing
// blanks, CRLF).
func TestPrepareWithTreeIsPrepare(t *testing.T) {
	var srcs [][]byte
	for _, g := range []string{"testdata/*.py", "../../testdata/exec/conformance/*/*.py", "../../testdata/rules/*.py", "../../testdata/examples/*.py"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs = append(srcs, b)
		}
	}
	if len(srcs) < 300 {
		t.Fatalf("only %d fixture programs", len(srcs))
	}
	if f, err := os.ReadFile("../../../shared/corpora/humaneval.jsonl"); err == nil {
		for _, line := range bytes.Split(f, []byte("\n")) {
			var r struct{ Prompt, CanonicalSolution, Test string }
			if json.Unmarshal(line, &r) == nil && r.Prompt != "" {
				srcs = append(srcs, []byte(r.Prompt+r.CanonicalSolution+"\n\n"+r.Test))
			}
		}
	}
	ctx := context.Background()
	n := 0
	for _, src := range srcs {
		trimmed := bytes.TrimRight(src, "\n")
		for k, v := range [][]byte{
			src,
			trimmed,
			append(append([]byte(nil), trimmed...), "\n\n  \n"...),
			append([]byte("\n\n"), src...),
			append([]byte("\n \n\t\n\f\n"), trimmed...),
			append([]byte("\n\n    "), src...),
			append([]byte("  "), src...),
			bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")),
		} {
			tree, err := analysis.ParseSource(ctx, v)
			if err != nil {
				t.Fatal(err)
			}
			for _, trace := range []bool{false, true} {
				if trace && k > 0 {
					continue // traces change instrumentation, not parsing
				}
				want, err1 := transpile.Prepare(ctx, v, transpile.Options{Trace: trace})
				got, err2 := transpile.Prepare(ctx, v, transpile.Options{Trace: trace, Tree: tree})
				if (err1 == nil) != (err2 == nil) {
					t.Fatalf("errors differ: %v / %v for\n%s", err1, err2, v)
				}
				if err1 != nil {
					continue
				}
				if !bytes.Equal(want.Code, got.Code) || len(want.Problems) != len(got.Problems) {
					t.Fatalf("with the tree:\n%s\n%v\nwithout:\n%s\n%v\nfor:\n%s", got.Code, got.Problems, want.Code, want.Problems, v)
				}
				for i := range want.Problems {
					if want.Problems[i] != got.Problems[i] {
						t.Fatalf("problem %v, without the tree %v, for\n%s", got.Problems[i], want.Problems[i], v)
					}
				}
				n++
			}
			tree.Close()
		}
	}
	t.Logf("%d programs compared", n)
}
