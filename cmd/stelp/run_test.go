package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/exec"
)

// TestMain lets this test binary serve as the exec worker and the daemon
// that `stelp run` starts (it re-executes itself). The daemon is off for
// every test but the daemon tests, which start theirs in a directory of
// their own and stop it: no test may leave one behind in the user's.
func TestMain(m *testing.M) {
	exec.MaybeRunWorker()
	exec.MaybeRunDaemon(executeCall)
	os.Setenv(exec.DaemonEnv, "off")
	os.Exit(m.Run())
}

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunExitCodesAndSummary(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name, src string
		args      []string
		code      int
		stdout    string
		summary   string
	}{
		{"ok", "print('hello')\n", nil, 0, "hello\n", "stelp run: ok"},
		{"error", "raise ValueError('no')\n", nil, 1, "", "stelp run: error: ValueError: no (line 1"},
		{"blocked", "import os\nos.system('id')\n", nil, 2, "", "stelp run: blocked by"},
		{"violation with gate off", "import os\n", []string{"--gate=off"}, 3, "", "stelp run: violation: import"},
		{"steps", "for i in range(10**9):\n    pass\n", []string{"--steps", "1000", "--gate=off"}, 4, "", "stelp run: limit: steps"},
		{"timeout", "x = 0\nfor i in range(10**9):\n    x += i\n", []string{"--timeout", "300ms", "--steps", "1000000000", "--gate=off"}, 4, "", "stelp run: limit: time"},
		{"stdin", "print(input().upper())\n", []string{"--stdin", "shout"}, 0, "SHOUT\n", "stelp run: ok"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(strings.ReplaceAll(c.name, " ", "_")+".py", c.src)
			code, out, errs := runCLI(t, "", append(append([]string{"run"}, c.args...), p)...)
			if code != c.code || out != c.stdout || !strings.Contains(errs, c.summary) {
				t.Fatalf("exit %d stdout %q stderr %q; want exit %d stdout %q summary %q", code, out, errs, c.code, c.stdout, c.summary)
			}
		})
	}
}

func TestRunJSONContract(t *testing.T) {
	code, out, _ := runCLI(t, "x = 2\nprint(x * 21)\n", "run", "--json", "--trace", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"status", "stdout", "stderr", "exception", "findings", "violations", "limit", "trace", "usage"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("result lacks %q: %s", k, out)
		}
	}
	var res exec.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusOK || res.Stdout != "42\n" || len(res.Trace) == 0 || res.Trace[0].Values["x"] != "2" {
		t.Fatalf("unexpected result: %s", out)
	}
}

func TestRunTraceText(t *testing.T) {
	code, out, _ := runCLI(t, "total = 0\nfor i in range(3):\n    total += i\n", "run", "--trace", "-")
	if code != 0 || !strings.Contains(out, "total += i") || !strings.Contains(out, "×3  total=3") {
		t.Fatalf("exit %d, trace:\n%s", code, out)
	}
}

func TestRunUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"run"}, {"run", "a.py", "b.py"}, {"run", "--gate=maybe", "-"}, {"run", "/no/such/file.py"}} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestRunLeavesNoWorker: `stelp run` starts its worker before the check,
// so a program the gate blocks (or one that fails to transpile) must not
// leave that worker running; neither may a program that ran.
func TestRunLeavesNoWorker(t *testing.T) {
	before := workerChildren(t)
	for _, src := range []string{"import os\nos.system('id')\n", "def f(:\n", "print(1)\n"} {
		runCLI(t, src, "run", "-")
		if after := workerChildren(t); after > before {
			t.Fatalf("%q: %d worker processes left running (were %d)", src, after, before)
		}
	}
}

// workerChildren counts this process's children that are exec workers.
func workerChildren(t *testing.T) int {
	t.Helper()
	procs, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	self := os.Getpid()
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // exited meanwhile
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
		i := bytes.LastIndexByte(b, ')')
		f := strings.Fields(string(b[i+1:]))
		if len(f) < 2 || f[1] != strconv.Itoa(self) {
			continue
		}
		if env, err := os.ReadFile(filepath.Join(filepath.Dir(p), "environ")); err == nil && bytes.Contains(env, []byte("STELP_WORKER=1")) {
			n++
		}
	}
	return n
}
