package exec

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/go-python/gpython/py"
)

// deepFrames recurses n times in 1 KiB frames and returns the stack
// pointer of its caller's frame as seen at the bottom.
//
//go:noinline
func deepFrames(n int) int {
	var pad [1 << 10]byte
	pad[n%len(pad)] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deepFrames(n-1) + int(pad[n%len(pad)])
}

// stackMoves reports whether the stack of a fresh goroutine moves while
// it recurses about 6 MiB deep, with or without preGrowStack first.
func stackMoves(pregrow bool) bool {
	moved := make(chan bool)
	go func() {
		if pregrow {
			preGrowStack()
		}
		before := stackPointer()
		deepFrames(6 << 10)
		moved <- stackPointer() != before
	}()
	return <-moved
}

// TestPreGrowStackKeepsStackInPlace is what depthTracker relies on: after
// preGrowStack, recursion within workerStack never moves the stack.
func TestPreGrowStackKeepsStackInPlace(t *testing.T) {
	// No collection, so no stack shrinking, as gcshrinkstackoff=1 gives
	// the worker.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	if !stackMoves(false) {
		t.Fatal("control: a 6 MiB recursion did not move an ordinary goroutine's stack")
	}
	if stackMoves(true) {
		t.Fatal("the stack moved after preGrowStack")
	}
}

// depthProgram calls __stelp_enter__ as instrumented functions do: d(n)
// is n+1 calls deep.
const depthProgram = `def d(n):
    __stelp_enter__(1)
    return 0 if n == 0 else 1 + d(n - 1)
for n in [%s]:
    print(d(n))
`

// TestRecursionLimitExactOneShot recurses right up to a deep recursion
// limit, and just over it, in fresh workers, where the first deep
// recursion is the one that would grow and move an ordinary stack.
// Moved under depthTracker, the stack would make it forget live frames
// (missing the limit) or keep returned ones (stopping too early).
func TestRecursionLimitExactOneShot(t *testing.T) {
	ctx := context.Background()
	lim := testLimits()
	lim.Recursion = 1000
	cases := []struct {
		depths string
		status Status
		stdout string
	}{
		{"999, 3, 999, 999, 999", StatusOK, "999\n3\n999\n999\n999\n"},
		{"1000", StatusLimit, ""},
	}
	for _, c := range cases {
		req := &Request{Code: fmt.Sprintf(depthProgram, c.depths), Limits: lim}
		started := OneShot{}.Start(ctx, lim.MemoryMB)
		defer started.Close()
		for name, r := range map[string]Runner{"OneShot": OneShot{}, "Started": started} {
			t.Run(name+" "+c.depths, func(t *testing.T) {
				res, err := r.Run(ctx, req)
				if err != nil {
					t.Fatal(err)
				}
				if res.Status != c.status || res.Stdout != c.stdout {
					t.Fatalf("got %s %q, want %s %q: %+v %+v", res.Status, res.Stdout, c.status, c.stdout, res.Limit, res.Exception)
				}
				if c.status == StatusLimit && (res.Limit == nil || res.Limit.Kind != "recursion" ||
					!strings.Contains(res.Limit.Detail, "exceeded 1000")) {
					t.Fatalf("want the recursion limit of 1000, got %+v", res.Limit)
				}
			})
		}
	}
}

