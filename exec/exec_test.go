package exec

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

func testLimits() policy.Limits {
	return policy.Limits{Time: 3 * time.Second, MemoryMB: 256, Steps: 100000, Recursion: 100, OutputKB: 64}
}

func TestOneShotStatuses(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, code string
		status     Status
		kind       string
	}{
		{"ok", "print('hi', 1+2)\n", StatusOK, ""},
		{"error", "def f():\n    raise ValueError('bad')\nf()\n", StatusError, "ValueError"},
		{"import", "import os\n", StatusViolation, "import"},
		{"builtin", "e = eval\ntry:\n    e('1')\nexcept BaseException:\n    pass\nprint('after')\n", StatusViolation, "builtin"},
		{"steps", "while __stelp_tick__(1): pass\n", StatusLimit, "steps"},
		{"timeout", "while True: pass\n", StatusLimit, "time"},
		{"stack", "def f(n): return f(n+1)\nf(0)\n", StatusLimit, "recursion"},
		{"alloc", "x = [0]*10**10\n", StatusLimit, "memory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lim := testLimits()
			if c.name == "timeout" {
				lim.Time = 500 * time.Millisecond
			}
			res, err := OneShot{}.Run(ctx, &Request{Code: c.code, Limits: lim})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != c.status {
				t.Fatalf("status %s, want %s: %+v", res.Status, c.status, res)
			}
			got := res.Reason()
			if got != c.kind {
				t.Fatalf("kind %q, want %q: %+v", got, c.kind, res)
			}
			if c.name == "builtin" && res.Stdout != "" {
				t.Fatalf("program continued after a caught violation: %q", res.Stdout)
			}
		})
	}
}

func TestPoolReuseAndReplace(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for i, code := range []string{"x = 1\nprint(x)\n", "while True: pass\n", "print('again')\n"} {
		lim := testLimits()
		lim.Time = time.Second
		res, err := p.Run(ctx, &Request{Code: code, Limits: lim})
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		want := StatusOK
		if i == 1 {
			want = StatusLimit
		}
		if res.Status != want {
			t.Fatalf("run %d: status %s, want %s (%+v)", i, res.Status, want, res)
		}
	}
}

