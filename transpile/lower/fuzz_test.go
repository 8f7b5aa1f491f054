package lower

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLower: any input either lowers keeping its line count, or is
// reported (problems), or fails with an error; it never panics.
func FuzzLower(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("match x:\n    case [a, *b] if (c := a):\n        pass\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Lower(context.Background(), src)
		if err != nil {
			if bytes.Contains([]byte(err.Error()), []byte("internal error")) {
				t.Fatalf("%v\ninput: %q", err, src)
			}
			return
		}
		if len(res.Unsupported) > 0 {
			return
		}
		if a, b := bytes.Count(src, []byte("\n")), bytes.Count(res.Code, []byte("\n")); a != b {
			t.Fatalf("line count %d -> %d for %q", a, b, src)
		}
	})
}
