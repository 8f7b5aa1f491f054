package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/sys/unix"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// maxFileBytes is the largest file `stelp check` analyses. Python sources
// are rarely over a few hundred KB; anything this big is generated or data,
// and checking it would stall an editor-save or CI step.
const maxFileBytes = 5 << 20

const checkHelp = `Check Python files for unsafe constructs and print one line per finding:

  path:line:col: SP101 [error] message

PATH may be a file (checked whatever its extension), a directory (walked
for *.py, skipping hidden directories, virtual environments, site-packages,
node_modules and __pycache__) or - for standard input. Each file uses the
.stelp.yaml nearest to it (up to the repository root), unless --config is
given. Lines and columns are 1-based.

Files that cannot be checked (missing, unreadable, larger than 5 MB, binary,
not UTF-8) are reported on stderr and the rest are still checked.

Exit status: 0 no error-severity finding (or --exit-zero); 1 at least one; 2 usage error,
invalid config, or some input could not be checked (this wins over 1, so a
CI gate never passes on a partial check).`

// resolveRule lets the policy loader reject unknown rule IDs without the
// policy package importing analysis.
func resolveRule(idOrName string) (string, bool) {
	if r := analysis.RuleByID(idOrName); r != nil {
		return r.ID, true
	}
	return "", false
}

// newLoader is a config loader that knows the rule registry, so unknown
// rules in .stelp.yaml are errors with a "did you mean" hint.
func newLoader() *policy.Loader {
	var names []string
	for _, r := range analysis.Registry() {
		names = append(names, r.ID, r.Name)
	}
	return &policy.Loader{Rules: resolveRule, RuleNames: names}
}

// checkInput is one file to check, in the order results are printed.
type checkInput struct {
	path  string // as shown in output: as given, or as found by the walk
	abs   string // path made absolute once (filepath.Abs asks the OS for the working directory every call)
	stdin bool

	// Filled by the check.
	src      []byte
	findings []analysis.Finding
	problem  string // why the file was not checked; "" if it was
}

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[flags] PATH...", checkHelp)
	format := newChoice("text", "text", "json", "sarif")
	fs.Var(format, "format", "output `format`: text, json (the DESIGN.md contract) or sarif (SARIF 2.1.0)")
	configPath := fs.String("config", "", "use this config `file` for every input instead of discovering .stelp.yaml")
	stdinName := fs.String("stdin-filename", "", "`path` to report for - (stdin), also used to find its config and path overrides")
	outPath := fs.String("output", "", "write the report to `file` instead of stdout (e.g. results.sarif for code scanning)")
	fs.StringVar(outPath, "o", "", "short for --output `file`")
	exitZero := fs.Bool("exit-zero", false, "exit 0 even when error-severity findings are reported (usage and input errors still exit 2)")
	paths, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		return usageErr(fs, stderr, "no paths given; pass files, directories or - for stdin")
	}
	if n := count(paths, "-"); n > 1 {
		return usageErr(fs, stderr, "- (stdin) given %d times", n)
	}
	if *stdinName != "" && count(paths, "-") == 0 {
		return usageErr(fs, stderr, "--stdin-filename needs - among the paths")
	}

	c := &checker{newAnalyzer: parserAnalyzer(format.val == "sarif"), loader: newLoader(), stdin: stdin, stdinName: *stdinName, found: map[string]findResult{}, configErrs: map[string]bool{}}
	if *configPath != "" {
		cfg, err := c.loader.Load(ctx, *configPath)
		if err != nil {
			fmt.Fprintf(stderr, "stelp check: invalid config:\n%v\n", err)
			return exitUsage
		}
		c.fixed = cfg
	}

	inputs := collect(paths, *stdinName)
	if os.Getenv("GOGC") == "" {
		// A check lives for a moment and keeps every result to the end:
		// collecting less often is cheaper (about 7% of a corpus check).
		debug.SetGCPercent(400)
	}
	c.checkAll(ctx, inputs)
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "stelp check: interrupted")
		return exitUsage
	}

	var checked, skipped []*checkInput
	for _, in := range inputs {
		if in.problem != "" {
			fmt.Fprintf(stderr, "stelp check: %s: %s\n", in.path, in.problem)
			skipped = append(skipped, in)
			continue
		}
		checked = append(checked, in)
	}
	for _, err := range c.configErrList {
		fmt.Fprintf(stderr, "stelp check: invalid config:\n%v\n", err)
	}

	if len(inputs) == 0 {
		// Exit 0 is right (nothing unsafe), but a directory without
		// sources, or with only skipped folders, deserves a word.
		fmt.Fprintln(stderr, "stelp check: warning: no Python files found under the given paths")
	}

	dst := stdout
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			fmt.Fprintf(stderr, "stelp check: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		dst = f
	}
	out := bufio.NewWriter(dst)
	var err error
	switch format.val {
	case "json":
		err = writeJSON(out, checked)
	case "sarif":
		err = writeSARIF(out, checked, skipped, c.configErrList)
	default:
		writeText(out, checked, len(skipped))
	}
	if err == nil {
		err = out.Flush()
	}
	if f, ok := dst.(*os.File); ok && err == nil && *outPath != "" {
		err = f.Close() // a full disk shows up here, not at Write
	}
	if err != nil {
		fmt.Fprintf(stderr, "stelp check: write output: %v\n", err)
		return exitUsage
	}

	switch {
	case len(skipped) > 0:
		return exitUsage
	case countSeverity(checked)[policy.SeverityError] > 0 && !*exitZero:
		return exitFound
	}
	return exitOK
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// collect expands the PATH arguments into files, in argument order and
// lexical order within directories. Paths that cannot be read become
// inputs with a problem, so they are reported in order with the rest.
func collect(paths []string, stdinName string) []*checkInput {
	var inputs []*checkInput
	for _, p := range paths {
		if p == "-" {
			name := stdinName
			if name == "" {
				name = "-"
			}
			inputs = append(inputs, &checkInput{path: name, stdin: true})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			inputs = append(inputs, &checkInput{path: p, problem: describeErr(err)})
			continue
		}
		if !st.IsDir() {
			inputs = append(inputs, &checkInput{path: p})
			continue
		}
		inputs = append(inputs, walk(p)...)
	}
	return dedupe(inputs)
}

