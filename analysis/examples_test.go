package analysis

import (
	"context"
	"os"
	"testing"

	"github.com/stelp-dev/stelp/policy"
)

// TestExamples keeps the README's bundled examples meaningful: the clean
// one has no finding, the others have error findings of the expected rules.
func TestExamples(t *testing.T) {
	want := map[string][]string{
		"clean.py":          nil,
		"llm_snippet.py":    {"SP101", "SP301", "SP501", "SP502", "SP801", "SP831", "SP904"},
		"sandbox_escape.py": {"SP101", "SP201", "SP207"},
	}
	for file, rules := range want {
		src, err := os.ReadFile("../testdata/examples/" + file)
		if err != nil {
			t.Fatal(err)
		}
		fs := Check(context.Background(), src, policy.Default())
		got := rulesOf(fs)
		if rules == nil && len(fs) != 0 {
			t.Errorf("%s: want no findings, got %v", file, fs)
		}
		for _, r := range rules {
			if got[r] == 0 {
				t.Errorf("%s: want %s, got %v", file, r, got)
			}
		}
	}
}
