package pipeline

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

var update = flag.Bool("update", false, "rewrite golden files")

// traceGolden is the stable part of a traced result (no timings).
type traceGolden struct {
	Status     exec.Status      `json:"status"`
	Stdout     string           `json:"stdout"`
	Exception  *exec.Exception  `json:"exception"`
	Violations []exec.Violation `json:"violations"`
	Trace      []exec.TraceLine `json:"trace"`
}

// TestTraceGolden runs testdata/exec/traces/*.py with traces on and
// compares against NAME.trace.golden (go test ./pipeline -update).
func TestTraceGolden(t *testing.T) {
	dir := filepath.Join("..", "testdata", "exec", "traces")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.py"))
	if len(paths) == 0 {
		t.Fatal("no trace fixtures")
	}
	sort.Strings(paths)
	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Execute(ctx, src, policy.Default(), Options{Gate: false, Runner: pool, Trace: true})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.MarshalIndent(traceGolden{res.Status, res.Stdout, res.Exception, res.Violations, res.Trace}, "", "  ")
			got = append(got, '\n')
			golden := p[:len(p)-len(".py")] + ".trace.golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Fatalf("trace of %s changed (go test ./pipeline -run TestTraceGolden -update to accept):\ngot\n%s\nwant\n%s", p, got, want)
			}
		})
	}
}