// dedupe drops later mentions of a file already listed (`check . a.py`,
// `check src src/x.py`), so each file is checked and counted once.
func dedupe(inputs []*checkInput) []*checkInput {
	seen := map[string]bool{}
	out := inputs[:0]
	cwd, cwdErr := os.Getwd()
	for _, in := range inputs {
		key := in.path
		if !in.stdin {
			switch {
			case filepath.IsAbs(in.path):
				in.abs = filepath.Clean(in.path)
			case cwdErr == nil:
				in.abs = filepath.Join(cwd, in.path)
			}
			if in.abs != "" {
				key = in.abs
			}
		} else {
			key = "\x00stdin" // never equal to a file's path
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, in)
	}
	return out
}

// skippedDirs are directory names that hold other people's code or build
// output rather than the project's sources.
var skippedDirs = map[string]bool{
	"venv": true, "site-packages": true, "dist-packages": true,
	"node_modules": true, "__pycache__": true,
}

func skipDir(path, name string) bool {
	if strings.HasPrefix(name, ".") || skippedDirs[name] {
		return true
	}
	// A virtual environment under any name (env/, py311/, ...) has this.
	_, err := os.Stat(filepath.Join(path, "pyvenv.cfg"))
	return err == nil
}

func walk(root string) []*checkInput {
	var inputs []*checkInput
	// WalkDir does not follow symlinked directories, which keeps a link
	// loop from walking forever; symlinked files are checked.
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			inputs = append(inputs, &checkInput{path: p, problem: describeErr(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != root && skipDir(p, d.Name()) {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".py") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				inputs = append(inputs, &checkInput{path: p, problem: describeErr(err)})
				return nil
			}
			if !st.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil // sockets, fifos: reading one could block forever
		}
		inputs = append(inputs, &checkInput{path: p})
		return nil
	})
	return inputs
}

