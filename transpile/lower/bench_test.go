package lower

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkLower2000Lines lowers a 2,000-line program made of the fixtures
// (f-strings, match, walrus, displays, annotations...).
func BenchmarkLower2000Lines(b *testing.B) {
	var parts []string
	for _, name := range []string{"fstrings.py", "walrus.py", "match.py", "displays.py", "calls.py"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(src))
	}
	unit := strings.Join(parts, "\n")
	var sb strings.Builder
	for strings.Count(sb.String(), "\n") < 2000 {
		sb.WriteString(unit)
		sb.WriteString("\n")
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Lower(context.Background(), src)
		if err != nil || len(res.Unsupported) > 0 {
			b.Fatalf("%v %v", err, res.Unsupported)
		}
	}
}
