package exec

import (
	"context"
	"testing"
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