// describeErr turns an os error into "no such file or directory" style
// text; the path is printed by the caller.
func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file or directory"
	}
	if errors.Is(err, fs.ErrPermission) {
		return "permission denied"
	}
	return err.Error()
}

// analyzeFunc checks one source; an error means it could not be analysed.
type analyzeFunc func(ctx context.Context, src []byte, pol *policy.Policy) ([]analysis.Finding, error)

// parserAnalyzer gives one worker goroutine its own tree-sitter parser,
// reused across that worker's files (a parser is not safe for concurrent
// use, and building one per file costs about a tenth of the check).
// Fixes are attached so the reports can say which findings `stelp fix`
// would rewrite: with their validated edits when the report carries them
// (SARIF), as title and label only otherwise (no validation re-parse).
func parserAnalyzer(edits bool) func() (analyzeFunc, func()) {
	return func() (analyzeFunc, func()) {
		p := analysis.NewParser()
		return func(ctx context.Context, src []byte, pol *policy.Policy) ([]analysis.Finding, error) {
			// The fast parser when it can, tree-sitter when it bails; p
			// validates the SARIF fixes.
			// src is the checker's, unchanged to the end: no copy.
			t, err := analysis.ParseSourceShared(ctx, src)
			if err != nil {
				return nil, err
			}
			defer t.Close()
			if edits {
				return fix.AttachTree(ctx, p, t, analysis.CheckTree(ctx, t, pol)), nil
			}
			return fix.AttachSummaries(ctx, t, analysis.CheckTree(ctx, t, pol)), nil
		}, p.Close
	}
}

type checker struct {
	newAnalyzer func() (analyzeFunc, func()) // one per worker goroutine
	loader      *policy.Loader
	fixed       *policy.Config // from --config; nil = discover per file
	stdin       io.Reader
	stdinName   string

	// defaults is the policy of files without a config, made once and
	// shared: the checks only read it.
	defaultsOnce sync.Once
	defaults     *policy.Policy

	mu            sync.Mutex
	found         map[string]findResult // directory -> config discovered for it
	configErrs    map[string]bool
	configErrList []error
}

// checkAll checks the inputs on all CPUs; results stay in input order.
func (c *checker) checkAll(ctx context.Context, inputs []*checkInput) {
	work := make(chan *checkInput)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(inputs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			analyze, done := c.newAnalyzer()
			defer done()
			for in := range work {
				c.checkOne(ctx, analyze, in)
			}
		}()
	}
	for _, in := range inputs {
		if in.problem != "" {
			continue
		}
		if ctx.Err() != nil {
			in.problem = "not checked: interrupted"
			continue
		}
		work <- in
	}
	close(work)
	wg.Wait()
}

