package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

// evalSrc is flagged by SP101 (eval-call, error by default) at 1:5;
// cleanSrc is flagged by nothing.
const (
	evalSrc  = "x = eval(s)\n"
	cleanSrc = "print(1 + 2)\n"
)

// checkJSON runs `stelp check --format json` and decodes the report.
func checkJSON(t *testing.T, stdin string, args ...string) (int, jsonReport, string) {
	t.Helper()
	code, out, errs := stelp(t, stdin, append([]string{"check", "--format", "json"}, args...)...)
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stdout is not the JSON report: %v\n%s\nstderr: %s", err, out, errs)
	}
	return code, rep, errs
}

// severities maps each reported file to the severities of its findings.
func severities(rep jsonReport) map[string][]string {
	m := map[string][]string{}
	for _, f := range rep.Files {
		s := []string{}
		for _, fd := range f.Findings {
			s = append(s, fd.Rule+":"+fd.Severity)
		}
		m[f.Path] = s
	}
	return m
}

func TestCheckText(t *testing.T) {
	root := project(t, map[string]string{"bad.py": evalSrc, "good.py": cleanSrc})
	bad, good := filepath.Join(root, "bad.py"), filepath.Join(root, "good.py")

	code, out, errs := stelp(t, "", "check", bad, good)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d (want 1), stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	line := regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:1:5: SP101 \[error\] \S.*$`)
	if len(lines) != 2 || !line.MatchString(lines[0]) {
		t.Fatalf("want one finding line like %s and a summary, got:\n%s", line, out)
	}
	if want := "Found 1 problem in 1 of 2 files: 1 error, 0 warnings, 0 infos."; !strings.HasPrefix(lines[1], want) {
		t.Errorf("summary %q, want prefix %q", lines[1], want)
	}

	code, out, errs = stelp(t, "", "check", good)
	if code != 0 || out != "All checks passed (1 file checked).\n" || errs != "" {
		t.Errorf("clean file: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	// Flags may follow paths.
	if code, out, _ := stelp(t, "", "check", bad, "--format", "json"); code != 1 || !strings.HasPrefix(out, `{"files":`) {
		t.Errorf("interspersed flag: exit %d, %q", code, out)
	}
	// --exit-zero reports the same findings but does not fail the caller;
	// input problems still do.
	if code, out, _ := stelp(t, "", "check", "--exit-zero", bad); code != 0 || !line.MatchString(strings.Split(out, "\n")[0]) {
		t.Errorf("--exit-zero: exit %d (want 0), %q", code, out)
	}
	if code, _, _ := stelp(t, "", "check", "--exit-zero", bad, filepath.Join(root, "missing.py")); code != 2 {
		t.Errorf("--exit-zero with a missing file: exit %d, want 2", code)
	}
}

// TestCheckJSONContract holds the output to DESIGN.md's shape key by key:
// other programs parse it.
func TestCheckJSONContract(t *testing.T) {
	root := project(t, map[string]string{"bad.py": "import math\n" + evalSrc, "good.py": cleanSrc})
	bad, good := filepath.Join(root, "bad.py"), filepath.Join(root, "good.py")
	code, out, _ := stelp(t, "", "check", "--format", "json", bad, good)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string {
		var ks []string
		for k := range m.(map[string]any) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return ks
	}
	if got := keys(raw); !slices.Equal(got, []string{"files", "summary"}) {
		t.Errorf("top-level keys %v", got)
	}
	if got := keys(raw["summary"]); !slices.Equal(got, []string{"errors", "files", "infos", "warnings"}) {
		t.Errorf("summary keys %v", got)
	}
	files := raw["files"].([]any)
	if len(files) != 2 {
		t.Fatalf("want both checked files listed, got %d", len(files))
	}
	for _, f := range files {
		if got := keys(f); !slices.Equal(got, []string{"findings", "path"}) {
			t.Errorf("file keys %v", got)
		}
	}
	if fs := files[1].(map[string]any)["findings"]; fs == nil || len(fs.([]any)) != 0 {
		t.Errorf("a clean file has findings [] (not null), got %v", fs)
	}
	finding := files[0].(map[string]any)["findings"].([]any)[0].(map[string]any)
	want := []string{"category", "column", "cwe", "end_column", "end_line", "line", "message", "name", "rule", "severity"}
	got := keys(finding)
	if _, ok := finding["fix"]; ok {
		want = append(want, "fix")
		sort.Strings(want)
		if fk := keys(finding["fix"]); !slices.Equal(fk, []string{"safe", "title"}) {
			t.Errorf("fix keys %v", fk)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("finding keys %v, want %v", got, want)
	}
	rule := analysis.RuleByID("SP101")
	for k, v := range map[string]any{
		"rule": "SP101", "name": rule.Name, "severity": "error", "cwe": float64(rule.CWE),
		"category": string(rule.Category), "line": float64(2), "column": float64(5),
		"end_line": float64(2), "end_column": float64(12),
	} {
		if finding[k] != v {
			t.Errorf("finding[%q] = %v, want %v", k, finding[k], v)
		}
	}
	if s := raw["summary"].(map[string]any); s["files"] != float64(2) || s["errors"] != float64(1) || s["warnings"] != float64(0) || s["infos"] != float64(0) {
		t.Errorf("summary %v", s)
	}
	if raw["files"].([]any)[0].(map[string]any)["path"] != bad {
		t.Errorf("path %v, want %s", raw["files"].([]any)[0].(map[string]any)["path"], bad)
	}
}

func TestCheckStdin(t *testing.T) {
	root := project(t, map[string]string{
		".stelp.yaml": "rules: {SP102: warning}\npaths:\n  legacy:\n    rules: {SP101: info}\n",
	})
	// Plain - uses the working directory's config without path overrides
	// (stdin has no path for them to match).
	t.Chdir(root)
	code, rep, errs := checkJSON(t, evalSrc+"exec(s)\n", "-")
	if code != 1 || errs != "" || len(rep.Files) != 1 || rep.Files[0].Path != "-" ||
		!slices.Equal(severities(rep)["-"], []string{"SP101:error", "SP102:warning"}) {
		t.Errorf("stdin: exit %d, %+v, stderr %q", code, severities(rep), errs)
	}
	// --stdin-filename names the input and picks its config and overrides.
	name := filepath.Join(root, "legacy", "x.py")
	code, rep, errs = checkJSON(t, evalSrc, "--stdin-filename", name, "-")
	if code != 0 || errs != "" || !slices.Equal(severities(rep)[name], []string{"SP101:info"}) {
		t.Errorf("stdin as legacy/x.py: exit %d, %v, stderr %q", code, severities(rep), errs)
	}
	if code, _, errs := stelp(t, "", "check", "-", "-"); code != 2 || !strings.Contains(errs, "given 2 times") {
		t.Errorf("two stdins: exit %d, %q", code, errs)
	}
	if code, _, errs := stelp(t, "", "check", "--stdin-filename", "a.py", "b.py"); code != 2 || !strings.Contains(errs, "needs -") {
		t.Errorf("--stdin-filename without -: exit %d, %q", code, errs)
	}
}

func TestCheckWalkSkips(t *testing.T) {
	root := project(t, map[string]string{
		"top.py":                       evalSrc,
		"src/pkg/mod.py":               evalSrc,
		"src/pkg/data.txt":             evalSrc, // not *.py
		"src/pkg/script":               evalSrc, // not *.py
		".hidden/a.py":                 evalSrc,
		"src/.tox/b.py":                evalSrc,
		"venv/lib/c.py":                evalSrc,
		".venv/lib/d.py":               evalSrc,
		"env/pyvenv.cfg":               "home = /usr/bin\n",
		"env/lib/e.py":                 evalSrc,
		"myenv/pyvenv.cfg":             "home = /usr/bin\n",
		"myenv/f.py":                   evalSrc,
		"lib/site-packages/g.py":       evalSrc,
		"web/node_modules/h.py":        evalSrc,
		"src/__pycache__/i.py":         evalSrc,
		"environment/j.py":             evalSrc, // env-like name without pyvenv.cfg: checked
		"src/pkg/sub/k.py":             cleanSrc,
		"src/pkg/sub/deeper/more/l.py": cleanSrc,
	})
	code, rep, _ := checkJSON(t, "", root)
	var got []string
	for _, f := range rep.Files {
		rel, _ := filepath.Rel(root, f.Path)
		got = append(got, filepath.ToSlash(rel))
	}
	want := []string{"environment/j.py", "src/pkg/mod.py", "src/pkg/sub/deeper/more/l.py", "src/pkg/sub/k.py", "top.py"}
	if code != 1 || !slices.Equal(got, want) {
		t.Errorf("exit %d, checked %v, want %v", code, got, want)
	}
	// A hidden directory named explicitly is walked: skipping is for
	// discovery, not for what the user asked for.
	_, rep, _ = checkJSON(t, "", filepath.Join(root, ".hidden"))
	if len(rep.Files) != 1 || filepath.Base(rep.Files[0].Path) != "a.py" {
		t.Errorf("explicit hidden dir: %+v", rep.Files)
	}
	// A file named explicitly is checked whatever its extension.
	_, rep, _ = checkJSON(t, "", filepath.Join(root, "src/pkg/script"))
	if rep.Summary.Files != 1 || rep.Summary.Errors != 1 {
		t.Errorf("explicit non-.py file: %+v", rep.Summary)
	}
}

func TestCheckConfigPerFile(t *testing.T) {
	root := project(t, map[string]string{
		".stelp.yaml":          "rules: {eval-call: warning}\npaths:\n  \"legacy/**\":\n    rules: {SP101: info}\n",
		"a.py":                 evalSrc,
		"legacy/old.py":        evalSrc,
		"strict/.stelp.yaml":   "extends: ../.stelp.yaml\nrules: {SP101: error}\n",
		"strict/b.py":          evalSrc,
		"quiet/.stelp.yaml":    "rules: {SP101: off}\n",
		"quiet/c.py":           evalSrc,
		"other/override.yaml":  "rules: {SP101: info}\n",
		"strict/legacy/old.py": evalSrc,
	})
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	code, rep, errs := checkJSON(t, "", root)
	want := map[string][]string{
		p("a.py"):          {"SP101:warning"},
		p("legacy/old.py"): {"SP101:info"},
		p("quiet/c.py"):    {},
		p("strict/b.py"):   {"SP101:error"},
		// Globs, even those from an extended file, are relative to the
		// discovered config (strict/), and path overrides beat top-level rules.
		p("strict/legacy/old.py"): {"SP101:info"},
	}
	if got := severities(rep); code != 1 || errs != "" || !mapsEqual(got, want) {
		t.Errorf("exit %d, stderr %q\n got %v\nwant %v", code, errs, got, want)
	}
	if rep.Summary != (jsonSummary{Files: 5, Errors: 1, Warnings: 1, Infos: 2}) {
		t.Errorf("summary %+v", rep.Summary)
	}
	// --config replaces discovery for every file.
	code, rep, _ = checkJSON(t, "", "--config", p("other/override.yaml"), p("strict/b.py"), p("quiet/c.py"))
	if got := severities(rep); code != 0 || !slices.Equal(got[p("strict/b.py")], []string{"SP101:info"}) || !slices.Equal(got[p("quiet/c.py")], []string{"SP101:info"}) {
		t.Errorf("--config: exit %d, %v", code, got)
	}
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || !slices.Equal(v, w) {
			return false
		}
	}
	return true
}

func TestCheckBadConfig(t *testing.T) {
	root := project(t, map[string]string{
		"ok.py":                 evalSrc,
		"broken/.stelp.yaml":    "rules:\n  SP101: loud\n  SP4242: off\n",
		"broken/a.py":           evalSrc,
		"broken/b.py":           cleanSrc,
		"broken2/.stelp.yaml":   "limits: {memory: 12}\nrules: {eval_call: off}\n",
		"broken2/c.py":          cleanSrc,
		"unused/.stelp.yaml":    "not: [valid\n", // never loaded: nothing below it is checked
		"unused/readme.txt":     "",
		"standalone/cfg.yaml":   "files: maybe\n",
		"standalone/checked.py": cleanSrc,
	})
	code, out, errs := stelp(t, "", "check", root)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	// The good file is still checked and reported.
	if !strings.Contains(out, filepath.Join(root, "ok.py")+":1:5: SP101 [error]") {
		t.Errorf("ok.py not reported:\n%s", out)
	}
	cfg := filepath.Join(root, "broken", ".stelp.yaml")
	for _, want := range []string{
		cfg + ":2:10: rules.SP101: severity \"loud\"",
		cfg + ":3:3: rules.SP4242: unknown rule",
		filepath.Join(root, "broken2", ".stelp.yaml") + ":1:18: limits.memory:",
		filepath.Join(root, "broken2", ".stelp.yaml") + `:2:9: rules.eval_call: unknown rule "eval_call" (did you mean "eval-call"?)`,
		filepath.Join(root, "broken", "a.py") + ": not checked",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := strings.Count(errs, "rules.SP101"); n != 1 {
		t.Errorf("the broken config is reported %d times, want once:\n%s", n, errs)
	}
	if strings.Contains(errs, "unused") {
		t.Errorf("a config no checked file uses was reported:\n%s", errs)
	}
	code, out, errs = stelp(t, "", "check", "--config", filepath.Join(root, "standalone", "cfg.yaml"), filepath.Join(root, "standalone", "checked.py"))
	if code != 2 || out != "" || !strings.Contains(errs, "cfg.yaml:1:8: files: want true or false") {
		t.Errorf("bad --config: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, _, errs := stelp(t, "", "check", "--config", filepath.Join(root, "nope.yaml"), filepath.Join(root, "ok.py")); code != 2 || !strings.Contains(errs, "nope.yaml") {
		t.Errorf("missing --config: exit %d, %q", code, errs)
	}
}

func TestCheckBadInput(t *testing.T) {
	root := project(t, map[string]string{
		"good.py":    cleanSrc,
		"bad.py":     evalSrc,
		"binary.py":  "x = 1\ny = '\x00'\n",
		"latin1.py":  "# caf\xe9\nx = 1\n",
		"huge.py":    "",
		"dir.py/a":   "", // a directory named like a source file
		"deep.py":    strings.Repeat("(", 5000) + strings.Repeat(")", 5000) + "\n",
		"crlf.py":    "x = 1\r\ny = eval(s)\r\n",
		"bom.py":     "\ufeffprint(1)\n",
		"empty.py":   "",
		"nonl.py":    "x = 1",
		"unicode.py": "s = 'ｅｖａｌ'\n",
	})
	// 5 MB + 1 byte of valid Python.
	line := "x = 1\n"
	if err := os.WriteFile(filepath.Join(root, "huge.py"), []byte(strings.Repeat(line, (maxFileBytes/len(line))+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "gone.py"), filepath.Join(root, "dangling.py")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := stelp(t, "", "check", filepath.Join(root, "missing.py"), root)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{
		"missing.py: no such file or directory",
		"dangling.py: no such file or directory",
		"binary.py: skipped: binary file (NUL byte at line 2, column 6)",
		"latin1.py: skipped: not valid UTF-8 (byte 0xe9 at line 1, column 6)",
		"huge.py: skipped: ",
		"over the 5 MB limit",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	// Everything else was still checked.
	if !strings.Contains(out, filepath.Join(root, "bad.py")+":1:5: SP101") || !strings.Contains(out, filepath.Join(root, "crlf.py")+":2:5: SP101") {
		t.Errorf("the readable files were not all checked:\n%s", out)
	}
	if !strings.Contains(out, "5 inputs could not be checked") {
		t.Errorf("summary does not count the inputs that were not checked:\n%s", out)
	}
	if strings.Contains(errs, "dir.py") {
		t.Errorf("a directory named *.py is walked, not read as a file:\n%s", errs)
	}
	// Without any bad input the same good files exit on their findings.
	if code, _, _ := stelp(t, "", "check", filepath.Join(root, "good.py"), filepath.Join(root, "deep.py"), filepath.Join(root, "empty.py"), filepath.Join(root, "nonl.py"), filepath.Join(root, "bom.py")); code != 0 {
		t.Errorf("clean files: exit %d", code)
	}
	// Stdin gets the same limits.
	code, _, errs = stelp(t, "x\x00", "check", "-")
	if code != 2 || !strings.Contains(errs, "-: skipped: binary file") {
		t.Errorf("binary stdin: exit %d, %q", code, errs)
	}
}

func TestCheckUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		errs string
	}{
		{[]string{"check"}, "no paths given"},
		{[]string{"check", "--format", "xml", "a.py"}, `"xml" is not one of text, json, sarif`},
		{[]string{"check", "--config"}, "flag needs an argument"},
	} {
		code, out, errs := stelp(t, "", tc.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tc.errs) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errs, tc.errs)
		}
	}
}

func TestCheckNoFiles(t *testing.T) {
	root := project(t, map[string]string{"README.md": "eval(x)\n", ".venv/a.py": evalSrc})
	code, out, errs := stelp(t, "", "check", root)
	if code != 0 || out != "All checks passed (0 files checked).\n" || !strings.Contains(errs, "no Python files found") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

// A panic while analysing one file costs only that file.
func TestCheckRecoversPanic(t *testing.T) {
	root := project(t, map[string]string{"a.py": evalSrc, "boom.py": "boom\n", "c.py": cleanSrc})
	c := &checker{
		newAnalyzer: func() (analyzeFunc, func()) {
			return func(ctx context.Context, src []byte, pol *policy.Policy) ([]analysis.Finding, error) {
				if string(src) == "boom\n" {
					panic("index out of range")
				}
				return analysis.Check(ctx, src, pol), nil
			}, func() {}
		},
		loader: newLoader(), found: map[string]findResult{}, configErrs: map[string]bool{},
	}
	inputs := collect([]string{root}, "")
	c.checkAll(context.Background(), inputs)
	var got []string
	for _, in := range inputs {
		got = append(got, filepath.Base(in.path)+":"+strconv.Itoa(len(in.findings))+":"+in.problem)
	}
	want := []string{"a.py:1:", "boom.py:0:internal error, not checked (please report): index out of range", "c.py:0:"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCheckDedupes(t *testing.T) {
	root := project(t, map[string]string{"a.py": evalSrc, "sub/b.py": evalSrc})
	a := filepath.Join(root, "a.py")
	_, rep, _ := checkJSON(t, "", a, root, filepath.Join(root, "sub", "b.py"), filepath.Join(root, "sub", "..", "a.py"))
	var got []string
	for _, f := range rep.Files {
		got = append(got, f.Path)
	}
	want := []string{a, filepath.Join(root, "sub", "b.py")}
	if !slices.Equal(got, want) || rep.Summary.Errors != 2 {
		t.Errorf("checked %v (%+v), want each file once: %v", got, rep.Summary, want)
	}
}

func TestCheckOutputFile(t *testing.T) {
	root := project(t, map[string]string{"a.py": evalSrc})
	dst := filepath.Join(root, "out", "results.sarif")
	if err := os.Mkdir(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errs := stelp(t, "", "check", "--format", "sarif", "-o", dst, filepath.Join(root, "a.py"))
	data, err := os.ReadFile(dst)
	if code != 1 || out != "" || errs != "" || err != nil || !strings.Contains(string(data), `"ruleId": "SP101"`) {
		t.Errorf("exit %d, stdout %q, stderr %q, file %v:\n%.200s", code, out, errs, err, data)
	}
	code, _, errs = stelp(t, "", "check", "--output", filepath.Join(root, "missing-dir", "x.json"), filepath.Join(root, "a.py"))
	if code != 2 || !strings.Contains(errs, "missing-dir") {
		t.Errorf("unwritable output: exit %d, %q", code, errs)
	}
}

// The summary counts fixes `stelp fix` applies apart from those that need
// --unsafe-fixes, so it never promises a rewrite the default run will not
// make.
func TestCheckTextFixSummary(t *testing.T) {
	cases := []struct{ src, want string }{
		{"x = eval('1 + 2')\n", " 1 fixable with `stelp fix`.\n"},
		{evalSrc, " 1 with a fix that changes behaviour (`stelp fix --unsafe-fixes`).\n"},
		{"import yaml\nd = yaml.load(s)\ny = eval(s)\n", " 1 fixable with `stelp fix`. 1 with a fix that changes behaviour (`stelp fix --unsafe-fixes`).\n"},
	}
	for _, c := range cases {
		root := project(t, map[string]string{"a.py": c.src})
		_, out, _ := stelp(t, "", "check", filepath.Join(root, "a.py"))
		if !strings.HasSuffix(out, c.want) {
			t.Errorf("%q: summary %q, want suffix %q", c.src, out, c.want)
		}
	}
}

// readSized returns the whole file whatever size stat said: the same,
// smaller (the file grew since) or larger (it shrank).
func TestReadSized(t *testing.T) {
	content := []byte(strings.Repeat("x = 1\n", 1000))
	p := filepath.Join(t.TempDir(), "a.py")
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{int64(len(content)), 0, 10, int64(len(content)) - 1, int64(len(content)) + 1, 1 << 20} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readSized(f, size)
		f.Close()
		if err != nil || string(got) != string(content) {
			t.Errorf("size %d: %d bytes, err %v; want the %d bytes", size, len(got), err, len(content))
		}
	}
}

// A FIFO named on the command line is not a regular file: it is read to
// its end, its open waiting for the writer as os.Open's would.
func TestCheckReadsAFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.py")
	if err := unix.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Error(err)
			return
		}
		for _, part := range []string{"x = 1\n", evalSrc} {
			time.Sleep(10 * time.Millisecond)
			_, _ = w.WriteString(part)
		}
		w.Close()
	}()
	code, out, errs := stelp(t, "", "check", fifo)
	if code != 1 || !strings.Contains(out, fifo+":2:5: SP101") {
		t.Fatalf("check of a FIFO: exit %d\n%s\n%s", code, out, errs)
	}
}
