package stdlib_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
)

type section struct{ name, body string }

// sections splits a case or golden file at its "#=== name" lines.
func sections(text string) []section {
	var out []section
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.HasPrefix(line, "#=== ") {
			out = append(out, section{name: strings.TrimSpace(line[5:])})
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].body += line
		}
	}
	return out
}

// TestCases runs every snippet of testdata/cases/*.py and compares its
// output with what CPython 3.11 printed (the .golden beside it, written by
// testdata/gen.py).
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	gaps := knownGaps(t)
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".golden")
		if err != nil {
			t.Fatalf("%s: missing golden (run python3 testdata/gen.py): %v", file, err)
		}
		want := map[string]string{}
		for _, s := range sections(string(gold)) {
			want[s.name] = s.body
		}
		mod := strings.TrimSuffix(filepath.Base(file), ".py")
		for _, c := range sections(string(src)) {
			c := c
			t.Run(mod+"/"+c.name, func(t *testing.T) {
				exp, ok := want[c.name]
				if !ok {
					t.Fatalf("no golden output for %s (run python3 testdata/gen.py)", c.name)
				}
				got := run(t, c.body)
				if reason, ok := gaps[mod+"/"+c.name]; ok {
					// Not an error either way: some gaps (dict order) make
					// the output match by chance.
					t.Logf("known core-runtime gap (%s); matches CPython: %v", reason, got == exp)
					return
				}
				if got != exp {
					diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
						A: difflib.SplitLines(exp), B: difflib.SplitLines(got),
						FromFile: "cpython", ToFile: "stelp", Context: 2,
					})
					t.Errorf("output differs from CPython:\n%s\nsource:\n%s", diff, c.body)
				}
			})
		}
	}
}

// knownGaps reads testdata/pyrt_gaps.txt, the cases that cannot match
// CPython yet for reasons outside this package. Case name -> reason.
func knownGaps(t *testing.T) map[string]string {
	data, err := os.ReadFile("testdata/pyrt_gaps.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, "\t")
		out[name] = reason
	}
	return out
}