func (c *checker) checkOne(ctx context.Context, analyze analyzeFunc, in *checkInput) {
	// A bug that panics on one file must not lose the results of the
	// others; the file is reported as not checked (exit 2).
	defer func() {
		if r := recover(); r != nil {
			in.findings = nil
			in.problem = fmt.Sprintf("internal error, not checked (please report): %v", r)
		}
	}()
	src, problem := c.read(in)
	if problem != "" {
		in.problem = problem
		return
	}
	pol, err := c.policyFor(ctx, in)
	if err != nil {
		c.mu.Lock()
		if msg := err.Error(); !c.configErrs[msg] {
			c.configErrs[msg] = true
			c.configErrList = append(c.configErrList, err)
		}
		c.mu.Unlock()
		in.problem = "not checked: its config is invalid (see below)"
		return
	}
	findings, err := analyze(ctx, src, pol)
	if err != nil {
		in.problem = "could not analyse: " + err.Error()
		return
	}
	in.src, in.findings = src, findings
	sort.SliceStable(in.findings, func(i, j int) bool {
		a, b := in.findings[i].Range.Start, in.findings[j].Range.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// read loads one input and refuses what is not Python source text.
func (c *checker) read(in *checkInput) ([]byte, string) {
	var r io.Reader = c.stdin
	if !in.stdin {
		// Bare system calls rather than an os.File, which costs a poller
		// registration, a finalizer and locking: about a tenth of
		// checking a short file.
		fd, err := openRead(in.path)
		if err != nil {
			return nil, describeErr(err)
		}
		var st unix.Stat_t
		if err := unix.Fstat(fd, &st); err != nil {
			unix.Close(fd)
			return nil, describeErr(err)
		}
		switch {
		case st.Mode&unix.S_IFMT == unix.S_IFDIR:
			unix.Close(fd)
			return nil, "is a directory"
		case st.Size > maxFileBytes:
			unix.Close(fd)
			return nil, fmt.Sprintf("skipped: %d bytes is over the %d MB limit", st.Size, maxFileBytes>>20)
		case st.Mode&unix.S_IFMT == unix.S_IFREG:
			defer unix.Close(fd)
			// One read of the size stat gave (plus a byte to notice growth)
			// instead of io.ReadAll's doubling from 512 bytes.
			return checkSource(readSized(fdReader(fd), st.Size))
		}
		// A FIFO or device: read to its end.
		f := os.NewFile(uintptr(fd), in.path)
		defer f.Close()
		r = f
	}
	return checkSource(io.ReadAll(io.LimitReader(r, maxFileBytes+1)))
}

// openRead opens path for reading, as os.Open does (a FIFO's open waits
// for a writer).
func openRead(path string) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			if err != nil {
				return -1, &fs.PathError{Op: "open", Path: path, Err: err}
			}
			return fd, nil
		}
	}
}

// fdReader reads a file descriptor.
type fdReader int

func (fd fdReader) Read(p []byte) (int, error) {
	for {
		n, err := unix.Read(int(fd), p)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// readSized reads a regular file expected to hold size bytes, in one read
// when it does (a regular file hands over all it has); one that grew
// meanwhile is read to the end (up to the limit) all the same.
func readSized(f io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, size+1)
	n, err := f.Read(buf)
	if err == nil && int64(n) < size {
		var m int
		m, err = io.ReadFull(f, buf[n:])
		n += m
	}
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return buf[:n], nil
	case err != nil:
		return nil, err
	case int64(n) <= size:
		return buf[:n], nil
	}
	rest, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1-int64(n)))
	return append(buf[:n], rest...), err
}

