package fix

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/fixes")

const fixturesDir = "../../testdata/fixes"

func fixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fixturesDir, "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixturesDir, err)
	}
	return files
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./transpile/fix -update)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", filepath.Base(path), got, want)
	}
}

func parsesWithoutErrors(t *testing.T, src []byte) bool {
	t.Helper()
	for _, f := range analysis.Check(context.Background(), src, nil) {
		if f.Rule == "SP000" {
			t.Logf("syntax error: %s at %+v", f.Message, f.Range)
			return false
		}
	}
	return true
}

func countByRule(fs []analysis.Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Rule]++
	}
	return m
}

// TestGolden applies fix-all (safe, then with unsafe fixes) to every
// fixture and compares with the golden files. It also checks that every
// fixture's rule got at least one fix, that the result parses, that fix-all
// on the result changes nothing, and that every finding with a safe fix
// is gone.
func TestGolden(t *testing.T) {
	ctx := context.Background()
	for _, path := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			before := Attach(ctx, src, analysis.Check(ctx, src, nil))
			r := analysis.RuleByID(name)
			if r == nil {
				t.Fatalf("fixture %s names no rule", name)
			}
			var offered, safe int
			for _, f := range before {
				if f.Rule == r.ID && f.Fix != nil {
					offered++
					if f.Fix.Applicability == analysis.FixSafe {
						safe++
					}
				}
			}
			if offered == 0 {
				t.Fatalf("no fix offered for %s in %s", r.ID, path)
			}
			for _, unsafe := range []bool{false, true} {
				out, n, err := All(ctx, src, nil, unsafe)
				if err != nil {
					t.Fatal(err)
				}
				golden := path + ".golden"
				if unsafe {
					golden = path + ".unsafe.golden"
				}
				checkGolden(t, golden, out)
				if n == 0 && (safe > 0 || unsafe) {
					t.Errorf("unsafe=%v: no fix applied", unsafe)
				}
				if !parsesWithoutErrors(t, out) {
					t.Errorf("unsafe=%v: result does not parse:\n%s", unsafe, out)
				}
				again, n2, err := All(ctx, out, nil, unsafe)
				if err != nil || n2 != 0 || string(again) != string(out) {
					t.Errorf("unsafe=%v: fix-all is not idempotent (%d more fixes):\n%s", unsafe, n2, again)
				}
				// A fix may import a module the allowlist lacks (shlex,
				// secrets, ast: SP301/SP302), and os.system's rewrite is a
				// subprocess call without a shell (SP402); no other finding
				// may appear.
				afterAll := countByRule(analysis.Check(ctx, out, nil))
				for rule, n := range afterAll {
					if rule != "SP301" && rule != "SP302" && rule != "SP402" && n > countByRule(before)[rule] {
						t.Errorf("unsafe=%v: fix-all added %s findings (%d -> %d)", unsafe, rule, countByRule(before)[rule], n)
					}
				}
				if !unsafe {
					after := countByRule(analysis.Check(ctx, out, nil))
					if got, want := after[r.ID], countByRule(before)[r.ID]-safe; got != want {
						t.Errorf("%s findings after safe fix-all: %d, want %d", r.ID, got, want)
					}
				}
			}
		})
	}
}

// TestRegistryAgreement: every rule the registry says has a fix has a
// fixer here. The converse (a fixer for a rule whose HasFix is false) is
// logged for the registry's owner.
func TestRegistryAgreement(t *testing.T) {
	for _, r := range analysis.Registry() {
		switch {
		case r.HasFix && !RuleHasFix(r.ID):
			t.Errorf("%s (%s) claims a fix but this package has no fixer for it", r.ID, r.Name)
		case !r.HasFix && RuleHasFix(r.ID):
			t.Errorf("%s (%s) has a fixer here but HasFix is false in the registry", r.ID, r.Name)
		}
	}
}

// TestFixAllOnEveryFixture runs fix-all (safe and unsafe) over the rule
// fixtures and examples of the whole repository, hundreds of unsafe
// shapes written for the checker, not for the fixer: the result must
// parse whenever the input did, a second fix-all must change nothing, and
// no finding may appear that the input did not have (beyond the imports
// and the subprocess call that some rewrites bring).
func TestFixAllOnEveryFixture(t *testing.T) {
	ctx := context.Background()
	var files []string
	for _, pat := range []string{"../../testdata/rules/*.py", "../../testdata/examples/*.py", fixturesDir + "/*.py"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("only %d fixtures found", len(files))
	}
	total := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		before := analysis.Check(ctx, src, nil)
		brokenBefore := countByRule(before)["SP000"] > 0
		for _, unsafe := range []bool{false, true} {
			out, n, err := All(ctx, src, nil, unsafe)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			total += n
			if !brokenBefore && !parsesWithoutErrors(t, out) {
				t.Errorf("%s (unsafe=%v): result does not parse", path, unsafe)
			}
			if again, n2, _ := All(ctx, out, nil, unsafe); n2 != 0 || string(again) != string(out) {
				t.Errorf("%s (unsafe=%v): second fix-all applied %d more fixes", path, unsafe, n2)
			}
			after := countByRule(analysis.Check(ctx, out, nil))
			for rule, k := range after {
				if rule != "SP301" && rule != "SP302" && rule != "SP402" && k > countByRule(before)[rule] {
					t.Errorf("%s (unsafe=%v): %s findings %d -> %d", path, unsafe, rule, countByRule(before)[rule], k)
				}
			}
		}
	}
	t.Logf("%d files, %d fixes applied", len(files), total)
}
