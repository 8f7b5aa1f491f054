package fix_test

import (
	"bytes"
	"context"
	osexec "os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// callsMarker separates what a program does (above: must not change) from
// what the stubs recorded (below: shows what the fix changed).
const callsMarker = "--- calls\n"

// stubbedCase is a program whose safe fixes need a stub module to run.
type stubbedCase struct {
	name string
	rule string // the rule whose safe fixes the program exercises
	// src calls the code the fix rewrites on benign input and prints what
	// it gets back.
	src string
	// trailer is appended to the original and to the fixed program after
	// fix-all: it prints callsMarker and the stub's record of the calls.
	trailer string
	// wantOrig and wantFixed are the records; check replaces them when the
	// comparison needs an oracle.
	wantOrig, wantFixed string
	check               func(t *testing.T, orig, fixed string)
}

var stubbedCases = []stubbedCase{{
	name: "request-without-timeout",
	rule: "SP604",
	src: `import requests


def fetch(url):
    r = requests.get(url)
    return r.status_code, requests.post(url, data={"a": 1},).json()


print(fetch("https://example.com/api"))
`,
	trailer:  "print('--- calls')\nfor c in requests.calls:\n    print(c)\n",
	wantOrig: "get https://example.com/api timeout=None verify=True\npost https://example.com/api timeout=None verify=True\n",
	// The server answers within the timeout: same response, and now a
	// dead server could not hang the program.
	wantFixed: "get https://example.com/api timeout=10 verify=True\npost https://example.com/api timeout=10 verify=True\n",
}, {
	name: "tls-verification-disabled",
	rule: "SP605",
	src: `import requests


def fetch(url):
    return requests.get(url, verify=False, timeout=5)


r = fetch("https://example.com/health")
print(r.status_code, r.json())
`,
	trailer:   "print('--- calls')\nfor c in requests.calls:\n    print(c)\n",
	wantOrig:  "get https://example.com/health timeout=5 verify=False\n",
	wantFixed: "get https://example.com/health timeout=5 verify=True\n",
}, {
	name: "yaml-unsafe-load",
	rule: "SP704",
	src: `"""Config loader."""
import yaml


def load(text):
    return yaml.load(text, Loader=yaml.FullLoader)


def load_all(stream):
    return list(yaml.unsafe_load_all(stream))


print(load("name: demo\nport: 8080\ndebug: false\nratio: 0.5\nempty: null\n"))
print(load("- 1\n- two\n- 3.5\n"))
print(load_all("a: 1\n---\n- x\n- 'y'\n"))
`,
	trailer:   "print('--- calls')\nfor c in yaml.calls:\n    print(c)\n",
	wantOrig:  "load Loader=FullLoader\nload Loader=FullLoader\nunsafe_load_all\n",
	wantFixed: "safe_load\nsafe_load\nsafe_load_all\n",
}, {
	name: "shell-true",
	rule: "SP403",
	src: `import subprocess


def listing():
    return subprocess.run("ls -l '/tmp/my dir' \"two words\" x''y", shell=True, capture_output=True)


r = listing()
print(r.returncode, r.stdout)
`,
	trailer: "print('--- calls')\nfor c in subprocess.calls:\n    print('\\t'.join(c))\n",
	// The shell would run the words /bin/sh makes of the string; the
	// fixed program runs shlex.split's words: they must be the same.
	check: func(t *testing.T, orig, fixed string) {
		cmd, ok := strings.CutPrefix(strings.TrimSuffix(orig, "\n"), "SHELL\t")
		if !ok || strings.Contains(cmd, "\n") {
			t.Fatalf("original: want one shell command, got %q", orig)
		}
		argv, ok := strings.CutPrefix(strings.TrimSuffix(fixed, "\n"), "ARGV\t")
		if !ok || strings.Contains(argv, "\n") {
			t.Fatalf("fixed: want one argument list, got %q", fixed)
		}
		if sh, got := shellWords(t, cmd), strings.Split(argv, "\t"); !slices.Equal(sh, got) {
			t.Errorf("/bin/sh runs %q, the fixed program %q", sh, got)
		}
	},
}}

// TestStubbedBehaviour is TestBehaviour for the safe fixes of calls into
// modules the sandbox lacks: the original and the fixed program run in
// the executor (gate off) with the stub modules, must do the same, and
// the stubs' records show the fix took effect.
func TestStubbedBehaviour(t *testing.T) {
	if testing.Short() {
		t.Skip("runs programs in worker processes")
	}
	ctx := context.Background()
	pol := policy.Default()
	pol.ModulesAllow = append(pol.ModulesAllow, "requests", "yaml", "shlex", stubProcessModule)
	covered := map[string]bool{}
	for _, c := range stubbedCases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			var safe int
			for _, f := range fix.Attach(ctx, src, analysis.Check(ctx, src, pol)) {
				if f.Rule == c.rule && f.Fix != nil && f.Fix.Applicability == analysis.FixSafe {
					safe++
				}
			}
			if safe == 0 {
				t.Fatalf("no safe %s fix in the program", c.rule)
			}
			fixed, _, err := fix.All(ctx, src, pol, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range analysis.Check(ctx, fixed, pol) {
				if f.Rule == c.rule {
					t.Errorf("%s still found after safe fix-all at line %d:\n%s", c.rule, f.Range.Start.Line+1, fixed)
				}
			}
			orig := run(t, ctx, pol, stubProcessNames(string(src)+c.trailer))
			got := run(t, ctx, pol, stubProcessNames(string(fixed)+c.trailer))
			t.Logf("original:\n%s\nfixed:\n%s", orig, got)
			didOrig, callsOrig, ok1 := strings.Cut(orig, callsMarker)
			didFixed, callsFixed, ok2 := strings.Cut(got, callsMarker)
			if !ok1 || !ok2 || didOrig == "" {
				t.Fatalf("output without the program's part or the calls:\noriginal:\n%s\nfixed:\n%s", orig, got)
			}
			if didOrig != didFixed {
				t.Errorf("behaviour changed:\noriginal:\n%s\nfixed:\n%s", didOrig, didFixed)
			}
			if c.check != nil {
				c.check(t, callsOrig, callsFixed)
			} else if callsOrig != c.wantOrig || callsFixed != c.wantFixed {
				t.Errorf("calls:\noriginal:\n%s\nfixed:\n%s\nwant:\n%s\nand:\n%s", callsOrig, callsFixed, c.wantOrig, c.wantFixed)
			}
			covered[c.rule] = true
		})
	}
	// Every safe fix of a call into a module the sandbox lacks has a case.
	for _, rule := range []string{"SP403", "SP604", "SP605", "SP704"} {
		if !covered[rule] {
			t.Errorf("no passing stubbed behaviour case for %s", rule)
		}
	}
}

