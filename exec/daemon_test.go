package exec

import (
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// daemonDir is a fresh private directory with a short path (a socket path
// must fit in 107 bytes, and t.TempDir's can be long).
func daemonDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "d")
}

// serveDaemon runs ServeDaemon in this process (its workers are this
// test binary) and stops it when the test ends; the channel yields its
// return value.
func serveDaemon(t *testing.T, cfg DaemonConfig) <-chan error {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		done <- ServeDaemon(ctx, cfg, PoolOptions{Size: 1, MemoryMB: 256})
		close(finished)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(30 * time.Second):
			t.Error("daemon did not stop")
		}
	})
	waitWarm(t, cfg)
	return done
}

// waitWarm waits until the daemon of cfg answers ready.
func waitWarm(t *testing.T, cfg DaemonConfig) DaemonInfo {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		info, err := PingDaemon(context.Background(), cfg)
		if err == nil {
			return info
		}
		if !errors.Is(err, ErrNoDaemon) && !errors.Is(err, errDaemonWarming) {
			t.Fatalf("ping: %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("daemon not warm: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// countingRunner records the requests it was given.
type countingRunner struct{ n atomic.Int32 }

func (c *countingRunner) Run(ctx context.Context, req *Request) (*Result, error) {
	c.n.Add(1)
	return &Result{Status: StatusOK, Stdout: "fallback\n"}, nil
}

func TestDaemonRunsLikeOneShot(t *testing.T) {
	cfg := DaemonConfig{Dir: daemonDir(t), Idle: time.Minute}
	serveDaemon(t, cfg)
	ctx := context.Background()
	cases := []struct{ name, code, stdin string }{
		{"ok", "print('hi', 1+2)\n", ""},
		{"stdin", "print(input().upper())\n", "shout\n"},
		{"error", "def f():\n    raise ValueError('bad')\nf()\n", ""},
		{"violation", "import os\n", ""},
		{"steps", "while __stelp_tick__(1): pass\n", ""},
		{"timeout", "while True: pass\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lim := testLimits()
			lim.Time = 500 * time.Millisecond
			req := &Request{Code: c.code, Stdin: c.stdin, Limits: lim}
			want, err := OneShot{}.Run(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			r, err := DialDaemon(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			fallback := &countingRunner{}
			r.Fallback = fallback
			got, err := r.Run(ctx, req)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			if fallback.n.Load() != 0 {
				t.Fatal("the daemon's run went to the fallback")
			}
			if got.Status != want.Status || got.Stdout != want.Stdout || got.Stderr != want.Stderr ||
				got.Reason() != want.Reason() || !sameException(got.Exception, want.Exception) {
				t.Fatalf("daemon %+v\none-shot %+v", got, want)
			}
			if len(got.Isolation) == 0 {
				t.Fatalf("daemon result lacks the isolation layers: %+v", got)
			}
		})
	}
}

func sameException(a, b *Exception) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// A daemon of another binary or protocol at this client's socket is
// refused before anything is sent, and not counted as missing (which
// would start a daemon).
func TestDaemonMismatchRefused(t *testing.T) {
	for _, tc := range []struct {
		name     string
		hello    func(id string) daemonHello
		wantWarm bool
	}{
		{"other binary", func(id string) daemonHello {
			return daemonHello{Protocol: daemonProtocol, Identity: "0123456789abcdef", Ready: true}
		}, false},
		{"other protocol", func(id string) daemonHello {
			return daemonHello{Protocol: daemonProtocol + 1, Identity: id, Ready: true}
		}, false},
		{"warming up", func(id string) daemonHello {
			return daemonHello{Protocol: daemonProtocol, Identity: id}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DaemonConfig{Dir: daemonDir(t)}
			ep, err := cfg.endpoint()
			if err != nil {
				t.Fatal(err)
			}
			got := make(chan bool, 1) // whether a call arrived
			fakeDaemon(t, ep.socket, func(c *net.UnixConn) {
				if err := writeFrame(c, tc.hello(ep.identity)); err != nil {
					t.Error(err)
				}
				var call daemonCall
				got <- readFrame(c, &call) == nil
			})
			_, err = DialDaemon(context.Background(), cfg)
			if !errors.Is(err, ErrDaemonUnusable) || errors.Is(err, ErrNoDaemon) {
				t.Fatalf("dial: %v, want ErrDaemonUnusable", err)
			}
			if errors.Is(err, errDaemonWarming) != tc.wantWarm {
				t.Fatalf("dial: %v", err)
			}
			if <-got {
				t.Fatal("the client sent a call to a daemon it refused")
			}
		})
	}
}

// fakeDaemon serves one connection on path with serve.
func fakeDaemon(t *testing.T, path string, serve func(*net.UnixConn)) {
	t.Helper()
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.AcceptUnix()
		if err != nil {
			return
		}
		defer c.Close()
		serve(c)
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
	})
}

// A daemon lost after it received the program gives a crash result: no
// hang, and no second run elsewhere (the program may have had effects).
// A daemon lost before the request was delivered leaves the run to the
// fallback.
func TestDaemonLost(t *testing.T) {
	t.Run("after the request", func(t *testing.T) {
		cfg := DaemonConfig{Dir: daemonDir(t)}
		ep, err := cfg.endpoint()
		if err != nil {
			t.Fatal(err)
		}
		fakeDaemon(t, ep.socket, func(c *net.UnixConn) {
			_ = writeFrame(c, daemonHello{Protocol: daemonProtocol, Identity: ep.identity, Ready: true, PID: 4242})
			var call daemonCall
			_ = readFrame(c, &call) // then dies without a reply
		})
		r, err := DialDaemon(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		fallback := &countingRunner{}
		r.Fallback = fallback
		res, err := r.Run(context.Background(), &Request{Code: "print(1)\n", Limits: testLimits()})
		if err != nil {
			t.Fatal(err)
		}
		if fallback.n.Load() != 0 {
			t.Fatal("the program was run a second time")
		}
		if res.Status != StatusLimit || res.Limit.Kind != "crash" || !strings.Contains(res.Limit.Detail, "daemon (pid 4242)") ||
			!strings.Contains(res.Limit.Detail, "not run again") {
			t.Fatalf("result %+v %+v", res, res.Limit)
		}
	})
	t.Run("before the request", func(t *testing.T) {
		cfg := DaemonConfig{Dir: daemonDir(t)}
		ep, err := cfg.endpoint()
		if err != nil {
			t.Fatal(err)
		}
		closed := make(chan struct{})
		fakeDaemon(t, ep.socket, func(c *net.UnixConn) {
			_ = writeFrame(c, daemonHello{Protocol: daemonProtocol, Identity: ep.identity, Ready: true})
			c.Close()
			close(closed)
		})
		r, err := DialDaemon(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		<-closed
		fallback := &countingRunner{}
		r.Fallback = fallback
		res, err := r.Run(context.Background(), &Request{Code: "print(1)\n", Limits: testLimits()})
		if err != nil || fallback.n.Load() != 1 || res.Stdout != "fallback\n" {
			t.Fatalf("fallback ran %d times; %+v, %v", fallback.n.Load(), res, err)
		}
	})
}

// Cancelling the client's context hangs up, and the daemon stops the run
// and is free again.
func TestDaemonCancelStopsTheRun(t *testing.T) {
	cfg := DaemonConfig{Dir: daemonDir(t), Idle: time.Minute}
	serveDaemon(t, cfg)
	r, err := DialDaemon(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	lim := testLimits()
	lim.Time = time.Minute
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := r.Run(ctx, &Request{Code: "while True: pass\n", Limits: lim})
		errc <- err
	}()
	waitFor(t, "the run to start", func() bool { return waitWarm(t, cfg).Running == 1 })
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("run: %v, want context.Canceled", err)
	}
	waitFor(t, "the daemon to stop the run", func() bool { return waitWarm(t, cfg).Running == 0 })
	// And it still serves: the pool replaced the killed worker.
	r2, err := DialDaemon(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	res, err := r2.Run(context.Background(), &Request{Code: "print('next')\n", Limits: testLimits()})
	if err != nil || res.Stdout != "next\n" {
		t.Fatalf("%+v %v", res, err)
	}
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestDaemonIdleExitRemovesSocket(t *testing.T) {
	cfg := DaemonConfig{Dir: daemonDir(t), Idle: 200 * time.Millisecond}
	done := serveDaemon(t, cfg)
	ep, err := cfg.endpoint()
	if err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the daemon did not exit when idle")
	}
	for _, p := range []string{ep.socket, ep.lock} {
		if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("%s left behind: %v", p, err)
		}
	}
	if _, err := PingDaemon(context.Background(), cfg); !errors.Is(err, ErrNoDaemon) {
		t.Fatalf("ping after exit: %v", err)
	}
}

// A second daemon for the same binary and directory leaves the first one
// alone; StopDaemon stops the first.
func TestDaemonSingleInstanceAndStop(t *testing.T) {
	cfg := DaemonConfig{Dir: daemonDir(t), Idle: time.Minute}
	done := serveDaemon(t, cfg)
	first := waitWarm(t, cfg)
	if err := ServeDaemon(context.Background(), cfg, PoolOptions{Size: 1}); err != nil {
		t.Fatalf("second daemon: %v", err)
	}
	if again := waitWarm(t, cfg); again.PID != first.PID {
		t.Fatalf("pid %d, then %d", first.PID, again.PID)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := StopDaemon(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := StopDaemon(ctx, cfg); err != nil {
		t.Fatalf("stop without a daemon: %v", err)
	}
}

// A socket directory anyone else could write to (or swap) is refused by
// the client, the daemon and StartDaemon alike.
func TestDaemonRefusesUnsafeDir(t *testing.T) {
	base := filepath.Dir(daemonDir(t))
	open := filepath.Join(base, "open")
	if err := os.Mkdir(open, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(open, 0o755); err != nil {
		t.Fatal(err)
	}
	group := filepath.Join(base, "group")
	if err := os.Mkdir(group, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(group, 0o770); err != nil {
		t.Fatal(err)
	}
	private := filepath.Join(base, "private")
	if err := os.Mkdir(private, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(base, "link")
	if err := os.Symlink(private, link); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for dir, want := range map[string]string{open: "mode 0755", group: "mode 0770", link: "symlink", file: "not a directory", "rel": "not absolute"} {
		cfg := DaemonConfig{Dir: dir}
		if _, err := DialDaemon(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), want) || errors.Is(err, ErrNoDaemon) {
			t.Errorf("dial %s: %v, want %q", dir, err, want)
		}
		if err := StartDaemon(cfg); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("start %s: %v, want %q", dir, err, want)
		}
		if err := ServeDaemon(context.Background(), cfg, PoolOptions{}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("serve %s: %v, want %q", dir, err, want)
		}
	}
	// The private one is accepted, and a missing one is created private.
	fresh := filepath.Join(base, "fresh")
	for _, dir := range []string{private, fresh} {
		if err := ensurePrivateDir(dir); err != nil {
			t.Errorf("%s: %v", dir, err)
		}
	}
	if fi, err := os.Lstat(fresh); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("created %v %v", fi.Mode(), err)
	}
}

// fakeInfo is a FileInfo with a chosen mode and owner.
type fakeInfo struct {
	mode fs.FileMode
	uid  uint32
}

func (f fakeInfo) Name() string       { return "d" }
func (f fakeInfo) Size() int64        { return 0 }
func (f fakeInfo) Mode() fs.FileMode  { return f.mode }
func (f fakeInfo) ModTime() time.Time { return time.Time{} }
func (f fakeInfo) IsDir() bool        { return f.mode.IsDir() }
func (f fakeInfo) Sys() any           { return &syscall.Stat_t{Uid: f.uid} }

// Ownership cannot be set up without root; the verdict on it can be
// tested alone.
func TestCheckPrivateDir(t *testing.T) {
	const me = 1000
	for _, tc := range []struct {
		name string
		fi   fakeInfo
		want string // "" accepted
	}{
		{"private", fakeInfo{fs.ModeDir | 0o700, me}, ""},
		{"owner read only", fakeInfo{fs.ModeDir | 0o500, me}, ""},
		{"other owner", fakeInfo{fs.ModeDir | 0o700, 1001}, "owned by uid 1001"},
		{"root owner", fakeInfo{fs.ModeDir | 0o700, 0}, "owned by uid 0"},
		{"group readable", fakeInfo{fs.ModeDir | 0o740, me}, "mode 0740"},
		{"world writable", fakeInfo{fs.ModeDir | 0o702, me}, "mode 0702"},
		{"sticky world", fakeInfo{fs.ModeDir | fs.ModeSticky | 0o777, me}, "mode 0777"},
		{"symlink", fakeInfo{fs.ModeSymlink | 0o777, me}, "symlink"},
		{"file", fakeInfo{0o600, me}, "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := checkPrivateDir("/x/d", tc.fi, me)
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestCheckPeerUID(t *testing.T) {
	for _, tc := range []struct {
		peer, own int
		ok        bool
	}{{1000, 1000, true}, {0, 0, true}, {1001, 1000, false}, {0, 1000, false}, {1000, 0, false}} {
		if err := checkPeerUID(tc.peer, tc.own); (err == nil) != tc.ok {
			t.Errorf("peer %d own %d: %v", tc.peer, tc.own, err)
		}
	}
}

// The identity changes with the binary's content, and its socket name
// with it.
func TestBinaryIdentity(t *testing.T) {
	p := filepath.Join(t.TempDir(), "stelp")
	if err := os.WriteFile(p, []byte("v1"), 0o755); err != nil {
		t.Fatal(err)
	}
	a, err := binaryIdentity(p)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := binaryIdentity(p); again != a {
		t.Fatal("identity not stable")
	}
	if err := os.WriteFile(p, []byte("v2 longer"), 0o755); err != nil {
		t.Fatal(err)
	}
	if b, _ := binaryIdentity(p); b == a {
		t.Fatal("a rebuilt binary kept its identity")
	}
	if _, err := binaryIdentity(p + ".missing"); err == nil {
		t.Fatal("identity of a missing binary")
	}
}

// DaemonDisabled reads STELP_DAEMON.
func TestDaemonDisabled(t *testing.T) {
	for v, want := range map[string]bool{"": false, "on": false, "off": true, "OFF": true, "0": true, "false": true, "1": false} {
		t.Setenv(DaemonEnv, v)
		if DaemonDisabled() != want {
			t.Errorf("STELP_DAEMON=%q: disabled=%v", v, !want)
		}
	}
}

// One daemon per lock file; the file an exiting daemon removes is
// created afresh by the next one.
func TestLockEndpoint(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.lock")
	first, err := lockEndpoint(path)
	if err != nil || first == nil {
		t.Fatalf("first: %v %v", first, err)
	}
	if second, err := lockEndpoint(path); err != nil || second != nil {
		t.Fatalf("second while the first holds it: %v %v", second, err)
	}
	os.Remove(path)
	first.Close()
	third, err := lockEndpoint(path)
	if err != nil || third == nil {
		t.Fatalf("after the first exited: %v %v", third, err)
	}
	third.Close()
}

// A daemon with an ExecuteFunc takes whole programs: the call arrives
// with the client's policy intact and the daemon's pool as the runner; a
// daemon without one is refused before anything is sent.
func TestDaemonExecute(t *testing.T) {
	ctx := context.Background()
	var got *ExecuteCall
	var gotRunner Runner
	cfg := executingDaemon(t, &got, &gotRunner)
	serveDaemon(t, cfg)
	pol := policy.Policy{
		Rules:        map[string]policy.Severity{"SP101": policy.SeverityOff, "SP301": policy.SeverityWarning},
		ModulesAllow: []string{"math", "re"},
		Limits:       testLimits(),
		Files:        true,
	}
	call := &ExecuteCall{Source: "print(input() * 2)\n", Policy: pol, Gate: true, Trace: true, Stdin: "ab\n"}
	r, err := DialDaemon(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !r.CanExecute() {
		t.Fatal("the daemon does not offer Execute")
	}
	res, err := r.Execute(ctx, call)
	r.Close()
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusOK || res.Stdout != "abab\n" {
		t.Fatalf("result %+v", res)
	}
	if got == nil || !reflect.DeepEqual(*got, *call) {
		t.Fatalf("the daemon received %+v, the client sent %+v", got, call)
	}
	if _, ok := gotRunner.(*Pool); !ok {
		t.Fatalf("the daemon ran it on %T, not its pool", gotRunner)
	}

	plain := DaemonConfig{Dir: daemonDir(t), Idle: time.Minute}
	serveDaemon(t, plain)
	r, err = DialDaemon(ctx, plain)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.CanExecute() {
		t.Fatal("a daemon without an ExecuteFunc offers Execute")
	}
	if _, err := r.Execute(ctx, call); !errors.Is(err, ErrNotSent) {
		t.Fatalf("Execute on a plain daemon: %v, want ErrNotSent", err)
	}
}

// ExecuteOnDaemon sends the call without waiting for the hello first, and
// still never leaves a program to a daemon that will not run it: every
// way it is not taken is ErrNotSent, so the client runs it itself.
func TestExecuteOnDaemon(t *testing.T) {
	ctx := context.Background()
	var got *ExecuteCall
	var gotRunner Runner
	cfg := executingDaemon(t, &got, &gotRunner)
	call := &ExecuteCall{Source: "print(input() * 2)\n", Policy: policy.Policy{Rules: map[string]policy.Severity{"SP301": policy.SeverityWarning},
		ModulesAllow: []string{"math"}, Limits: testLimits()}, Gate: true, Stdin: "ab\n"}

	if _, err := ExecuteOnDaemon(ctx, cfg, call); !errors.Is(err, ErrNoDaemon) || !errors.Is(err, ErrNotSent) {
		t.Fatalf("no daemon: %v, want ErrNoDaemon and ErrNotSent", err)
	}

	serveDaemon(t, cfg)
	res, err := ExecuteOnDaemon(ctx, cfg, call)
	if err != nil || res.Status != StatusOK || res.Stdout != "abab\n" {
		t.Fatalf("result %+v, %v", res, err)
	}
	if got == nil || !reflect.DeepEqual(*got, *call) {
		t.Fatalf("the daemon received %+v, the client sent %+v", got, call)
	}
	if _, ok := gotRunner.(Preparer); !ok {
		t.Fatalf("the daemon ran it on %T, not its pool", gotRunner)
	}

	plain := DaemonConfig{Dir: daemonDir(t), Idle: time.Minute}
	serveDaemon(t, plain)
	if _, err := ExecuteOnDaemon(ctx, plain, call); !errors.Is(err, ErrNotSent) {
		t.Fatalf("a daemon without Execute: %v, want ErrNotSent", err)
	}

	for _, tc := range []struct {
		name  string
		serve func(c *net.UnixConn, id string)
	}{
		{"warming up", func(c *net.UnixConn, id string) {
			// As the real one: hello, the call read, an error reply.
			_ = writeFrame(c, daemonHello{Protocol: daemonProtocol, Identity: id, Execute: true})
			var call daemonCall
			_ = readFrame(c, &call)
			_ = writeFrame(c, daemonReply{Error: "daemon workers are not ready"})
		}},
		{"closing", func(c *net.UnixConn, id string) {}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DaemonConfig{Dir: daemonDir(t)}
			ep, err := cfg.endpoint()
			if err != nil {
				t.Fatal(err)
			}
			fakeDaemon(t, ep.socket, func(c *net.UnixConn) { tc.serve(c, ep.identity) })
			res, err := ExecuteOnDaemon(ctx, cfg, call)
			if !errors.Is(err, ErrNotSent) || res != nil {
				t.Fatalf("%+v, %v; want ErrNotSent", res, err)
			}
		})
	}
}

// executingDaemon is the config of a daemon that takes whole programs and
// runs their source as is, recording the call and the runner it got; the
// caller serves it.
func executingDaemon(t *testing.T, got **ExecuteCall, gotRunner *Runner) DaemonConfig {
	return DaemonConfig{Dir: daemonDir(t), Idle: time.Minute, Execute: func(ctx context.Context, call *ExecuteCall, runner Runner) (*Result, error) {
		*got, *gotRunner = call, runner
		return runner.Run(ctx, &Request{Code: call.Source, Stdin: call.Stdin, Limits: call.Policy.Limits})
	}}
}
