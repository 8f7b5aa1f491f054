package fix_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// TestSummariesAgree: the unvalidated summaries (`stelp check`'s) name the
// same fixes, with the same titles and labels, as the validated fixes
// (`stelp fix`'s, the server's) on every fixture of the repository and on
// the corpora when they are there. A disagreement is a fixer that writes a
// fix that does not parse: the validator drops it, the summary would not.
func TestSummariesAgree(t *testing.T) {
	ctx := context.Background()
	srcs := programs(t)
	p := analysis.NewParser()
	defer p.Close()
	withFix := 0
	for name, src := range srcs {
		tr, err := p.Parse(ctx, nil, src)
		if err != nil {
			t.Fatal(err)
		}
		findings := analysis.CheckTree(ctx, tr, nil)
		full := fix.AttachTree(ctx, p, tr, append([]analysis.Finding(nil), findings...))
		sum := fix.AttachSummaries(ctx, tr, append([]analysis.Finding(nil), findings...))
		tr.Close()
		for i := range full {
			a, b := full[i].Fix, sum[i].Fix
			switch {
			case a == nil && b == nil:
			case a == nil || b == nil || a.Title != b.Title || a.Applicability != b.Applicability:
				t.Errorf("%s: %s at line %d: validated fix %+v, summary %+v", name, full[i].Rule, full[i].Range.Start.Line+1, a, b)
			case len(b.Edits) != 0:
				t.Errorf("%s: a summary carries edits", name)
			default:
				withFix++
			}
		}
	}
	if withFix == 0 {
		t.Fatal("no fix in any fixture")
	}
	t.Logf("%d programs, %d fixes agree", len(srcs), withFix)
}

// programs are the repository's unsafe fixtures (rules, examples, fixes)
// and, unless -short, the corpora when they are there, by name.
func programs(t *testing.T) map[string][]byte {
	t.Helper()
	srcs := map[string][]byte{}
	for _, pat := range []string{"../../testdata/rules/*.py", "../../testdata/examples/*.py", "../../testdata/fixes/*.py"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			srcs[f] = b
		}
	}
	if len(srcs) < 25 {
		t.Fatalf("only %d fixtures", len(srcs))
	}
	if dir := corporaDir(); !testing.Short() && dir != "" {
		for _, p := range loadCorpus(t, dir) {
			srcs[p.ID] = []byte(p.Source)
		}
	}
	return srcs
}

// TestLoopShortcutAgrees: loop fixes chosen without checking the whole
// document (no for loop near the loop) are the ones the whole-document
// check chooses, on every fixture and corpus program.
func TestLoopShortcutAgrees(t *testing.T) {
	ctx := context.Background()
	attachAll := func(src []byte) []analysis.Finding {
		return fix.Attach(ctx, src, analysis.Check(ctx, src, nil))
	}
	loops := 0
	for name, src := range programs(t) {
		fast := attachAll(src)
		fix.SetAlwaysCheckLoops(true)
		slow := attachAll(src)
		fix.SetAlwaysCheckLoops(false)
		for i := range fast {
			a, b := fast[i].Fix, slow[i].Fix
			if a == nil && b == nil {
				continue
			}
			if a == nil || b == nil || a.Title != b.Title || a.Applicability != b.Applicability || !slices.Equal(a.Edits, b.Edits) {
				t.Errorf("%s: %s at line %d: with the shortcut %+v, checked %+v", name, fast[i].Rule, fast[i].Range.Start.Line+1, a, b)
			}
			if strings.HasPrefix(a.Title, "Bound the loop") {
				loops++
			}
		}
	}
	if loops == 0 {
		t.Fatal("no loop fix in any program")
	}
	t.Logf("%d loop fixes agree", loops)
}

// corporaDir is ../shared/corpora (STELP_CORPORA overrides it), or "" when
// the corpora are not there: the repository never copies them.
func corporaDir() string {
	dir := os.Getenv("STELP_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	if _, err := os.Stat(filepath.Join(dir, "humaneval.jsonl")); err != nil {
		return ""
	}
	return dir
}