// run executes src with the gate off and returns its output; anything but
// a clean exit fails the test.
func run(t *testing.T, ctx context.Context, pol *policy.Policy, src string) string {
	t.Helper()
	res, err := pipeline.Execute(ctx, []byte(src), pol, pipeline.Options{Gate: false})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusOK {
		t.Fatalf("%s %+v\n%s\nprogram:\n%s", res.Status, res.Exception, res.Stdout, src)
	}
	return res.Stdout
}

var subprocessName = regexp.MustCompile(`\bsubprocess\b`)

// stubProcessNames renames the module subprocess to the stub's name: the
// same renaming of one identifier in the original and the fixed program,
// which use the name for nothing else.
func stubProcessNames(src string) string {
	return subprocessName.ReplaceAllString(src, stubProcessModule)
}

// shellWords is what /bin/sh makes of cmd as a command's words (field
// splitting and quote removal). cmd must hold no shell syntax beyond
// quoting (the condition under which the shell=True fix is safe), so the
// shell runs nothing but its printf.
func shellWords(t *testing.T, cmd string) []string {
	t.Helper()
	if strings.ContainsAny(cmd, fix.ShellMeta) {
		t.Fatalf("%q holds shell syntax", cmd)
	}
	out, err := osexec.Command("/bin/sh", "-c", "set -- "+cmd+"; printf '%s\\0' \"$@\"").Output()
	if err != nil {
		t.Fatalf("/bin/sh: %v", err)
	}
	return strings.Split(string(bytes.TrimSuffix(out, []byte{0})), "\x00")
}

// TestStubShlexAgreesWithCPython: the shlex stub splits as CPython 3.11's
// shlex.split does (want: python3 running the same program), so agreeing
// with /bin/sh in TestStubbedBehaviour means CPython's shlex agrees.
func TestStubShlexAgreesWithCPython(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a program in a worker process")
	}
	const prog = `import shlex
for s in ['ls -l /tmp', 'ls -l \'/tmp/my dir\' "two words" x\'\'y', 'a"b c"d \'e f\'g',
          '"a\\"b" \'c\\d\' e\\ f "g\\h"', '  lead  trail  ', 'echo "" \'\'', 'tab\there\nnewline', '',
          '"open', 'a\\', "'open"]:
    try:
        print(shlex.split(s))
    except ValueError as e:
        print('ValueError:', e)
`
	const want = `['ls', '-l', '/tmp']
['ls', '-l', '/tmp/my dir', 'two words', 'xy']
['ab cd', 'e fg']
['a"b', 'c\\d', 'e f', 'g\\h']
['lead', 'trail']
['echo', '', '']
['tab', 'here', 'newline']
[]
ValueError: No closing quotation
ValueError: No escaped character
ValueError: No closing quotation
`
	pol := policy.Default()
	pol.ModulesAllow = append(pol.ModulesAllow, "shlex")
	if got := run(t, context.Background(), pol, prog); got != want {
		t.Errorf("stub shlex.split:\n%s\nCPython:\n%s", got, want)
	}
}
