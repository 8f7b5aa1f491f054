package pipeline

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

var (
	fuzzPoolOnce sync.Once
	fuzzPool     *exec.Pool
	fuzzPoolErr  error
)

// FuzzRun feeds small random programs through the whole pipeline with the
// gate off: whatever the program, the caller gets a result with a valid
// status in bounded time, and never crashes.
func FuzzRun(f *testing.F) {
	for _, seed := range []string{
		"print(1)\n",
		"x = [i*i for i in range(10)]\nprint(sum(x))\n",
		"def f(n):\n    return f(n+1)\nf(0)\n",
		"while True:\n    pass\n",
		"import os\n",
		"e = eval\ne('1')\n",
		"def f():\n    pass\nprint(f.__globals__)\n",
		"try:\n    1/0\nexcept ZeroDivisionError as e:\n    print(e)\n",
		"class A:\n    def __init__(self):\n        self.x = 1\nprint(A().x)\n",
		"s = 'ab' * 3\nprint(s.upper())\n",
		"x = (\n",
		"print(input())\n",
		"match x:\n    case 1: pass\n",
		"f'{1+1}'\n",
		"lambda: (yield)\n",
		"del x.__dict__\n",
		"for x in range(3): print(x); print(x)\n",
	} {
		f.Add(seed)
	}
	pol := policy.Default()
	pol.Limits = policy.Limits{Time: time.Second, Steps: 100_000, MemoryMB: 256, Recursion: 50, OutputKB: 16}
	f.Fuzz(func(t *testing.T, src string) {
		fuzzPoolOnce.Do(func() {
			fuzzPool, fuzzPoolErr = exec.NewPool(context.Background(), exec.PoolOptions{Size: 1, MemoryMB: 256})
		})
		if fuzzPoolErr != nil {
			t.Fatal(fuzzPoolErr)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		res, err := Execute(ctx, []byte(src), pol, Options{Gate: false, Runner: fuzzPool, Stdin: "fuzz\n"})
		if err != nil {
			t.Fatalf("pipeline failed on %q: %v", src, err)
		}
		switch res.Status {
		case exec.StatusOK, exec.StatusError, exec.StatusViolation, exec.StatusLimit:
		default:
			t.Fatalf("status %q for %q", res.Status, src)
		}
		if res.Status == exec.StatusLimit && res.Limit == nil {
			t.Fatalf("limit without kind for %q", src)
		}
		if res.Status == exec.StatusViolation && len(res.Violations) == 0 {
			t.Fatalf("violation without detail for %q", src)
		}
	})
}
