package fix

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
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
// for a whole 2,000-line document with 100 fixable findings.
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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		fs := append([]analysis.Finding(nil), findings...)
		AttachTree(ctx, p, t, fs)
	}
}

// BenchmarkAll2000Lines is fix-all of the same document (check, attach,
// apply, until nothing changes).
func BenchmarkAll2000Lines(b *testing.B) {
	ctx := context.Background()
	src := bigSource()
	for i := 0; i < b.N; i++ {
		if _, n, err := All(ctx, src, nil, false); err != nil || n != 100 {
			b.Fatalf("%d fixes, %v", n, err)
		}
	}
}
