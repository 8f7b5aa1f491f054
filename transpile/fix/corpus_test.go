package fix_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// TestCorpus measures safe fix-all on ../shared/corpora when it is there
// (STELP_CORPORA overrides the place): how many InjectedHumanEval dev
// programs have no error finding left, how many of those pass their own
// tests under stelp, and that no HumanEval program is changed. Without the
// corpora it reports that and passes: the repository never copies them.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("runs hundreds of programs")
	}
	dir := corporaDir()
	if dir == "" {
		t.Skip("no corpora (set STELP_CORPORA)")
	}
	progs := loadCorpus(t, dir)
	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	pol := policy.Default()
	run := func(ctx context.Context, src []byte) (*exec.Result, error) {
		return pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: true, Runner: pool})
	}
	ungated := func(ctx context.Context, src []byte) (*exec.Result, error) {
		return pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: false, Runner: pool})
	}
	m, err := fix.Measure(ctx, progs, pol, run, ungated)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := m.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(m.OriginalOK) > 0 {
		t.Errorf("safe fixes broke programs that passed before: %v", m.OriginalOK)
	}
	if len(m.SafeChanged) > 0 {
		t.Errorf("fix-all changed HumanEval programs %v", m.SafeChanged)
	}
	if m.Unsafe == 0 || m.Safe == 0 {
		t.Errorf("corpus read no programs: %d unsafe, %d safe", m.Unsafe, m.Safe)
	}
}

// loadCorpus reads the HumanEval programs (prompt + canonical solution +
// test + check(entry_point)) and the InjectedHumanEval programs.
func loadCorpus(t *testing.T, dir string) []fix.Program {
	t.Helper()
	var progs []fix.Program
	each := func(name string, row func(map[string]any)) {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var r map[string]any
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			row(r)
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	str := func(r map[string]any, k string) string { s, _ := r[k].(string); return s }
	each("humaneval.jsonl", func(r map[string]any) {
		src := str(r, "prompt") + str(r, "canonical_solution") + str(r, "test") + "\ncheck(" + str(r, "entry_point") + ")\n"
		progs = append(progs, fix.Program{ID: str(r, "task_id"), Safe: true, Source: src})
	})
	each("injected-humaneval.dev.jsonl", func(r map[string]any) {
		progs = append(progs, fix.Program{ID: str(r, "id"), Source: str(r, "program")})
	})
	return progs
}
