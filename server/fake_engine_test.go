package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

// fakeEngine stands in for the pipeline where a test needs control the
// real one does not give: runs that sleep or panic on request, a config
// loader whose errors are chosen by the test, a count of checks. Its rules
// are two regular expressions; what is tested is the server around them.
//
// Directives in the program text drive Execute:
//
//	# sleep 500      sleep that many ms (honouring cancellation)
//	# panic-exec     panic inside Execute
//	# panic-check    panic inside Check
//	import os        a runtime violation on that line
//	raise E("m")     an exception on that line
//	name = 123       a trace value on that line (count from "# xN")
type fakeEngine struct {
	checks   atomic.Int64
	parses   atomic.Int64 // fresh parses asked for
	edits    atomic.Int64 // incremental edits received
	executes atomic.Int64

	mu        sync.Mutex
	lastInput RunInput
	lastProg  string
	lastPol   *policy.Policy
}

var (
	fakeEval  = regexp.MustCompile(`\beval\(`)
	fakeMD5   = regexp.MustCompile(`hashlib\.md5\(`)
	fakeInput = regexp.MustCompile(`\binput\(\)`)
	fakeAssig = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*=\s*(-?\d+)\s*(?:#.*)?$`)
	fakeCount = regexp.MustCompile(`# x(\d+)`)
	fakeSleep = regexp.MustCompile(`# sleep (\d+)`)
	fakeRaise = regexp.MustCompile(`raise (\w+)\("([^"]*)"\)`)
)

type fakeChecker struct{ e *fakeEngine }

func (e *fakeEngine) NewChecker() Checker { return &fakeChecker{e} }

func (c *fakeChecker) Close() {}

func (c *fakeChecker) Check(ctx context.Context, src []byte, edits []sitter.EditInput, fresh bool, pol *policy.Policy) ([]analysis.Finding, error) {
	c.e.checks.Add(1)
	if fresh {
		c.e.parses.Add(1)
	}
	c.e.edits.Add(int64(len(edits)))
	if bytes.Contains(src, []byte("# panic-check")) {
		panic("fake checker exploded")
	}
	var out []analysis.Finding
	var inputs []analysis.Range
	for i, line := range strings.Split(string(src), "\n") {
		for _, m := range fakeInput.FindAllStringIndex(line, -1) {
			inputs = append(inputs, analysis.Range{Start: analysis.Position{Line: i, Column: m[0]}, End: analysis.Position{Line: i, Column: m[1]}})
		}
	}
	for i, line := range strings.Split(string(src), "\n") {
		if pol.Rules["SP101"] != policy.SeverityOff {
			for _, m := range fakeEval.FindAllStringIndex(line, -1) {
				r := analysis.Range{Start: analysis.Position{Line: i, Column: m[0]}, End: analysis.Position{Line: i, Column: m[1] - 1}}
				f := analysis.Finding{Rule: "SP101", Name: "eval-call", Severity: policy.SeverityError, CWE: 94,
					Category: "code-execution", Message: "eval() runs arbitrary code", Range: r,
					Fix: &analysis.Fix{Title: "Use ast.literal_eval", Applicability: analysis.FixUnsafe,
						Edits: []analysis.TextEdit{{Range: r, NewText: "ast.literal_eval"}}}}
				for _, in := range inputs {
					f.Related = append(f.Related, analysis.Related{Range: in, Message: "input() value reaches eval"})
				}
				out = append(out, f)
			}
		}
		for _, m := range fakeMD5.FindAllStringIndex(line, -1) {
			r := analysis.Range{Start: analysis.Position{Line: i, Column: m[0] + len("hashlib.")}, End: analysis.Position{Line: i, Column: m[1] - 1}}
			out = append(out, analysis.Finding{Rule: "SP601", Name: "weak-hash", Severity: policy.SeverityWarning, CWE: 328,
				Category: "crypto", Message: "md5 is a weak hash", Range: r,
				Fix: &analysis.Fix{Title: "Use sha256", Applicability: analysis.FixSafe,
					Edits: []analysis.TextEdit{{Range: r, NewText: "sha256"}}}})
		}
	}
	return out, nil
}

// Policy reads the test's config file format: a line "SP101: off" turns
// the rule off; a line "bad: <msg>" is an error at that line.
func (e *fakeEngine) Policy(ctx context.Context, path string) (*policy.Policy, error) {
	pol := policy.Default()
	if path == "" {
		return pol, nil
	}
	for dir := dirOf(path); ; dir = dirOf(dir) {
		cfg := dir + "/.stelp.yaml"
		if data, err := os.ReadFile(cfg); err == nil {
			for i, line := range strings.Split(string(data), "\n") {
				if strings.TrimSpace(line) == "SP101: off" {
					pol.Rules["SP101"] = policy.SeverityOff
				}
				if msg, ok := strings.CutPrefix(line, "bad: "); ok {
					return nil, policy.ErrorList{{File: cfg, Line: i + 1, Column: 1, Key: "bad", Msg: msg}}
				}
			}
			return pol, nil
		}
		if dir == "/" || dir == "." || dir == "" {
			return pol, nil
		}
	}
}

func dirOf(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

func (e *fakeEngine) Transpile(ctx context.Context, src []byte, pol *policy.Policy) (string, error) {
	if bytes.Contains(src, []byte("def (")) {
		return "", fmt.Errorf("line 1: invalid syntax")
	}
	return "__stelp_tick__()\n" + string(src), nil
}

func (e *fakeEngine) Execute(ctx context.Context, src []byte, pol *policy.Policy, in RunInput) (*exec.Result, error) {
	e.executes.Add(1)
	e.mu.Lock()
	e.lastInput, e.lastProg, e.lastPol = in, string(src), pol
	e.mu.Unlock()
	text := string(src)
	if m := fakeSleep.FindStringSubmatch(text); m != nil {
		ms, _ := strconv.Atoi(m[1])
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if strings.Contains(text, "# panic-exec") {
		panic("fake executor exploded")
	}
	res := &exec.Result{Status: exec.StatusOK, Findings: []any{}, Violations: []exec.Violation{}, Trace: []exec.TraceLine{}}
	if fakeEval.MatchString(text) && pol.Rules["SP101"] != policy.SeverityOff {
		res.Status = exec.StatusBlocked
		return res, nil
	}
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "import os") {
			res.Status = exec.StatusViolation
			res.Violations = append(res.Violations, exec.Violation{Kind: "import", Detail: "import of module os", Line: i + 1})
			return res, nil
		}
		if m := fakeRaise.FindStringSubmatch(line); m != nil {
			res.Status = exec.StatusError
			res.Exception = &exec.Exception{Type: m[1], Message: m[2], Line: i + 1}
			return res, nil
		}
		if strings.HasPrefix(line, "print(") {
			res.Stdout += strings.Trim(line[len("print("):], `)"'`) + "\n"
		}
		if m := fakeAssig.FindStringSubmatch(line); m != nil {
			count := int64(1)
			if c := fakeCount.FindStringSubmatch(line); c != nil {
				count, _ = strconv.ParseInt(c[1], 10, 64)
			}
			res.Trace = append(res.Trace, exec.TraceLine{Line: i + 1, Count: count, Values: map[string]string{m[1]: m[2]}})
		}
	}
	return res, nil
}

func (e *fakeEngine) Rule(id string) (RuleInfo, bool) {
	if id == "SP101" {
		return RuleInfo{ID: id, Name: "eval-call", Summary: "eval() runs arbitrary code",
			Advice: "Use ast.literal_eval for literals or parse the input explicitly",
			Why:    "eval() runs whatever string reaches it.", Bad: "x = eval(s)", Good: "x = ast.literal_eval(s)"}, true
	}
	return RuleInfo{}, false
}

// AttachFixes keeps the fixes the fake checker made.
func (e *fakeEngine) AttachFixes(_ context.Context, _ []byte, findings []analysis.Finding) []analysis.Finding {
	return findings
}
