package analysis

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/policy"
)

// corpusDir is where the shared corpora live beside the repository; the
// corpus figures are measured only when it is present.
func corpusDir() string {
	if d := os.Getenv("STELP_CORPORA"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "corpora")
}

type corpusRow struct {
	ID         string `json:"id"`
	TaskID     string `json:"task_id"`
	Risk       string `json:"risk_name"`
	Program    string `json:"program"`
	Prompt     string `json:"prompt"`
	Solution   string `json:"canonical_solution"`
	Test       string `json:"test"`
	EntryPoint string `json:"entry_point"`
}

func readJSONL(t *testing.T, path string) []corpusRow {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var rows []corpusRow
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r corpusRow
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, r)
	}
	return rows
}

// knownErrorsInSafeSet are HumanEval programs whose canonical solution
// itself contains a construct the catalogue must flag; each names the rule.
// HumanEval/160 (do_algebra) calls eval() on a string concatenated from its
// list arguments: code injection for any caller-supplied operator string.
var knownErrorsInSafeSet = map[string]string{"HumanEval/160": "SP101"}

func hasError(fs []Finding) (bool, string) {
	for _, f := range fs {
		if f.Severity == policy.SeverityError {
			return true, f.Rule
		}
	}
	return false, ""
}

// TestCorpus measures the targets on ../shared/corpora when it is
// present: the share of InjectedHumanEval dev programs with an
// error-severity finding (target >= 0.95) and the HumanEval programs with
// one (target 0). It reports the figures; it fails only when a target is
// missed. Without the corpora it is skipped (the repository never copies
// them).
func TestCorpus(t *testing.T) {
	dir := corpusDir()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpora at %s", dir)
	}
	ctx := context.Background()
	unsafe := readJSONL(t, filepath.Join(dir, "injected-humaneval.dev.jsonl"))
	flagged := 0
	perRisk := map[string][2]int{}
	var missed []string
	for _, r := range unsafe {
		ok, _ := hasError(Check(ctx, []byte(r.Program), nil))
		c := perRisk[r.Risk]
		c[1]++
		if ok {
			flagged++
			c[0]++
		} else {
			missed = append(missed, r.ID+" ("+r.Risk+")")
		}
		perRisk[r.Risk] = c
	}
	safe := readJSONL(t, filepath.Join(dir, "humaneval.jsonl"))
	var falsePos []string
	for _, r := range safe {
		prog := r.Prompt + r.Solution + r.Test + "\ncheck(" + r.EntryPoint + ")\n"
		fs := Check(ctx, []byte(prog), nil)
		if want, known := knownErrorsInSafeSet[r.TaskID]; known {
			var got []string
			for _, f := range fs {
				if f.Severity == policy.SeverityError {
					got = append(got, f.Rule)
				}
			}
			if strings.Join(got, ",") != want {
				t.Errorf("%s: expected exactly error %s (known unsafe canonical solution), got %v", r.TaskID, want, got)
			}
			continue
		}
		if ok, _ := hasError(fs); ok {
			var rules []string
			for _, f := range fs {
				if f.Severity == policy.SeverityError {
					rules = append(rules, fmt.Sprintf("%s@%d %s", f.Rule, f.Range.Start.Line+1, f.Message))
				}
			}
			falsePos = append(falsePos, r.TaskID+": "+strings.Join(rules, "; "))
		}
	}
	share := float64(flagged) / float64(len(unsafe))
	var risks []string
	for k, v := range perRisk {
		risks = append(risks, fmt.Sprintf("%s %d/%d", k, v[0], v[1]))
	}
	sort.Strings(risks)
	t.Logf("unsafe flagged: %d/%d = %.3f; HumanEval with an error finding: %d/%d (plus %d known: %v)", flagged, len(unsafe), share, len(falsePos), len(safe), len(knownErrorsInSafeSet), knownErrorsInSafeSet)
	t.Logf("per risk: %s", strings.Join(risks, ", "))
	t.Logf("missed: %s", strings.Join(missed, ", "))
	for _, fp := range falsePos {
		t.Logf("false positive: %s", fp)
	}
	if share < 0.95 {
		t.Errorf("unsafe flagged share %.3f < 0.95", share)
	}
	if len(falsePos) > 0 {
		t.Errorf("%d HumanEval programs get an error-severity finding", len(falsePos))
	}
}
