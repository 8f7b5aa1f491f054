package main

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/exec"
)

// withDaemon turns the daemon on for this test, in a fresh private
// directory (short: a socket path must fit in 107 bytes), and stops
// whatever daemon the test started when it ends. The idle period is a
// safety net should the stop fail.
func withDaemon(t *testing.T) exec.DaemonConfig {
	t.Helper()
	base, err := os.MkdirTemp("", "sd")
	if err != nil {
		t.Fatal(err)
	}
	cfg := exec.DaemonConfig{Dir: filepath.Join(base, "d")}
	t.Setenv(exec.DaemonEnv, "on")
	t.Setenv(exec.DaemonDirEnv, cfg.Dir)
	t.Setenv(exec.DaemonIdleEnv, "30s")
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := os.Stat(cfg.Dir); err == nil {
			if err := exec.StopDaemon(ctx, cfg); err != nil {
				t.Errorf("stop daemon: %v", err)
			}
		}
		os.RemoveAll(base)
	})
	return cfg
}

// waitDaemon waits until the daemon of this test answers warm.
func waitDaemon(t *testing.T, cfg exec.DaemonConfig) exec.DaemonInfo {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		info, err := exec.PingDaemon(context.Background(), cfg)
		if err == nil {
			return info
		}
		if time.Now().After(deadline) {
			t.Fatalf("daemon not warm: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

const (
	viaDaemon  = "running on the warm daemon"
	viaOneShot = "running in a one-shot worker"
)

// The first run starts the daemon and runs alone; later runs go to the
// daemon and give exactly the result a one-shot worker gives.
func TestRunDaemonMatchesOneShot(t *testing.T) {
	cfg := withDaemon(t)
	dir := t.TempDir()
	code, _, errs := runCLI(t, "print(1)\n", "run", "--verbose", "-")
	if code != 0 || !strings.Contains(errs, viaOneShot) || !strings.Contains(errs, "started one in the background") {
		t.Fatalf("first run: exit %d\n%s", code, errs)
	}
	waitDaemon(t, cfg)
	cases := []struct {
		name, src string
		args      []string
	}{
		{"ok", "print('hello')\n", nil},
		{"error", "raise ValueError('no')\n", nil},
		{"blocked", "import os\nos.system('id')\n", nil},
		{"violation", "import os\n", []string{"--gate=off"}},
		{"steps", "for i in range(10**9):\n    pass\n", []string{"--steps", "1000", "--gate=off"}},
		{"timeout", "x = 0\nfor i in range(10**9):\n    x += i\n", []string{"--timeout", "300ms", "--steps", "1000000000", "--gate=off"}},
		{"stdin", "print(input().upper())\n", []string{"--stdin", "shout"}},
		{"trace", "total = 0\nfor i in range(3):\n    total += i\nprint(total)\n", []string{"--trace"}},
		// The daemon applies the client's policy: SP101 off lets eval past
		// the gate (the default blocks it), and the runtime refuses it.
		{"config", "print(eval('1 + 1'))\n", []string{"--config", filepath.Join(dir, "sp101-off.yaml")}},
	}
	if err := os.WriteFile(filepath.Join(dir, "sp101-off.yaml"), []byte("rules:\n  SP101: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name+".py")
			if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(append([]string{"run", "--json", "--verbose"}, c.args...), p)
			dcode, dout, derrs := runCLI(t, "", args...)
			ocode, oout, oerrs := runCLI(t, "", append(args, "--no-daemon")...)
			if !strings.Contains(derrs, viaDaemon) || !strings.Contains(derrs, "daemon: checks, transpiles and runs the program") {
				t.Fatalf("not run on the daemon:\n%s", derrs)
			}
			if !strings.Contains(oerrs, "daemon: off") {
				t.Fatalf("--no-daemon:\n%s", oerrs)
			}
			if d, o := comparable(t, dout), comparable(t, oout); dcode != ocode || d != o {
				t.Fatalf("daemon: exit %d %s\none-shot: exit %d %s", dcode, d, ocode, o)
			}
		})
	}
}

// comparable is a --json result without what differs from run to run.
func comparable(t *testing.T, out string) string {
	t.Helper()
	var res exec.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	res.Usage.WallMS, res.Usage.PeakKB = 0, 0
	b, _ := json.Marshal(res)
	return string(b)
}

// STELP_DAEMON=off and --no-daemon never touch the socket directory.
func TestRunDaemonOffTouchesNothing(t *testing.T) {
	cfg := withDaemon(t)
	for _, tc := range []struct {
		env  string
		args []string
	}{{"off", nil}, {"on", []string{"--no-daemon"}}} {
		t.Setenv(exec.DaemonEnv, tc.env)
		code, _, errs := runCLI(t, "print(1)\n", append(append([]string{"run", "--verbose"}, tc.args...), "-")...)
		if code != 0 || !strings.Contains(errs, "daemon: off") {
			t.Fatalf("%v: exit %d\n%s", tc, code, errs)
		}
		if _, err := os.Lstat(cfg.Dir); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%v: the socket directory was touched: %v", tc, err)
		}
	}
}

// A socket directory others could get into is refused: the program runs
// in a one-shot worker, and --verbose says why.
func TestRunDaemonRefusesOpenDir(t *testing.T) {
	cfg := withDaemon(t)
	if err := os.Mkdir(cfg.Dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(cfg.Dir, 0o777); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(cfg.Dir, 0o700) })
	code, out, errs := runCLI(t, "print('alone')\n", "run", "--verbose", "-")
	if code != 0 || out != "alone\n" || !strings.Contains(errs, "refusing daemon directory") || !strings.Contains(errs, viaOneShot) {
		t.Fatalf("exit %d, stdout %q\n%s", code, out, errs)
	}
	if entries, _ := os.ReadDir(cfg.Dir); len(entries) != 0 {
		t.Fatalf("something was put in the refused directory: %v", entries)
	}
}