// checkSource refuses what is not Python source text.
func checkSource(src []byte, err error) ([]byte, string) {
	if err != nil {
		return nil, describeErr(err)
	}
	if len(src) > maxFileBytes {
		return nil, fmt.Sprintf("skipped: over the %d MB limit", maxFileBytes>>20)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return nil, fmt.Sprintf("skipped: binary file (NUL byte at line %d, column %d)", line, col)
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		line, col := lineCol(src, i)
		return nil, fmt.Sprintf("skipped: not valid UTF-8 (byte 0x%02x at line %d, column %d); stelp checks UTF-8 source only", src[i], line, col)
	}
	return src, ""
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineCol gives the 1-based line and 1-based byte column of offset i.
func lineCol(src []byte, i int) (int, int) {
	line := 1 + bytes.Count(src[:i], []byte{'\n'})
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	return line, i - start + 1
}

// defaultPolicy is the policy of inputs without a config.
func (c *checker) defaultPolicy() *policy.Policy {
	c.defaultsOnce.Do(func() { c.defaults = policy.Default() })
	return c.defaults
}

// policyFor finds the policy of one input: --config if given, else the
// nearest .stelp.yaml. Stdin without --stdin-filename uses the config of
// the working directory without path overrides (it has no path).
func (c *checker) policyFor(ctx context.Context, in *checkInput) (*policy.Policy, error) {
	name := in.path
	if in.stdin && c.stdinName == "" {
		name = ""
	}
	if c.fixed != nil {
		return c.fixed.For(name), nil
	}
	if name == "" {
		path, ok := policy.Find(".")
		if !ok {
			return c.defaultPolicy(), nil
		}
		cfg, err := c.loader.Load(ctx, path)
		if err != nil {
			return nil, err
		}
		return cfg.Base(), nil
	}
	abs := in.abs
	if abs == "" || name != in.path {
		var err error
		if abs, err = filepath.Abs(name); err != nil {
			return nil, err
		}
	}
	path, ok := c.find(filepath.Dir(abs))
	if !ok {
		return c.defaultPolicy(), nil
	}
	cfg, err := c.loader.Load(ctx, path)
	if err != nil {
		return nil, err
	}
	return cfg.For(abs), nil
}

// find is policy.Find remembered per directory for this run: files in one
// folder share the answer, and stat calls are what discovery costs.
func (c *checker) find(dir string) (string, bool) {
	c.mu.Lock()
	r, ok := c.found[dir]
	c.mu.Unlock()
	if ok {
		return r.path, r.ok
	}
	path, found := policy.Find(dir)
	c.mu.Lock()
	c.found[dir] = findResult{path, found}
	c.mu.Unlock()
	return path, found
}

type findResult struct {
	path string
	ok   bool
}

func countSeverity(files []*checkInput) map[policy.Severity]int {
	n := map[policy.Severity]int{}
	for _, f := range files {
		for _, fd := range f.findings {
			n[fd.Severity]++
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func writeText(w io.Writer, files []*checkInput, problems int) {
	total, safeFixes, unsafeFixes, withFindings := 0, 0, 0, 0
	for _, f := range files {
		if len(f.findings) > 0 {
			withFindings++
		}
		for _, fd := range f.findings {
			cf := fd.Contract(f.src)
			msg := strings.Join(strings.Fields(cf.Message), " ")
			fmt.Fprintf(w, "%s:%d:%d: %s [%s] %s\n", f.path, cf.Line, cf.Column, cf.Rule, cf.Severity, msg)
			total++
			switch {
			case fd.Fix == nil:
			case fd.Fix.Applicability == analysis.FixSafe:
				safeFixes++
			default:
				unsafeFixes++
			}
		}
	}
	var summary string
	if total == 0 {
		summary = fmt.Sprintf("All checks passed (%s checked).", plural(len(files), "file"))
	} else {
		n := countSeverity(files)
		summary = fmt.Sprintf("Found %s in %d of %s: %s, %s, %s.",
			plural(total, "problem"), withFindings, plural(len(files), "file"),
			plural(n[policy.SeverityError], "error"), plural(n[policy.SeverityWarning], "warning"), plural(n[policy.SeverityInfo], "info"))
		if safeFixes > 0 {
			summary += fmt.Sprintf(" %d fixable with `stelp fix`.", safeFixes)
		}
		if unsafeFixes > 0 {
			summary += fmt.Sprintf(" %d with a fix that changes behaviour (`stelp fix --unsafe-fixes`).", unsafeFixes)
		}
	}
	if problems > 0 {
		summary += fmt.Sprintf(" %s could not be checked.", plural(problems, "input"))
	}
	fmt.Fprintln(w, summary)
}

// JSON output: exactly the DESIGN.md contract.
type jsonReport struct {
	Files   []jsonFile  `json:"files"`
	Summary jsonSummary `json:"summary"`
}

type jsonFile struct {
	Path     string                     `json:"path"`
	Findings []analysis.ContractFinding `json:"findings"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

func writeJSON(w io.Writer, files []*checkInput) error {
	rep := jsonReport{Files: []jsonFile{}}
	for _, f := range files {
		jf := jsonFile{Path: f.path, Findings: []analysis.ContractFinding{}}
		for _, fd := range f.findings {
			jf.Findings = append(jf.Findings, fd.Contract(f.src))
		}
		rep.Files = append(rep.Files, jf)
	}
	n := countSeverity(files)
	rep.Summary = jsonSummary{
		Files: len(files), Errors: n[policy.SeverityError],
		Warnings: n[policy.SeverityWarning], Infos: n[policy.SeverityInfo],
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
