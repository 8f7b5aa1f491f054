package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
)

const runHelp = `
Check a Python program, and unless an error-severity finding blocks it, run
it in the restricted interpreter inside an isolated worker process.

The program's output goes to stdout, then a one-line summary to stderr.
With --json, stdout gets exactly the result object of DESIGN.md instead.
With --trace, the source is printed after the output with, at each line's
end, how often it ran and the last values assigned there.

Programs run on a per-user background daemon that keeps locked-down
workers warm (the language server's pool): the first 'stelp run' starts it
and runs in a fresh worker of its own; later runs skip the worker's
start-up. This process resolves the policy (its .stelp.yaml, its flags)
and sends it with the program; the daemon checks, gates and transpiles
under exactly that policy, serves this user only, and exits after 2
minutes without a request. --no-daemon, or STELP_DAEMON=off in the
environment, starts a fresh worker for every run instead; --verbose says
which way a run went and why.

Exit codes: 0 ok, 1 the program raised, 2 blocked by a finding (or a usage
error), 3 a runtime guard stopped it (violation), 4 a resource limit
stopped it (or the worker was lost: a crash).`

func runRun(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("run", "[flags] FILE|-", runHelp)
	asJSON := fs.Bool("json", false, "print the DESIGN.md result object instead of the output and summary")
	trace := fs.Bool("trace", false, "print the source with run counts and values at line ends")
	input := fs.String("stdin", "", "`text` that input() reads (a newline ends each line)")
	inputFile := fs.String("stdin-file", "", "read what input() reads from this `file`")
	timeout := fs.Duration("timeout", 0, "wall-clock limit, e.g. 2s (overrides the policy)")
	steps := fs.Int64("steps", 0, "step budget: loop iterations and calls (overrides the policy)")
	memory := fs.Int64("memory", 0, "memory limit in `MiB` (overrides the policy)")
	gate := newChoice("on", "on", "off")
	fs.Var(gate, "gate", "`on`: an error-severity finding blocks the run; off: run anyway, the runtime guards alone contain it")
	configPath := fs.String("config", "", "use this config `file` instead of discovering .stelp.yaml")
	noDaemon := fs.Bool("no-daemon", false, "run in a fresh worker, not on the warm background daemon (also: STELP_DAEMON=off)")
	verbose := fs.Bool("verbose", false, "say on stderr whether the daemon ran the program, and why not")
	paths, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) != 1 {
		return usageErr(fs, stderr, "want exactly one FILE or - (stdin), got %d", len(paths))
	}
	if *timeout < 0 || *steps < 0 || *memory < 0 {
		return usageErr(fs, stderr, "--timeout, --steps and --memory must not be negative")
	}
	if *input != "" && *inputFile != "" {
		return usageErr(fs, stderr, "--stdin and --stdin-file exclude each other")
	}
	path := paths[0]
	src, err := readProgram(path, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "stelp run: %v\n", err)
		return exitUsage
	}
	progIn := *input
	if progIn != "" && !strings.HasSuffix(progIn, "\n") {
		progIn += "\n"
	}
	if *inputFile != "" {
		b, err := os.ReadFile(*inputFile)
		if err != nil {
			fmt.Fprintf(stderr, "stelp run: read --stdin-file: %v\n", err)
			return exitUsage
		}
		progIn = string(b)
	}

	pol, err := runPolicy(ctx, path, *configPath)
	if err != nil {
		fmt.Fprintf(stderr, "stelp run: invalid config:\n%v\n", err)
		return exitUsage
	}
	if *timeout > 0 {
		pol.Limits.Time = *timeout
	}
	if *steps > 0 {
		pol.Limits.Steps = *steps
	}
	if *memory > 0 {
		pol.Limits.MemoryMB = *memory
	}

	logf := func(string, ...any) {}
	if *verbose {
		logf = func(format string, args ...any) { fmt.Fprintf(stderr, "stelp run: "+format+"\n", args...) }
	}
	call := &exec.ExecuteCall{Source: string(src), Policy: *pol, Gate: gate.String() == "on", Trace: *trace, Stdin: progIn}
	res, startDaemon, err := runOnDaemon(ctx, !*noDaemon && !exec.DaemonDisabled(), call, logf)
	if res == nil && err == nil {
		// No daemon took it: a one-shot worker, started now so that its
		// start-up runs on the other core while this process checks and
		// transpiles; closing it ends a worker the gate left unused.
		w := exec.OneShot{}.Start(ctx, pol.Limits.MemoryMB)
		logf("running in a one-shot worker")
		res, err = executeCall(ctx, call, w)
		w.Close()
	}
	if startDaemon != nil && ctx.Err() == nil {
		defer startDaemon() // after the output: the user sees it first
	}
	if err != nil {
		fmt.Fprintf(stderr, "stelp run: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "stelp run: %v\n", err)
			return exitUsage
		}
		return res.Status.ExitCode()
	}
	io.WriteString(stdout, res.Stdout)
	io.WriteString(stderr, res.Stderr)
	if *trace {
		if res.Stdout != "" && !strings.HasSuffix(res.Stdout, "\n") {
			fmt.Fprintln(stdout)
		}
		writeTrace(stdout, src, res)
	}
	fmt.Fprintln(stderr, summary(res))
	return res.Status.ExitCode()
}

