package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

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
           exit 1 when a figure is below its threshold.

  detect   stelp against Bandit on the same files: the corpus programs are
           written to a temporary directory, then analysed in-process
           (analysis.Check), by 'stelp check --format json DIR' and by
           'bandit -r DIR -f json', interleaved, --reps passes each. Prints
           the share of unsafe and of HumanEval programs each flags (stelp:
           an error-severity finding; Bandit: a MEDIUM or HIGH issue) and
           files per second. Nothing is run. Needs bandit on PATH
           (Debian: apt-get install -y bandit) or --bandit.

  exec     per HumanEval program (the 164 safe ones only): 'stelp run FILE'
           (on the warm daemon, which a warm-up run starts in a socket
           directory of the benchmark's own; stopped at the end) and
           'stelp run --no-daemon FILE' as fresh processes against a fresh
           'python3 -I -S FILE', and the server's path (pipeline.Execute on
           a warm exec.Pool), interleaved, --reps runs each. Prints
           p50/p95/mean, ratios and the paper's figures. Needs python3 on
           PATH or --python.

  all      detect, exec and corpus in one run, the issue-8 targets judged;
           --write-docs writes docs/benchmarks.md and
           docs/benchmarks-latency.svg.

  report   re-render a saved 'stelp bench all --json' file (tables, or
           --write-docs) without measuring again.

