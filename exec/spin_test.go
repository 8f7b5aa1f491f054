package exec

import (
	"io"
	"os"
	"testing"
	"time"
)

// The worker's request pipe, polled or slept on, delivers every byte and
// then the end of the pipe.
func TestStdinReaderPollsThenSleeps(t *testing.T) {
	for _, spin := range []time.Duration{0, wakeSpin, time.Second} {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		in := newStdinReader(int(r.Fd()))
		in.spinFor(spin)
		go func() {
			// Later than a short spin lasts, so that reader sleeps.
			time.Sleep(20 * time.Millisecond)
			_, _ = w.Write([]byte("frame"))
			time.Sleep(5 * time.Millisecond)
			_, _ = w.Write([]byte("!"))
			w.Close()
		}()
		got, err := io.ReadAll(in)
		if err != nil {
			t.Fatalf("spin %s: %v", spin, err)
		}
		if string(got) != "frame!" {
			t.Fatalf("spin %s: read %q", spin, got)
		}
		r.Close()
	}
}

// A wake frame, or several, ahead of a request is not a request: the
// worker answers the request that follows, and only that.
func TestWorkerSkipsWakeFrames(t *testing.T) {
	p := newTestPool(t, 1)
	w := p.takeIdle()
	if w == nil {
		t.Fatal("no idle worker")
	}
	defer w.kill()
	for i := 0; i < 3; i++ {
		if err := w.wake(); err != nil {
			t.Fatal(err)
		}
	}
	// Past the spin, so the worker went back to sleeping on its pipe.
	time.Sleep(2 * wakeSpin)
	res, reusable, err := w.run(t.Context(), &Request{Code: "print(6 * 7)\n", Limits: testLimits()})
	if err != nil || !reusable || res.Status != StatusOK || res.Stdout != "42\n" {
		t.Fatalf("run after wakes: %v %v %+v", err, reusable, res)
	}
	select {
	case rep := <-w.replies:
		t.Fatalf("a wake frame was answered: %+v", rep.Result)
	case <-time.After(20 * time.Millisecond):
	}
}