func readProgram(path string, stdin io.Reader) ([]byte, error) {
	if path == "-" {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		return b, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}

func runPolicy(ctx context.Context, path, configPath string) (*policy.Policy, error) {
	loader := &policy.Loader{Rules: resolveRule}
	name := path
	if path == "-" {
		name = ""
	}
	if configPath != "" {
		cfg, err := loader.Load(ctx, configPath)
		if err != nil {
			return nil, err
		}
		return cfg.For(name), nil
	}
	if name == "" {
		found, ok := policy.Find(".")
		if !ok {
			return policy.Default(), nil
		}
		cfg, err := loader.Load(ctx, found)
		if err != nil {
			return nil, err
		}
		return cfg.Base(), nil
	}
	pol, _, err := loader.ForFile(ctx, name)
	return pol, err
}

// summary is the one line printed after the program's output.
func summary(res *exec.Result) string {
	usage := fmt.Sprintf("%s, %d steps", fmtMS(res.Usage.WallMS), res.Usage.Steps)
	switch res.Status {
	case exec.StatusOK:
		return fmt.Sprintf("stelp run: ok (%s)", usage)
	case exec.StatusError:
		if e := res.Exception; e != nil {
			return fmt.Sprintf("stelp run: error: %s: %s (line %d; %s)", e.Type, e.Message, e.Line, usage)
		}
		return "stelp run: error"
	case exec.StatusBlocked:
		var parts []string
		for _, f := range res.Findings {
			b, _ := json.Marshal(f)
			var cf struct {
				Rule, Name, Severity string
				Line, Column         int
			}
			_ = json.Unmarshal(b, &cf)
			if cf.Severity == string(policy.SeverityError) {
				parts = append(parts, fmt.Sprintf("%s %s at %d:%d", cf.Rule, cf.Name, cf.Line, cf.Column))
			}
		}
		return "stelp run: blocked by " + strings.Join(parts, ", ") + " (not run; --gate=off runs it under the runtime guards)"
	case exec.StatusViolation:
		if len(res.Violations) > 0 {
			v := res.Violations[0]
			return fmt.Sprintf("stelp run: violation: %s: %s (line %d; %s)", v.Kind, v.Detail, v.Line, usage)
		}
		return "stelp run: violation"
	case exec.StatusLimit:
		if l := res.Limit; l != nil {
			return fmt.Sprintf("stelp run: limit: %s: %s (%s)", l.Kind, l.Detail, usage)
		}
		return "stelp run: limit"
	}
	return "stelp run: " + string(res.Status)
}

func fmtMS(ms float64) string {
	return (time.Duration(ms * float64(time.Millisecond))).Round(10 * time.Microsecond).String()
}

// writeTrace prints the source with counts and values at line ends.
func writeTrace(w io.Writer, src []byte, res *exec.Result) {
	byLine := map[int]exec.TraceLine{}
	for _, t := range res.Trace {
		byLine[t.Line] = t
	}
	lines := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	width := 0
	for _, l := range lines {
		if n := len([]rune(l)); n > width && n <= 80 {
			width = n
		}
	}
	for i, l := range lines {
		n := i + 1
		var notes []string
		if t, ok := byLine[n]; ok {
			if t.Count > 0 {
				notes = append(notes, fmt.Sprintf("×%d", t.Count))
			}
			names := make([]string, 0, len(t.Values))
			for k := range t.Values {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				notes = append(notes, k+"="+t.Values[k])
			}
		}
		if e := res.Exception; e != nil && e.Line == n {
			notes = append(notes, "!! "+e.Type+": "+e.Message)
		}
		for _, v := range res.Violations {
			if v.Line == n {
				notes = append(notes, "!! "+v.Kind+": "+v.Detail)
			}
		}
		if len(notes) == 0 {
			fmt.Fprintf(w, "%4d  %s\n", n, l)
			continue
		}
		pad := width - len([]rune(l))
		if pad < 0 {
			pad = 0
		}
		fmt.Fprintf(w, "%4d  %s%s  # %s\n", n, l, strings.Repeat(" ", pad), strings.Join(notes, "  "))
	}
}

// executeCall runs the pipeline on call under its policy: the daemon's
// side of runOnDaemon (runner is its warm pool), and this process's own
// when no daemon took the program (a one-shot worker), so both give the
// same verdict.
func executeCall(ctx context.Context, call *exec.ExecuteCall, runner exec.Runner) (*exec.Result, error) {
	return pipeline.Execute(ctx, []byte(call.Source), &call.Policy, pipeline.Options{
		Gate: call.Gate, Runner: runner, Stdin: call.Stdin, Trace: call.Trace,
	})
}
