package fix

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/internal/cputime"
)

// bigSource is about 2,000 lines with a fixable finding every 20 lines.
func bigSource() []byte {
	var b strings.Builder
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "def f%d(n):\n    total = 0\n", i)
		for j := 0; j < 16; j++ {
			fmt.Fprintf(&b, "    total += n * %d\n", j)
		}
		b.WriteString("    return eval('total + 1')\n\n")
	}
	return []byte(b.String())
}

// BenchmarkAttach2000Lines is what the language server pays to offer fixes
// for a whole 2,000-line document with 100 fixable findings (validated),
// and what `stelp check` pays for them (summaries).
func BenchmarkAttach2000Lines(b *testing.B) {
	ctx := context.Background()
	src := bigSource()
	p := analysis.NewParser()
	defer p.Close()
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		b.Fatal(err)
	}
	defer t.Close()
	findings := analysis.CheckTree(ctx, t, nil)
	for _, mode := range []string{"validated", "summaries"} {
		b.Run(mode, func(b *testing.B) {
			start := cputime.Used()
			for i := 0; i < b.N; i++ {
				fs := append([]analysis.Finding(nil), findings...)
				if mode == "validated" {
					AttachTree(ctx, p, t, fs)
				} else {
					AttachSummaries(ctx, t, fs)
				}
			}
			cputime.ReportPerOp(b, start)
		})
	}
}

// BenchmarkAll2000Lines is fix-all of the same document (check, attach,
// apply, until nothing changes).
func BenchmarkAll2000Lines(b *testing.B) {
	ctx := context.Background()
	src := bigSource()
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		if _, n, err := All(ctx, src, nil, false); err != nil || n != 100 {
			b.Fatalf("%d fixes, %v", n, err)
		}
	}
	cputime.ReportPerOp(b, start)
}

// BenchmarkCheckFixtures is `stelp check` over the repository's unsafe
// fixtures (rules, examples, fixes): parse and check alone, then with the
// fixes attached as title and label (text, JSON) or validated (SARIF).
func BenchmarkCheckFixtures(b *testing.B) {
	var srcs [][]byte
	for _, pat := range []string{"../../testdata/rules/*.py", "../../testdata/examples/*.py", fixturesDir + "/*.py"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			srcs = append(srcs, src)
		}
	}
	ctx := context.Background()
	for _, mode := range []string{"check", "summaries", "validated"} {
		b.Run(mode, func(b *testing.B) {
			p := analysis.NewParser()
			defer p.Close()
			start := cputime.Used()
			for i := 0; i < b.N; i++ {
				for _, src := range srcs {
					t, err := p.Parse(ctx, nil, src)
					if err != nil {
						b.Fatal(err)
					}
					fs := analysis.CheckTree(ctx, t, nil)
					switch mode {
					case "summaries":
						AttachSummaries(ctx, t, fs)
					case "validated":
						AttachTree(ctx, p, t, fs)
					}
					t.Close()
				}
			}
			cputime.ReportPerOp(b, start)
		})
	}
}
