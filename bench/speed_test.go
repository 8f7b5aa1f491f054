package bench

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// corpusForBench loads ../../shared/corpora (beside the repository) when it
// is there: these benchmarks measure the real programs, and there is
// nothing to measure without them.
func corpusForBench(b *testing.B) []Program {
	dir := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s", dir)
	}
	progs, err := LoadCorpus(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	return progs
}

// BenchmarkCorpusCheck is the in-process detector of `stelp bench detect`:
// analysis.Check on every corpus program, per pass over the corpus.
func BenchmarkCorpusCheck(b *testing.B) {
	progs := corpusForBench(b)
	ctx, pol := context.Background(), policy.Default()
	for b.Loop() {
		for _, p := range progs {
			analysis.Check(ctx, []byte(p.Source), pol)
		}
	}
	b.ReportMetric(float64(len(progs)*b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkCorpusCheckCLIShape is what `stelp check` does per file: one
// reused parser, CheckTree, then fix.AttachTree for the JSON report.
func BenchmarkCorpusCheckCLIShape(b *testing.B) {
	progs := corpusForBench(b)
	ctx, pol := context.Background(), policy.Default()
	p := analysis.NewParser()
	defer p.Close()
	for b.Loop() {
		for _, pr := range progs {
			t, err := p.Parse(ctx, nil, []byte(pr.Source))
			if err != nil {
				b.Fatal(err)
			}
			fix.AttachTree(ctx, p, t, analysis.CheckTree(ctx, t, pol))
			t.Close()
		}
	}
	b.ReportMetric(float64(len(progs)*b.N)/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkCorpusParse is the tree-sitter parse alone, the floor under
// every check.
func BenchmarkCorpusParse(b *testing.B) {
	progs := corpusForBench(b)
	ctx := context.Background()
	p := analysis.NewParser()
	defer p.Close()
	for b.Loop() {
		for _, pr := range progs {
			t, err := p.Parse(ctx, nil, []byte(pr.Source))
			if err != nil {
				b.Fatal(err)
			}
			t.Close()
		}
	}
	b.ReportMetric(float64(len(progs)*b.N)/b.Elapsed().Seconds(), "files/s")
}

func humanEvalForBench(b *testing.B) []Program {
	var safe []Program
	for _, p := range corpusForBench(b) {
		if p.Safe {
			safe = append(safe, p)
		}
	}
	return safe
}

// BenchmarkHumanEvalCheck is the gate's share of a warm run.
func BenchmarkHumanEvalCheck(b *testing.B) {
	progs := humanEvalForBench(b)
	ctx, pol := context.Background(), policy.Default()
	for b.Loop() {
		for _, p := range progs {
			analysis.Check(ctx, []byte(p.Source), pol)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(len(progs)*b.N), "ms/program")
}

// BenchmarkHumanEvalTranspile is the lowering and instrumentation share.
func BenchmarkHumanEvalTranspile(b *testing.B) {
	progs := humanEvalForBench(b)
	ctx := context.Background()
	for b.Loop() {
		for _, p := range progs {
			if _, err := transpile.Prepare(ctx, []byte(p.Source), transpile.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(len(progs)*b.N), "ms/program")
}

// BenchmarkHumanEvalWarm is the server's path end to end: pipeline.Execute
// with the server's options (gate, traces) on a warm pool of one worker,
// every HumanEval program per op.
func BenchmarkHumanEvalWarm(b *testing.B) {
	progs := humanEvalForBench(b)
	ctx, pol := context.Background(), policy.Default()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	var inWorker float64
	notOK := 0
	for b.Loop() {
		for _, p := range progs {
			res, err := pipeline.Execute(ctx, []byte(p.Source), pol, pipeline.Options{Gate: true, Runner: pool, Trace: true})
			if err != nil {
				b.Fatal(err)
			}
			if res.Status != exec.StatusOK {
				notOK++ // a time limit under heavy load; still timed
			}
			inWorker += res.Usage.WallMS
		}
	}
	n := float64(len(progs) * b.N)
	b.ReportMetric(b.Elapsed().Seconds()*1000/n, "ms/program")
	b.ReportMetric(inWorker/n, "worker-ms/program")
	b.ReportMetric(float64(notOK), "not-ok")
}
