package analysis

import (
	"context"
	"sort"
	"testing"
)

// applyFix applies a fix's edits (non-overlapping) to src.
func applyFix(t *testing.T, src []byte, f *Fix) string {
	t.Helper()
	lines := lineStarts(src)
	off := func(p Position) int { return int(lines[p.Line]) + p.Column }
	edits := append([]TextEdit(nil), f.Edits...)
	sort.Slice(edits, func(i, j int) bool { return off(edits[i].Range.Start) > off(edits[j].Range.Start) })
	out := string(src)
	for _, e := range edits {
		out = out[:off(e.Range.Start)] + e.NewText + out[off(e.Range.End):]
	}
	return out
}

func TestFixes(t *testing.T) {
	cases := []struct {
		name, rule, src, want string
		safe                  bool
	}{
		{"literal eval adds import", "SP101", "\"\"\"doc\"\"\"\nx = eval(s)\n", "\"\"\"doc\"\"\"\nimport ast\nx = ast.literal_eval(s)\n", false},
		{"literal eval keeps import", "SP101", "import ast\nx = eval(s)\n", "import ast\nx = ast.literal_eval(s)\n", false},
		{"timeout", "SP604", "import requests\nrequests.get(url)\n", "import requests\nrequests.get(url, timeout=10)\n", true},
		{"timeout after kwargs", "SP604", "import requests\nrequests.post(url, data=d,)\n", "import requests\nrequests.post(url, data=d,timeout=10)\n", true},
		{"yaml", "SP704", "import yaml\nyaml.load(t)\n", "import yaml\nyaml.safe_load(t)\n", false},
		{"yaml all", "SP704", "import yaml\nyaml.load_all(t)\n", "import yaml\nyaml.safe_load_all(t)\n", false},
		{"torch", "SP706", "import torch\ntorch.load(p)\n", "import torch\ntorch.load(p, weights_only=True)\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			for _, f := range Check(context.Background(), src, nil) {
				if f.Rule != c.rule {
					continue
				}
				if f.Fix == nil {
					t.Fatalf("%s has no fix", c.rule)
				}
				if got := applyFix(t, src, f.Fix); got != c.want {
					t.Fatalf("fixed:\n%s\nwant:\n%s", got, c.want)
				}
				if (f.Fix.Applicability == FixSafe) != c.safe || f.Contract(src).Fix == nil {
					t.Fatalf("applicability %s", f.Fix.Applicability)
				}
				if !RuleByID(c.rule).HasFix {
					t.Fatalf("%s has a fix but HasFix is false", c.rule)
				}
				return
			}
			t.Fatalf("no %s finding", c.rule)
		})
	}
	// no fix where the shape is not the plain one
	for _, f := range Check(context.Background(), []byte("e = eval\ne(s)\neval(s, {})\n"), nil) {
		if f.Fix != nil {
			t.Errorf("unexpected fix on %s at line %d", f.Rule, f.Range.Start.Line+1)
		}
	}
}

// TestRenameFixDoesNotAccumulate: each call's rename is computed afresh
// (a shared closure variable once turned the third into safe_load_all_all_all).
func TestRenameFixDoesNotAccumulate(t *testing.T) {
	src := []byte("import yaml\nyaml.load_all(a)\nyaml.load_all(b)\nyaml.load_all(c)\n")
	n := 0
	for _, f := range Check(context.Background(), src, nil) {
		if f.Rule != "SP704" || f.Fix == nil {
			continue
		}
		n++
		if got := f.Fix.Edits[0].NewText; got != "safe_load_all" {
			t.Errorf("line %d: rename to %q", f.Range.Start.Line+1, got)
		}
	}
	if n != 3 {
		t.Fatalf("want 3 fixed SP704 findings, got %d", n)
	}
}
