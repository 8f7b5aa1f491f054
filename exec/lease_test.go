package exec

import (
	"testing"
	"time"
)

// A prepared run goes to the worker Prepare woke, and the pool keeps it.
func TestLeaseRunsOnPreparedWorker(t *testing.T) {
	p := newTestPool(t, 1)
	for i := 0; i < 3; i++ {
		l := p.Prepare()
		res, err := l.Run(t.Context(), &Request{Code: "print(sum(range(10)))\n", Limits: testLimits()})
		if err != nil || res.Status != StatusOK || res.Stdout != "45\n" {
			t.Fatalf("run %d: %v %+v", i, err, res)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if n := p.spawned.Load(); n != 1 {
		t.Fatalf("pool started %d workers for 3 prepared runs, want 1", n)
	}
}

// A lease closed unused (the program was blocked) gives its worker back,
// and the worker, woken for nothing, serves the next run.
func TestLeaseClosedUnusedGivesWorkerBack(t *testing.T) {
	p := newTestPool(t, 1)
	l := p.Prepare()
	if l.(*Lease).w == nil && p.wakeAhead {
		t.Fatal("Prepare reserved no worker from an idle pool")
	}
	l.Close()
	l.Close() // twice is harmless
	time.Sleep(2 * wakeSpin)
	res, err := p.Run(t.Context(), &Request{Code: "print('next')\n", Limits: testLimits()})
	if err != nil || res.Status != StatusOK || res.Stdout != "next\n" {
		t.Fatalf("run after an unused lease: %v %+v", err, res)
	}
	if n := p.spawned.Load(); n != 1 {
		t.Fatalf("pool started %d workers, want 1", n)
	}
}

// With every worker reserved, a second lease waits its turn like any run
// rather than starting a worker or failing.
func TestLeaseWaitsWhenPoolBusy(t *testing.T) {
	p := newTestPool(t, 1)
	first := p.Prepare()
	second := p.Prepare()
	done := make(chan *Result, 1)
	go func() {
		res, err := second.Run(t.Context(), &Request{Code: "print(2)\n", Limits: testLimits()})
		if err != nil {
			t.Error(err)
		}
		done <- res
		second.Close()
	}()
	select {
	case res := <-done:
		if p.wakeAhead {
			t.Fatalf("second lease ran while the first held the only worker: %+v", res)
		}
	case <-time.After(50 * time.Millisecond):
	}
	res, err := first.Run(t.Context(), &Request{Code: "print(1)\n", Limits: testLimits()})
	if err != nil || res.Stdout != "1\n" {
		t.Fatalf("first: %v %+v", err, res)
	}
	first.Close()
	if res := <-done; res == nil || res.Stdout != "2\n" {
		t.Fatalf("second: %+v", res)
	}
	if n := p.spawned.Load(); n != 1 {
		t.Fatalf("pool started %d workers, want 1", n)
	}
}

// A prepared run that asks for more memory than the pool's workers have
// runs in a worker of its own; the reserved one goes back to the pool.
func TestLeaseLargerMemoryRunsOnce(t *testing.T) {
	p := newTestPool(t, 1)
	l := p.Prepare()
	lim := testLimits()
	lim.MemoryMB = 512
	res, err := l.Run(t.Context(), &Request{Code: "x = bytes(300 * 2**20)\nprint(len(x) >> 20)\n", Limits: lim})
	if err != nil || res.Status != StatusOK || res.Stdout != "300\n" {
		t.Fatalf("512 MiB run: %v %+v %+v", err, res, res.Limit)
	}
	l.Close()
	res, err = p.Run(t.Context(), &Request{Code: "print('pool')\n", Limits: testLimits()})
	if err != nil || res.Stdout != "pool\n" {
		t.Fatalf("pool run after: %v %+v", err, res)
	}
	if n := p.spawned.Load(); n != 1 {
		t.Fatalf("pool started %d workers, want 1", n)
	}
}

// newTestPool starts a pool of size workers with 256 MiB each, closed
// when the test ends.
func newTestPool(t *testing.T, size int) *Pool {
	t.Helper()
	p, err := NewPool(t.Context(), PoolOptions{Size: size, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}
