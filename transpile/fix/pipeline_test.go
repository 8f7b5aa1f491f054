package fix_test

import (
	"context"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
)

// TestPipelineFindingsCarryFixes: the findings of `stelp run --json` (a
// blocked run: nothing executes) carry this package's fixes, the same
// ones `stelp check` and the language server offer.
func TestPipelineFindingsCarryFixes(t *testing.T) {
	src := []byte("import yaml\n\n\ndef load(text):\n    return yaml.load(text, Loader=yaml.FullLoader)\n\n\nx = eval('[1, 2]')\n")
	res, err := pipeline.Execute(context.Background(), src, nil, pipeline.Options{Gate: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusBlocked {
		t.Fatalf("status %s, want blocked", res.Status)
	}
	want := map[string]analysis.ContractFix{
		"SP704": {Title: "Use yaml.safe_load", Safe: true},
		"SP101": {Title: "Write the expression instead of eval()", Safe: true},
	}
	for _, f := range res.Findings {
		c, ok := f.(analysis.ContractFinding)
		if !ok {
			t.Fatalf("finding of type %T", f)
		}
		w, ok := want[c.Rule]
		if !ok {
			continue
		}
		delete(want, c.Rule)
		if c.Fix == nil || *c.Fix != w {
			t.Errorf("%s: fix %+v, want %+v", c.Rule, c.Fix, w)
		}
	}
	for rule := range want {
		t.Errorf("no %s finding", rule)
	}
}
