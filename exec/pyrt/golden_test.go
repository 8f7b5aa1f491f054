package pyrt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
)

// TestGolden runs every testdata/cases/*.py snippet and compares its stdout
// with the .out file CPython 3.11 produced (testdata/gen.py writes them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden cases")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".py") + ".golden")
			if err != nil {
				t.Fatalf("missing golden output (run testdata/gen.py): %v", err)
			}
			got, exc := runSnippet(t, string(src))
			if exc != "" {
				got += "Traceback: " + exc + "\n"
			}
			if got != string(want) {
				diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
					A: difflib.SplitLines(string(want)), B: difflib.SplitLines(got),
					FromFile: "cpython", ToFile: "pyrt", Context: 1,
				})
				t.Errorf("output differs from CPython:\n%s", diff)
			}
		})
	}
}

// TestRunFile is a development aid: PYRT_RUN=file.py go test -run TestRunFile
func TestRunFile(t *testing.T) {
	path := os.Getenv("PYRT_RUN")
	if path == "" {
		t.Skip("set PYRT_RUN to a Python file")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, exc := runSnippet(t, string(src))
	t.Logf("stdout:\n%s\nexception: %s", out, exc)
}