Every section prints the load average beside its figures.`

func runBench(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(stdout, "usage: stelp bench corpus|detect|exec|all|report [flags]\n%s\n", benchHelp)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	switch args[0] {
	case "corpus":
		return runBenchCorpus(ctx, args[1:], stdout, stderr)
	case "detect", "exec", "all":
		return runBenchPeers(ctx, args[0], args[1:], stdout, stderr)
	case "report":
		return runBenchReport(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "stelp bench: unknown benchmark %q (want corpus, detect, exec, all or report)\n", args[0])
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
	rep, err := corpusReport(ctx, *dir, *parallel, *mutants)
	if err != nil {
		fmt.Fprintf(stderr, "stelp bench corpus: %v\n", err)
		return exitUsage
	}
	if *asJSON {
		if err := writeBenchJSON(stdout, rep); err != nil {
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

// corpusReport runs the corpus through the whole pipeline on a warm pool.
func corpusReport(ctx context.Context, dir string, parallel int, mutants bool) (*bench.Report, error) {
	progs, err := bench.LoadCorpus(dir, mutants)
	if err != nil {
		return nil, err
	}
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: parallel})
	if err != nil {
		return nil, fmt.Errorf("start workers: %w", err)
	}
	defer pool.Close()
	pol := policy.Default()
	run := func(ctx context.Context, src []byte) (*exec.Result, error) {
		return pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: true, Runner: pool})
	}
	return bench.RunCorpus(ctx, progs, run, parallel)
}

func writeBenchJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// peers are the external programs stelp is compared with.
type peers struct {
	self          string   // this stelp binary
	daemonEnv     []string // for `stelp run` on the benchmark's own daemon
	bandit        string
	banditVersion string
	python        string // the real interpreter, not a version-manager shim
	pythonVersion string
}

// findBandit locates Bandit or says how to install it.
func findBandit(flagPath string) (path, version string, err error) {
	path = flagPath
	if path == "" {
		if path, err = osexec.LookPath("bandit"); err != nil {
			return "", "", errors.New("bandit not found on PATH: install it (Debian: apt-get install -y bandit, or run scripts/bench.sh, which does) or pass --bandit PATH")
		}
	}
	out, err := osexec.Command(path, "--version").CombinedOutput()
	if err != nil {
		return "", "", fmt.Errorf("%s --version: %v: %s", path, err, bytes.TrimSpace(out))
	}
	return path, firstLine(string(out)), nil
}

// findPython resolves python3 to the interpreter itself: a pyenv or asdf
// shim is a shell script whose start-up would be charged to CPython.
func findPython(flagPath string) (path, version string, err error) {
	name := flagPath
	if name == "" {
		name = "python3"
	}
	if _, err := osexec.LookPath(name); err != nil {
		return "", "", fmt.Errorf("%s not found: install python3 or pass --python PATH", name)
	}
	out, err := osexec.Command(name, "-I", "-S", "-c", "import sys; print(sys.executable); print(sys.version.split()[0])").Output()
	if err != nil {
		return "", "", fmt.Errorf("%s: %v", name, err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 2 || lines[0] == "" {
		return "", "", fmt.Errorf("%s did not report its executable: %q", name, out)
	}
	return lines[0], "Python " + lines[1] + " (" + lines[0] + ")", nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(l)
}

func runBenchPeers(ctx context.Context, which string, args []string, stdout, stderr io.Writer) int {
	name := "bench " + which
	fs := newFlags(name, "[flags]", benchHelp)
	dir := fs.String("corpora", "../shared/corpora", "`dir` holding humaneval.jsonl and injected-humaneval*.jsonl")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	var detectReps, execReps, maxProgs *int
	var banditPath, pythonPath *string
	if which != "exec" {
		detectReps = fs.Int("detect-reps", 3, "passes of each detector over the directory")
		banditPath = fs.String("bandit", "", "Bandit `binary` (default: bandit on PATH)")
	}
	if which != "detect" {
		execReps = fs.Int("reps", 3, "runs of each program by each way")
		maxProgs = fs.Int("programs", 0, "run only the first `n` HumanEval programs; 0 runs all")
		pythonPath = fs.String("python", "", "CPython `binary` (default: python3 on PATH, shims resolved)")
	}
	var writeDocs *bool
	var docsDir *string
	var parallel *int
	if which == "all" {
		writeDocs = fs.Bool("write-docs", false, "write docs/benchmarks.md and docs/benchmarks-latency.svg")
		docsDir = fs.String("docs", "docs", "`dir` --write-docs writes into")
		parallel = fs.Int("parallel", runtime.NumCPU(), "programs run at once in the corpus section")
	}
	rest, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) != 0 {
		return usageErr(fs, stderr, "unexpected arguments %v", rest)
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "stelp %s: %v\n", name, err)
		return exitUsage
	}
	var p peers
	var err error
	if p.self, err = os.Executable(); err != nil {
		return fail(fmt.Errorf("find the stelp binary: %w", err))
	}
	if banditPath != nil {
		if p.bandit, p.banditVersion, err = findBandit(*banditPath); err != nil {
			return fail(err)
		}
	}
	if pythonPath != nil {
		if p.python, p.pythonVersion, err = findPython(*pythonPath); err != nil {
			return fail(err)
		}
	}
	progs, err := bench.LoadCorpus(*dir, false)
	if err != nil {
		return fail(err)
	}
	tmp, err := os.MkdirTemp("", "stelp-bench-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(tmp)
	files, err := bench.WriteFiles(tmp, progs)
	if err != nil {
		return fail(err)
	}

	all := &bench.AllReport{
		Date:    time.Now().UTC().Format("2006-01-02 15:04 MST"),
		Machine: bench.DescribeMachine(orNone(p.pythonVersion), orNone(p.banditVersion)),
	}
	all.Commands = append(all.Commands, "go build -o stelp ./cmd/stelp",
		"./stelp bench "+which+" "+strings.Join(args, " "))
	if which != "exec" {
		fmt.Fprintf(stderr, "stelp %s: detection over %d files...\n", name, len(files))
		all.Detect, err = bench.RunDetect(ctx, tmp, files, bench.DetectTools{
			InProcess: bench.InProcessFlagger(policy.Default()),
			StelpCLI:  p.stelpCheck,
			Bandit:    p.banditScan,
		}, *detectReps)
		if err != nil {
			return fail(err)
		}
		all.Commands = append(all.Commands, "# per pass, over the directory the corpus programs were written to:",
			"stelp check --format json DIR", "bandit -r DIR -f json")
	}
	if which != "detect" {
		pool, err := exec.NewPool(ctx, exec.PoolOptions{})
		if err != nil {
			return fail(fmt.Errorf("start workers: %w", err))
		}
		pol := policy.Default()
		warm := func(ctx context.Context, src []byte) (string, float64, error) {
			// The options of the server's stelp.execute: gate on, traces
			// on (it shows them as inlay hints).
			res, err := pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: true, Runner: pool, Trace: true})
			if err != nil {
				return "", 0, err
			}
			return string(res.Status), res.Usage.WallMS, nil
		}
		fmt.Fprintf(stderr, "stelp %s: execution, %d runs of each HumanEval program each way...\n", name, *execReps)
		execFiles := files
		if *maxProgs > 0 {
			execFiles = firstSafe(files, *maxProgs)
		}
		tools := bench.ExecTools{OneShot: p.stelpRunOneShot, Python: p.pythonRun, Warm: warm}
		stopDaemon, err := p.startDaemon(ctx, tmp, execFiles)
		if err != nil {
			all.Notes = append(all.Notes, "stelp run on the warm daemon was not measured: "+err.Error())
		} else {
			tools.Daemon = p.stelpRunDaemon
		}
		all.Exec, err = bench.RunExec(ctx, tmp, execFiles, tools, *execReps)
		pool.Close()
		if stopDaemon != nil {
			if serr := stopDaemon(); serr != nil && err == nil {
				err = serr
			}
		}
		if err != nil {
			return fail(err)
		}
		all.Commands = append(all.Commands, "# per HumanEval program FILE, interleaved:",
			"stelp run FILE   # after a warm-up run started the daemon", "stelp run --no-daemon FILE", p.python+" -I -S FILE")
	}
	if which == "all" {
		fmt.Fprintf(stderr, "stelp %s: corpus through the pipeline...\n", name)
		if all.Corpus, err = corpusReport(ctx, *dir, *parallel, true); err != nil {
			return fail(err)
		}
		all.Corpus.Outcomes = nil // per-program detail is `stelp bench corpus --json`
	}
	all.Targets = bench.Targets(all.Detect, all.Exec)
	if writeDocs != nil && *writeDocs {
		if err := writeBenchDocs(all, *docsDir); err != nil {
			return fail(err)
		}
		fmt.Fprintf(stderr, "stelp %s: wrote %s\n", name, filepath.Join(*docsDir, "benchmarks.md"))
	}
	if *asJSON {
		err = writeBenchJSON(stdout, all)
	} else {
		err = all.WriteText(stdout)
	}
	if err != nil {
		return fail(err)
	}
	return exitOK
}

// firstSafe keeps the first n safe programs.
func firstSafe(files []bench.File, n int) []bench.File {
	var out []bench.File
	for _, f := range files {
		if f.Program.Safe && len(out) < n {
			out = append(out, f)
		}
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "not used"
	}
	return s
}

// writeBenchDocs writes the Markdown report and its latency plot.
func writeBenchDocs(all *bench.AllReport, dir string) error {
	const plot = "benchmarks-latency.svg"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	const notes = "benchmarks-profile.md"
	if _, err := os.Stat(filepath.Join(dir, notes)); err == nil {
		all.ProfileNotes = notes
	}
	plotName := ""
	if all.Exec != nil {
		var svg bytes.Buffer
		if err := bench.WriteLatencySVG(&svg, "HumanEval programs: time per program (median of runs)", all.Exec.Series()); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, plot), svg.Bytes(), 0o644); err != nil {
			return err
		}
		plotName = plot
	}
	var md bytes.Buffer
	if err := all.WriteMarkdown(&md, plotName); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "benchmarks.md"), md.Bytes(), 0o644)
}

func runBenchReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench report", "[flags] FILE.json", benchHelp)
	writeDocs := fs.Bool("write-docs", false, "write docs/benchmarks.md and docs/benchmarks-latency.svg")
	docsDir := fs.String("docs", "docs", "`dir` --write-docs writes into")
	rest, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageErr(fs, stderr, "want one FILE.json written by 'stelp bench all --json'")
	}
	all, err := readAllReport(rest[0])
	if err != nil {
		fmt.Fprintf(stderr, "stelp bench report: %v\n", err)
		return exitUsage
	}
	if *writeDocs {
		if err := writeBenchDocs(all, *docsDir); err != nil {
			fmt.Fprintf(stderr, "stelp bench report: %v\n", err)
			return exitUsage
		}
	}
	if err := all.WriteText(stdout); err != nil {
		fmt.Fprintf(stderr, "stelp bench report: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func readAllReport(path string) (*bench.AllReport, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var all bench.AllReport
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&all); err != nil {
		return nil, fmt.Errorf("%s: not a 'stelp bench all --json' report: %w", path, err)
	}
	if all.Detect == nil && all.Exec == nil && all.Corpus == nil {
		return nil, fmt.Errorf("%s: report has no detect, exec or corpus section", path)
	}
	all.Targets = bench.Targets(all.Detect, all.Exec)
	return &all, nil
}

// stelpCheck runs `stelp check --format json DIR` as its own process.
func (p peers) stelpCheck(ctx context.Context, dir string) (map[string]bool, time.Duration, error) {
	out, cpu, err := runTool(ctx, p.self, "check", "--format", "json", dir)
	if err != nil && exitCode(err) != exitFound {
		return nil, 0, err
	}
	flagged, err := bench.ParseStelpCheck(bytes.NewReader(out))
	return flagged, cpu, err
}

// banditScan runs `bandit -r DIR -f json`; Bandit exits 1 when it found
// issues, which is not a failure.
func (p peers) banditScan(ctx context.Context, dir string) (map[string]bool, time.Duration, error) {
	out, cpu, err := runTool(ctx, p.bandit, "-r", dir, "-f", "json")
	if err != nil && exitCode(err) != 1 {
		return nil, 0, err
	}
	b, err := bench.ParseBandit(bytes.NewReader(out))
	if err != nil {
		return nil, 0, err
	}
	if len(b.Errors) > 0 {
		return nil, 0, fmt.Errorf("bandit could not scan %d files, first %s: %s", len(b.Errors), b.Errors[0].Filename, b.Errors[0].Reason)
	}
	return b.Flagged(), cpu, nil
}

// startDaemon points `stelp run` at a daemon in a socket directory of
// the benchmark's own (under dir), starts it with a warm-up run and waits
// until it is warm. stop ends it.
func (p *peers) startDaemon(ctx context.Context, dir string, files []bench.File) (stop func() error, err error) {
	sock := filepath.Join(dir, "daemon")
	if err := os.Mkdir(sock, 0o700); err != nil {
		return nil, err
	}
	cfg := exec.DaemonConfig{Dir: sock, Exe: p.self}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != exec.DaemonEnv && k != exec.DaemonDirEnv {
			p.daemonEnv = append(p.daemonEnv, kv)
		}
	}
	p.daemonEnv = append(p.daemonEnv, exec.DaemonDirEnv+"="+sock)
	stop = func() error {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		return exec.StopDaemon(sctx, cfg)
	}
	var first string
	for _, f := range files {
		if f.Program.Safe && !f.Program.Mutant {
			first = filepath.Join(dir, f.Name)
			break
		}
	}
	if first == "" {
		return stop, errors.New("no program for the warm-up run")
	}
	if _, err := p.stelpRunDaemon(ctx, first); err != nil {
		return stop, fmt.Errorf("warm-up run: %w", err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := exec.PingDaemon(ctx, cfg)
		if err == nil {
			return stop, nil
		}
		if time.Now().After(deadline) {
			return stop, fmt.Errorf("the daemon did not get warm: %w", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stelpRunDaemon is `stelp run FILE` as a fresh process, on the
// benchmark's daemon.
func (p peers) stelpRunDaemon(ctx context.Context, path string) (string, error) {
	return p.stelpRun(ctx, p.daemonEnv, "run", path)
}

// stelpRunOneShot is `stelp run --no-daemon FILE` as a fresh process.
func (p peers) stelpRunOneShot(ctx context.Context, path string) (string, error) {
	return p.stelpRun(ctx, nil, "run", "--no-daemon", path)
}

// stelpRun runs stelp with args in env (nil: this process's) as a fresh
// process; the exit code is the status (DESIGN.md).
func (p peers) stelpRun(ctx context.Context, env []string, args ...string) (string, error) {
	path := args[len(args)-1]
	cmd := osexec.CommandContext(ctx, p.self, args...)
	cmd.Env = env
	err := cmd.Run()
	switch c := exitCode(err); {
	case err == nil:
		return string(exec.StatusOK), nil
	case c >= 1 && c <= 4:
		return []string{"", "error", "blocked", "violation", "limit"}[c], nil
	default:
		return "", fmt.Errorf("stelp run %s: %w", path, err)
	}
}

// pythonRun is a fresh `python3 -I -S FILE`, output discarded.
func (p peers) pythonRun(ctx context.Context, path string) error {
	return osexec.CommandContext(ctx, p.python, "-I", "-S", path).Run()
}

// runTool runs a command and returns its stdout and the CPU time it used;
// a failure carries the end of its stderr.
func runTool(ctx context.Context, name string, args ...string) ([]byte, time.Duration, error) {
	var out, errb bytes.Buffer
	cmd := osexec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var cpu time.Duration
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err != nil {
		tail := strings.TrimSpace(errb.String())
		if len(tail) > 400 {
			tail = "..." + tail[len(tail)-400:]
		}
		return out.Bytes(), cpu, &toolError{cmd: filepath.Base(name) + " " + strings.Join(args, " "), err: err, stderr: tail}
	}
	return out.Bytes(), cpu, nil
}

type toolError struct {
	cmd, stderr string
	err         error
}

func (e *toolError) Error() string { return fmt.Sprintf("%s: %v: %s", e.cmd, e.err, e.stderr) }
func (e *toolError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var ee *osexec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}