func TestPoolCancel(t *testing.T) {
	p, err := NewPool(context.Background(), PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = p.Run(ctx, &Request{Code: "while True: pass\n", Limits: policy.Limits{Time: 20 * time.Second}})
	if err == nil {
		t.Fatal("cancelled run returned no error")
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("cancel took %s", time.Since(start))
	}
}

// A program that rewrites a built-in type's method table (shared by the
// whole worker process) must not leave the change to the next program.
func TestPoolTaintedWorkerReplaced(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	first, err := p.Run(ctx, &Request{Code: "str.replace = len\nint.evil = 1\nprint('x'.replace('x', 'y'))\n", Limits: testLimits()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tainting run: %s %q %+v", first.Status, first.Stdout, first.Exception)
	res, err := p.Run(ctx, &Request{Code: "print('x'.replace('x', 'y'), hasattr(int, 'evil'))\n", Limits: testLimits()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusOK || res.Stdout != "y False\n" {
		t.Fatalf("next run saw the change: %+v %+v", res, res.Exception)
	}
}

func TestInputAndTrace(t *testing.T) {
	res, err := OneShot{}.Run(context.Background(), &Request{
		Code:   "a = input()\n__stelp_trace__(1, 'a', a)\nb = input()\n",
		Stdin:  "one\n",
		Trace:  true,
		Limits: testLimits(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusError || res.Exception.Type != "EOFError" || res.Exception.Line != 3 {
		t.Fatalf("want EOFError on line 3: %+v", res)
	}
	if len(res.Trace) != 1 || res.Trace[0].Values["a"] != "'one'" {
		t.Fatalf("trace: %+v", res.Trace)
	}
}

func TestOutputCap(t *testing.T) {
	lim := testLimits()
	lim.OutputKB = 1
	res, err := OneShot{}.Run(context.Background(), &Request{Code: "print('y' * 5000)\n", Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusLimit || res.Limit.Kind != "output" || len(res.Stdout) != 1024 {
		t.Fatalf("want output limit with 1 KiB kept: status %s, %d bytes", res.Status, len(res.Stdout))
	}
}

func TestFilesVFS(t *testing.T) {
	res, err := OneShot{}.Run(context.Background(), &Request{
		Code:         "with open('in.txt') as f:\n    data = f.read()\nout = open('out.txt', 'w')\nout.write(data.replace('h', 'H'))\nout.close()\nprint(open('out.txt').read())\nopen('/etc/passwd')\n",
		Files:        map[string]string{"in.txt": "hello"},
		FilesAllowed: true,
		Limits:       testLimits(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Stdout != "Hello\n" || res.Status != StatusError || res.Exception.Type != "FileNotFoundError" {
		t.Fatalf("vfs: %+v %+v", res, res.Exception)
	}
}

// Ordinary programs, imports included, must not make the pool replace its
// worker (a false taint would cost a worker start per run).
func TestPoolReusesWorker(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	progs := []string{
		"import collections, itertools, functools, heapq, math, re, json\nprint(collections.Counter('aab').most_common(1))\n",
		"import collections\nd = collections.defaultdict(list)\nd[1].append(2)\nprint(dict(d))\n",
		"class A:\n    def __init__(self):\n        self.x = [1, 2]\nprint(A().x, '{:>4}'.format(7), 'a,b'.split(','))\n",
		"print(sorted({3: 'c', 1: 'a'}.items()))\n",
	}
	for i := 0; i < 2; i++ {
		for _, code := range progs {
			res, err := p.Run(ctx, &Request{Code: code, Limits: testLimits(), ModulesAllow: []string{"collections", "itertools", "functools", "heapq", "math", "re", "json"}})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != StatusOK {
				t.Fatalf("%q: %s %+v %+v", code, res.Status, res.Exception, res.Violations)
			}
		}
	}
	if n := p.spawned.Load(); n != 1 {
		t.Fatalf("pool started %d workers for 8 ordinary runs, want 1", n)
	}
}

// A run asking for less memory than the pool's budget gets the lower cap.
func TestPoolHonoursLowerMemoryLimit(t *testing.T) {
	ctx := context.Background()
	p, err := NewPool(ctx, PoolOptions{Size: 1, MemoryMB: 1024})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	lim := testLimits()
	lim.MemoryMB = 128
	res, err := p.Run(ctx, &Request{Code: "x = bytes(160 * 2**20)\nprint(len(x))\n", Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusLimit || res.Limit.Kind != "memory" {
		t.Fatalf("160 MiB bytes under a 128 MiB limit: %s %+v", res.Status, res.Limit)
	}
	lim.MemoryMB = 1024
	res, err = p.Run(ctx, &Request{Code: "x = bytes(160 * 2**20)\nprint(len(x))\n", Limits: lim})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != StatusOK {
		t.Fatalf("160 MiB bytes under a 1 GiB limit: %s %+v %+v", res.Status, res.Limit, res.Exception)
	}
}

// TestWorkerEnvironIsClean: a worker gets Go runtime settings and its own
// variables, never the rest of the parent's environment (tokens, keys).
func TestWorkerEnvironIsClean(t *testing.T) {
	t.Setenv("STELP_TEST_API_TOKEN", "s3cret")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "s3cret")
	t.Setenv("GOGC", "150")
	t.Setenv("GODEBUG", "madvdontneed=1")
	env := workerEnviron(256, true)
	var godebug string
	for _, kv := range env {
		if strings.Contains(kv, "s3cret") {
			t.Errorf("worker environment leaks %q", kv)
		}
		if v, ok := strings.CutPrefix(kv, "GODEBUG="); ok {
			godebug = v
		}
	}
	for _, want := range []string{"GOGC=150", workerEnv + "=1", workerOnceEnv + "=1", workerMemEnv + "=256", "GOMAXPROCS=1"} {
		if !slices.Contains(env, want) {
			t.Errorf("worker environment lacks %s: %v", want, env)
		}
	}
	if !strings.Contains(godebug, "madvdontneed=1") || !strings.Contains(godebug, "gcshrinkstackoff=1") {
		t.Errorf("GODEBUG = %q, want the parent's settings plus gcshrinkstackoff=1", godebug)
	}
}
