package fix_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// TestBehaviour runs every fixture marked `# run:` and its safe fix-all
// result in the executor (gate off, so the original runs too): a safe fix
// must not change what a benign program does. The fixed program must print
// what CPython printed for the original (<fixture>.stdout, made once with
// python3 from these benign fixtures) and what the original printed in the
// executor, unless a runtime guard stopped the original there (eval and
// exec are denied at run time, which is why CPython is the reference).
func TestBehaviour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs programs in worker processes")
	}
	ctx := context.Background()
	pol := policy.Default()
	pol.Files = true
	ran := 0
	for _, path := range fix.Fixtures(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(src), "\n")
		if !strings.HasPrefix(first, "# run:") {
			continue
		}
		ran++
		t.Run(strings.TrimSuffix(filepath.Base(path), ".py"), func(t *testing.T) {
			fixed, n, err := fix.All(ctx, src, pol, false)
			if err != nil || n == 0 {
				t.Fatalf("fix-all: %d fixes, %v", n, err)
			}
			a, err := pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: false})
			if err != nil {
				t.Fatal(err)
			}
			b, err := pipeline.Execute(ctx, fixed, pol, pipeline.Options{Gate: false})
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(path + ".stdout")
			if err != nil {
				t.Fatalf("%v: write the CPython output of the fixture there", err)
			}
			if len(want) == 0 {
				t.Fatal("the original prints nothing: the fixture tests nothing")
			}
			t.Logf("original: %s %q; fixed: %s %q", a.Status, a.Stdout, b.Status, b.Stdout)
			if b.Status != exec.StatusOK || b.Stdout != string(want) {
				t.Errorf("fixed program: %s %+v\n%s\nwant ok and CPython's output of the original:\n%s", b.Status, b.Exception, b.Stdout, want)
			}
			if a.Status != exec.StatusViolation && (a.Status != b.Status || a.Stdout != b.Stdout) {
				t.Errorf("behaviour changed:\noriginal: %s %+v\n%s\nfixed: %s %+v\n%s", a.Status, a.Exception, a.Stdout, b.Status, b.Exception, b.Stdout)
			}
		})
	}
	if ran == 0 {
		t.Fatal("no fixture is marked '# run:'")
	}
}
