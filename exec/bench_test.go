package exec

import (
	"context"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

var trivial = &Request{Code: "x = 1\nprint(x)\n"}

// BenchmarkRunTrivialOneShot is what `stelp run` pays per program beyond
// its own start: a fresh worker (re-exec, warm-up, lock-down) and one run.
func BenchmarkRunTrivialOneShot(b *testing.B) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		res, err := OneShot{}.Run(ctx, trivial)
		if err != nil || res.Status != StatusOK {
			b.Fatalf("%v %+v", err, res)
		}
	}
}

// BenchmarkRunStartedOneShot is the exec part of `stelp run`: a worker
// started ahead of its request (OneShot.Start), the request sent before
// the worker's hello, one run. worker-cpu-ms/op is the worker process's
// own CPU time (user + system), which a loaded machine distorts less than
// ns/op.
func BenchmarkRunStartedOneShot(b *testing.B) { benchStarted(b, trivial) }

// BenchmarkRunStartedOneShotTyping is the same for the line most HumanEval
// programs start with: a one-shot worker compiles the runtime's Python
// modules that the import loads.
func BenchmarkRunStartedOneShotTyping(b *testing.B) {
	benchStarted(b, &Request{Code: "from typing import List\nprint(List)\n", ModulesAllow: []string{"typing"}})
}

func benchStarted(b *testing.B, req *Request) {
	ctx := context.Background()
	before := childrenCPU()
	for i := 0; i < b.N; i++ {
		s := OneShot{}.Start(ctx, 0)
		res, err := s.Run(ctx, req)
		if err != nil || res.Status != StatusOK {
			b.Fatalf("%v %+v", err, res)
		}
		<-s.w.exited // reaped, so its CPU time is counted
	}
	b.ReportMetric(float64(childrenCPU()-before)/float64(time.Millisecond)/float64(b.N), "worker-cpu-ms/op")
}

func childrenCPU() time.Duration {
	var ru unix.Rusage
	_ = unix.Getrusage(unix.RUSAGE_CHILDREN, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPoolRunTrivial is a warm worker's per-run overhead: framing,
// a fresh interpreter context, guards, and the reply.
func BenchmarkPoolRunTrivial(b *testing.B) {
	ctx := context.Background()
	p, err := NewPool(ctx, PoolOptions{Size: 1})
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := p.Run(ctx, trivial)
		if err != nil || res.Status != StatusOK {
			b.Fatalf("%v %+v", err, res)
		}
	}
}

// BenchmarkInterpRunTrivial is the in-worker part of a run (fresh context,
// runtime install, guards, prelude, compile, run), without the pipes.
func BenchmarkInterpRunTrivial(b *testing.B) {
	in := newInterp(currentExtensions())
	for i := 0; i < b.N; i++ {
		if res := in.run(trivial); res.Status != StatusOK {
			b.Fatalf("%+v", res)
		}
	}
}

// BenchmarkIterateLongString walks a 50,000-character str through the
// budgeted iterator the instrumentation puts on every for loop. It was
// quadratic (gpython's index-based str iteration) and must stay linear:
// compare ns/op against BenchmarkInterpRunTrivial.
func BenchmarkIterateLongString(b *testing.B) {
	in := newInterp(currentExtensions())
	req := &Request{Code: "s = 'é' * 50000\nn = 0\nfor c in __stelp_iter__(s, 3):\n    n += c == 'é'\nassert n == 50000\n"}
	for i := 0; i < b.N; i++ {
		if res := in.run(req); res.Status != StatusOK {
			b.Fatalf("%+v", res)
		}
	}
}