// A daemon killed mid-run gives a crash result at once: no hang, and no
// second run of a program that may have had effects. The next run starts
// a new daemon.
func TestRunDaemonKilledMidRun(t *testing.T) {
	cfg := withDaemon(t)
	if code, _, errs := runCLI(t, "print(1)\n", "run", "--verbose", "-"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, errs)
	}
	info := waitDaemon(t, cfg)
	before := workerChildren(t)
	type outcome struct {
		code      int
		out, errs string
	}
	done := make(chan outcome, 1)
	go func() {
		code, out, errs := runCLI(t, "print('once')\nwhile True:\n    pass\n", "run", "--json", "--verbose",
			"--gate=off", "--timeout", "60s", "--steps", "1000000000000", "-")
		done <- outcome{code, out, errs}
	}()
	deadline := time.Now().Add(30 * time.Second)
	for waitDaemon(t, cfg).Running != 1 {
		if time.Now().After(deadline) {
			t.Fatal("the run never reached the daemon")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := syscall.Kill(info.PID, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	var got outcome
	select {
	case got = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("stelp run hangs after its daemon died")
	}
	var res exec.Result
	if err := json.Unmarshal([]byte(got.out), &res); err != nil {
		t.Fatalf("exit %d: %v\n%s\n%s", got.code, err, got.out, got.errs)
	}
	if got.code != 4 || res.Status != exec.StatusLimit || res.Limit == nil || res.Limit.Kind != "crash" ||
		!strings.Contains(res.Limit.Detail, "daemon") || !strings.Contains(got.errs, viaDaemon) {
		t.Fatalf("exit %d: %s\n%s", got.code, got.out, got.errs)
	}
	if after := workerChildren(t); after != before {
		t.Fatalf("a worker of this process ran the program again (%d workers, were %d)", after, before)
	}
	// Until the kernel has ended it, the dying daemon's socket still
	// takes connections (and then resets them: a run that falls back
	// without starting a new daemon).
	deadline = time.Now().Add(30 * time.Second)
	for syscall.Kill(info.PID, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("daemon %d survived SIGKILL", info.PID)
		}
		time.Sleep(10 * time.Millisecond)
	}
	code, _, errs := runCLI(t, "print(2)\n", "run", "--verbose", "-")
	if code != 0 || !strings.Contains(errs, "started one in the background") {
		t.Fatalf("after the kill: exit %d\n%s", code, errs)
	}
	if again := waitDaemon(t, cfg); again.PID == info.PID {
		t.Fatalf("the killed daemon %d still answers", info.PID)
	}
}

func TestDaemonUnfit(t *testing.T) {
	for exe, unfit := range map[string]bool{
		"/tmp/go-build1234/b001/exe/stelp":  true, // go run
		"/usr/local/bin/stelp":              false,
		"/tmp/go-build1234/b001/stelp.test": false, // go test: the daemon tests need it
		"/home/u/exe/stelp":                 false,
	} {
		if got := daemonUnfit(exe, nil) != ""; got != unfit {
			t.Errorf("%s: unfit %v", exe, got)
		}
	}
	if daemonUnfit("", errors.New("no /proc")) == "" {
		t.Error("an unknown binary is fit")
	}
}
