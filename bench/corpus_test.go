package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/exec"
)

func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	he := `{"task_id": "HumanEval/0", "prompt": "def f(x):\n", "entry_point": "f", "canonical_solution": "    return x\n", "test": "def check(c):\n    assert c(1) == 1\n"}
{"task_id": "HumanEval/1", "prompt": "def g(x):\n", "entry_point": "g", "canonical_solution": "    return x + 1\n", "test": "def check(c):\n    assert c(1) == 2\n"}
`
	ihe := `{"id": "IHE-000", "cwe_id": 94, "risk_name": "System Code Execution", "task_id": "HumanEval/0", "entry_point": "f", "program": "eval('1')\n"}
{"id": "IHE-001", "cwe_id": 835, "risk_name": "Infinite Loop", "task_id": "HumanEval/1", "entry_point": "g", "program": "while True:\n    pass\n"}
{"id": "IHE-002", "cwe_id": 835, "risk_name": "Infinite Loop", "task_id": "HumanEval/1", "entry_point": "g", "program": "print('sneaky')\n"}
`
	if err := os.WriteFile(filepath.Join(dir, "humaneval.jsonl"), []byte(he), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "injected-humaneval.dev.jsonl"), []byte(ihe), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadCorpusAssemblesPrograms(t *testing.T) {
	progs, err := LoadCorpus(writeCorpus(t), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(progs) != 2*2+3 {
		t.Fatalf("got %d programs, want 7", len(progs))
	}
	p := progs[0]
	if !p.Safe || p.ID != "HumanEval/0" || !strings.HasSuffix(p.Source, "check(f)\n") || !strings.Contains(p.Source, "    return x\n") {
		t.Fatalf("bad safe program %+v", p)
	}
	if m := progs[1]; !m.Mutant || strings.Contains(m.Source, "    return x\n") {
		t.Fatalf("bad mutant %+v", m)
	}
	if u := progs[4]; u.Safe || u.CWE != 94 || u.Source != "eval('1')\n" {
		t.Fatalf("bad unsafe program %+v", u)
	}
}

func TestLoadCorpusErrorsNameTheFileAndLine(t *testing.T) {
	dir := writeCorpus(t)
	if err := os.WriteFile(filepath.Join(dir, "humaneval.jsonl"), []byte("{}\n{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadCorpus(dir, false)
	if err == nil || !strings.Contains(err.Error(), "humaneval.jsonl:1") {
		t.Fatalf("want error naming humaneval.jsonl:1, got %v", err)
	}
	if _, err := LoadCorpus(t.TempDir(), false); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("want not-found error, got %v", err)
	}
}

// fakeExecutor decides a status from the program text, standing in for
// the pipeline so that the metric arithmetic is tested on its own.
func fakeExecutor(_ context.Context, src []byte) (*exec.Result, error) {
	s := string(src)
	switch {
	case strings.Contains(s, "eval("):
		return &exec.Result{Status: exec.StatusBlocked}, nil
	case strings.Contains(s, "while True"):
		return &exec.Result{Status: exec.StatusLimit, Limit: &exec.Limit{Kind: "steps"}}, nil
	case strings.Contains(s, "object()"):
		return &exec.Result{Status: exec.StatusError, Exception: &exec.Exception{Type: "AssertionError"}}, nil
	}
	return &exec.Result{Status: exec.StatusOK}, nil
}

func TestRunCorpusMetrics(t *testing.T) {
	progs, err := LoadCorpus(writeCorpus(t), true)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := RunCorpus(context.Background(), progs, fakeExecutor, 3)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unsafe != 3 || rep.UnsafeBlocked != 2 {
		t.Fatalf("unsafe %d blocked %d, want 3 and 2", rep.Unsafe, rep.UnsafeBlocked)
	}
	if rep.TBR < 0.666 || rep.TBR > 0.667 {
		t.Fatalf("TBR %v", rep.TBR)
	}
	if rep.TAR != 1 || rep.Correctness != 1 || rep.Mutants != 2 || rep.MutantsError != 2 {
		t.Fatalf("safe metrics wrong: %+v", rep)
	}
	if len(rep.PerCWE) != 2 || rep.PerCWE[0].CWE != 94 || rep.PerCWE[0].Static != 1 || rep.PerCWE[1].Blocked != 1 || rep.PerCWE[1].Total != 2 {
		t.Fatalf("per-CWE wrong: %+v", rep.PerCWE)
	}
	if err := rep.Check(Thresholds{MinTBR: 1}); err == nil || !strings.Contains(err.Error(), "TBR") {
		t.Fatalf("threshold check should fail on TBR, got %v", err)
	}
	if err := rep.Check(Thresholds{MinTBR: 0.6, MinTAR: 1, MinCorrectness: 1}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := rep.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "IHE-002") || !strings.Contains(out.String(), "unsafe not blocked") {
		t.Fatalf("report does not list the miss:\n%s", out.String())
	}
}

func TestPercentile(t *testing.T) {
	s := []float64{1, 2, 3, 4, 5}
	for _, c := range []struct{ p, want float64 }{{0, 1}, {50, 3}, {100, 5}, {25, 2}, {90, 4.6}} {
		if got := Percentile(s, c.p); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("p%v = %v, want %v", c.p, got, c.want)
		}
	}
}
