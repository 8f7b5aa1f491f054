package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"github.com/stelp-dev/stelp/bench"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
)

const benchHelp = `
Measure stelp. Subcommands:

  corpus   run ../shared/corpora through the whole pipeline (check, gate,
           transpile, execute on a warm worker pool): the 164 HumanEval
           programs (prompt + canonical solution + tests + check(entry_point))
           and the InjectedHumanEval programs. Prints TBR, TAR and
           correctness as DESIGN.md defines them, a per-CWE table and
           latency; --json for machines. --min-* flags turn it into a gate:
           exit 1 when a figure is below its threshold.`

func runBench(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(stdout, "usage: stelp bench corpus [flags]\n%s\n", benchHelp)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	switch args[0] {
	case "corpus":
		return runBenchCorpus(ctx, args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "stelp bench: unknown benchmark %q (want corpus)\n", args[0])
	return exitUsage
}

func runBenchCorpus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench corpus", "[flags]", benchHelp)
	dir := fs.String("corpora", "../shared/corpora", "`dir` holding humaneval.jsonl and injected-humaneval*.jsonl")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	parallel := fs.Int("parallel", runtime.NumCPU(), "programs run at once (the warm pool's size)")
	mutants := fs.Bool("mutants", true, "also run each HumanEval program with a wrong body, which must end in status error")
	minTBR := fs.Float64("min-tbr", 0, "fail when TBR is below this")
	minTAR := fs.Float64("min-tar", 0, "fail when TAR is below this")
	minCorrect := fs.Float64("min-correctness", 0, "fail when correctness is below this")
	minMutants := fs.Float64("min-mutants", 0, "fail when the share of wrong-body mutants ending in error is below this")
	rest, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) != 0 {
		return usageErr(fs, stderr, "unexpected arguments %v", rest)
	}
	progs, err := bench.LoadCorpus(*dir, *mutants)
	if err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
		return exitUsage
	}
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: *parallel})
	if err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: start workers: %v\n", err)
		return exitUsage
	}
	defer pool.Close()
	pol := policy.Default()
	run := func(ctx context.Context, src []byte) (*exec.Result, error) {
		return pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: true, Runner: pool})
	}
	rep, err := bench.RunCorpus(ctx, progs, run, *parallel)
	if err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
			return exitUsage
		}
	} else if err := rep.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
		return exitUsage
	}
	failed := false
	if err := rep.Check(bench.Thresholds{MinTBR: *minTBR, MinTAR: *minTAR, MinCorrectness: *minCorrect}); err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
		failed = true
	}
	if rep.Mutants > 0 && float64(rep.MutantsError)/float64(rep.Mutants) < *minMutants {
		fmt.Fprintf(stderr, "stelp bench corpus: only %d/%d wrong-body mutants ended in error\n", rep.MutantsError, rep.Mutants)
		failed = true
	}
	if failed {
		return exitFound
	}
	return exitOK
}