// TestStartedClose ends a worker that no request took, whether it had
// said hello or was still starting.
func TestStartedClose(t *testing.T) {
	ctx := context.Background()
	for _, wait := range []bool{true, false} {
		s := OneShot{}.Start(ctx, 256)
		if wait {
			<-s.ready
			if s.startErr != nil || s.helloErr != nil {
				t.Fatal(s.startErr, s.helloErr)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		<-s.ready
		if s.w == nil {
			continue // cancelled before the process started
		}
		select {
		case <-s.w.exited:
		default:
			t.Fatalf("wait=%v: worker still running after Close", wait)
		}
		if _, err := s.Run(ctx, &Request{Code: "print(1)\n", Limits: testLimits()}); err != nil {
			t.Fatalf("a closed Started must still run on a fresh worker: %v", err)
		}
	}
}

// TestStartedOneRequestPerWorker: the started worker serves one request;
// a second, or one that needs a bigger memory cap than the worker was
// locked down with, gets a fresh worker.
func TestStartedOneRequestPerWorker(t *testing.T) {
	ctx := context.Background()
	lim := testLimits()
	s := OneShot{}.Start(ctx, lim.MemoryMB)
	defer s.Close()
	prog := "print(sum(range(3)))\n"
	first, err := s.Run(ctx, &Request{Code: prog, Limits: lim})
	if err != nil || first.Status != StatusOK || first.Stdout != "3\n" {
		t.Fatalf("first run: %v %+v", err, first)
	}
	select {
	case <-s.w.exited:
	case <-time.After(5 * time.Second):
		t.Fatal("the one-shot worker did not exit after its run")
	}
	second, err := s.Run(ctx, &Request{Code: prog, Limits: lim})
	if err != nil || second.Status != StatusOK || second.Stdout != "3\n" {
		t.Fatalf("second run: %v %+v", err, second)
	}

	big := OneShot{}.Start(ctx, 64) // too small for x: a memory limit
	defer big.Close()
	lim.MemoryMB = 256
	lim.Time = 30 * time.Second // building x is slow in gpython, slower on a busy machine
	res, err := big.Run(ctx, &Request{Code: "x = [0] * (4 * 10**6)\nprint(len(x))\n", Limits: lim})
	if err != nil || res.Status != StatusOK {
		t.Fatalf("a run needing more memory than the started worker has: %v %+v", err, res)
	}
	<-big.ready
	if big.w != nil {
		select {
		case <-big.w.exited:
		default:
			t.Fatal("the too-small started worker was not ended")
		}
	}
}

// TestStartedRequestBeforeHello sends the request into the pipe while the
// worker is still starting: one larger than the pipe's buffer must wait
// for the worker, a busy program must still meet its wall-clock limit,
// and a worker that cannot start must fail the run, not hang it.
func TestStartedRequestBeforeHello(t *testing.T) {
	ctx := context.Background()
	lim := testLimits()
	line := strings.Repeat("x", 300_000) // over the 64 KiB pipe buffer
	res, err := OneShot{}.Start(ctx, lim.MemoryMB).Run(ctx, &Request{Code: "print(len(input()))\n", Stdin: line + "\n", Limits: lim})
	if err != nil || res.Status != StatusOK || res.Stdout != "300000\n" {
		t.Fatalf("big request: %v %+v", err, res)
	}

	lim.Time = 300 * time.Millisecond
	res, err = OneShot{}.Start(ctx, lim.MemoryMB).Run(ctx, &Request{Code: "while True: pass\n", Limits: lim})
	if err != nil || res.Status != StatusLimit || res.Limit == nil || res.Limit.Kind != "time" {
		t.Fatalf("busy program: %v %+v", err, res)
	}

	s := OneShot{Exe: "/nonexistent/stelp"}.Start(ctx, lim.MemoryMB)
	if res, err := s.Run(ctx, &Request{Code: "print(1)\n", Limits: lim}); err == nil {
		t.Fatalf("a worker that cannot start ran the program: %+v", res)
	}

	cctx, cancel := context.WithCancel(ctx)
	s = OneShot{}.Start(ctx, lim.MemoryMB)
	cancel()
	if _, err := s.Run(cctx, &Request{Code: "print(1)\n", Limits: lim}); err == nil {
		t.Fatal("a cancelled run did not fail")
	}
	<-s.ready
	if s.w != nil {
		select {
		case <-s.w.exited:
		case <-time.After(5 * time.Second):
			t.Fatal("the worker of a cancelled run is still running")
		}
	}
}

// TestPreludeOnDemand: a one-shot worker compiles and runs the prelude
// only for a program that names one of its helpers, here directly and
// from inside a function.
func TestPreludeOnDemand(t *testing.T) {
	ctx := context.Background()
	cases := []struct{ code, stdout, exc string }{
		{"print(__stelp_id__(5))\n", "5\n", ""},
		{"def f(x):\n    return __stelp_star_list__([x], [x])\nprint(f(2))\n", "[2, 2]\n", ""},
		{"print(1)\n", "1\n", ""},
		{"print(__stelp_no_such_helper__)\n", "", "NameError"},
	}
	for _, c := range cases {
		res, err := OneShot{}.Run(ctx, &Request{Code: c.code, Limits: testLimits()})
		if err != nil {
			t.Fatal(err)
		}
		exc := ""
		if res.Exception != nil {
			exc = res.Exception.Type
		}
		if res.Stdout != c.stdout || exc != c.exc {
			t.Errorf("%q: stdout %q, exception %q; want %q, %q (%+v)", c.code, res.Stdout, exc, c.stdout, c.exc, res)
		}
	}
}

func TestNeedsPrelude(t *testing.T) {
	b := py.StringDict{"__stelp_tick__": py.True, "print": py.True}
	for code, want := range map[string]bool{
		"print(1)\n":            false,
		"__stelp_tick__(1)\n":   false,
		"x = __stelp_id__(1)\n": true,
		"def f():\n    def g():\n        return __stelp_walrus__\n": true,
		"class C:\n    y = __stelp_ann__\n":                         true,
	} {
		c, err := py.Compile(code, "<t>", py.ExecMode, 0, true)
		if err != nil {
			t.Fatal(err)
		}
		if got := needsPrelude(c, b); got != want {
			t.Errorf("%q: needsPrelude %v, want %v", code, got, want)
		}
	}
}
