package pipeline

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

// TestLimitsBoundaries checks that each limit lets a program just under
// it run and stops one just over it, with the right kind.
func TestLimitsBoundaries(t *testing.T) {
	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	rec := "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\nprint(depth(%d))\n"
	cases := []struct {
		name, code string
		status     exec.Status
		kind       string
	}{
		// depth(n) is n+1 calls deep; the limit is 200.
		{"recursion at the limit", sprintf(rec, 199), exec.StatusOK, ""},
		{"recursion one over", sprintf(rec, 200), exec.StatusLimit, "recursion"},
		{"recursion through sorted key", "def k(x):\n    return x if x < 1 else k(x - 1)\nprint(sorted([30, 10, 20], key=k))\n", exec.StatusOK, ""},
		{"steps under", "t = 0\nfor i in range(10000):\n    t += i\nprint(t)\n", exec.StatusOK, ""},
		{"steps over", "t = 0\nfor i in range(100000):\n    t += i\n", exec.StatusLimit, "steps"},
		{"memory under", "x = [0] * (10**6)\nprint(len(x))\n", exec.StatusOK, ""},
		{"memory over", "x = [0] * (10**8)\nprint(len(x))\n", exec.StatusLimit, "memory"},
		{"output under", "print('x' * 1000)\n", exec.StatusOK, ""},
		{"output over", "for i in range(100):\n    print('x' * 1000)\n", exec.StatusLimit, "output"},
	}
	pol := policy.Default()
	pol.Limits = policy.Limits{Time: 5 * time.Second, Steps: 50_000, MemoryMB: 256, Recursion: 200, OutputKB: 16}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Execute(ctx, []byte(c.code), pol, Options{Gate: false, Runner: pool})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != c.status {
				t.Fatalf("status %s, want %s: %+v %+v %+v", res.Status, c.status, res.Limit, res.Exception, res.Violations)
			}
			if c.kind != "" && (res.Limit == nil || res.Limit.Kind != c.kind) {
				t.Fatalf("limit %+v, want kind %s", res.Limit, c.kind)
			}
		})
	}
}

func TestGateBlocks(t *testing.T) {
	src := []byte("import os\nos.system('id')\n")
	res, err := Execute(context.Background(), src, policy.Default(), Options{Gate: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusBlocked || len(res.Findings) == 0 || res.Stdout != "" {
		t.Fatalf("want blocked with findings: %+v", res)
	}
}

// On a warm pool, the worker readied for a program that is then blocked
// or refused goes back to the pool: with one worker, every next run still
// gets it.
func TestBlockedRunsGiveThePreparedWorkerBack(t *testing.T) {
	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 1, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	for _, c := range []struct {
		src  string
		want exec.Status
	}{
		{"import os\nos.system('id')\n", exec.StatusBlocked},
		{"x = 1\ndef f(:\n", exec.StatusBlocked},
		{"print('ran')\n", exec.StatusOK},
		{"eval('1')\n", exec.StatusBlocked},
		{"print('again')\n", exec.StatusOK},
	} {
		rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		res, err := Execute(rctx, []byte(c.src), policy.Default(), Options{Gate: true, Runner: pool})
		cancel()
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		if res.Status != c.want {
			t.Fatalf("%q: status %s, want %s", c.src, res.Status, c.want)
		}
	}
}

func TestUnsupportedIsAnError(t *testing.T) {
	res, err := Execute(context.Background(), []byte("x = 1\ndef f(:\n"), policy.Default(), Options{Gate: false})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusError || res.Exception == nil || res.Exception.Line != 2 {
		t.Fatalf("want an error on line 2: %+v %+v", res, res.Exception)
	}
}
func sprintf(f string, a ...any) string { return fmt.Sprintf(f, a...) }

// TestDefaultRecursionMatchesCPython: benign recursive code as deep as
// CPython allows (1000 frames) runs under the default policy, also through
// builtins (sorted's key) and generators; one frame more is a limit.
func TestDefaultRecursionMatchesCPython(t *testing.T) {
	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	cases := []struct {
		name, code string
		status     exec.Status
	}{
		{"plain at 1000", "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(999))\n", exec.StatusOK},
		{"plain over 1000", "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\nprint(d(1000))\n", exec.StatusLimit},
		{"through sorted key", "def f(n):\n    return 0 if n == 0 else sorted([n], key=lambda v: f(v - 1))[0]\nprint(f(490))\n", exec.StatusOK},
		{"recursive generator", "def g(n):\n    if n:\n        yield from g(n - 1)\n    yield n\nprint(sum(g(300)))\n", exec.StatusOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := Execute(ctx, []byte(c.code), policy.Default(), Options{Gate: true, Runner: pool})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != c.status {
				t.Fatalf("status %s, want %s: %+v %+v", res.Status, c.status, res.Limit, res.Exception)
			}
		})
	}
}
