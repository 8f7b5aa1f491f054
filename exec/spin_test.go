package exec

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// A woken worker polls only until the request it was told of arrives, or
// it is told none will: then it sleeps, taking no CPU from what runs next.
func TestWorkerSleepsAfterTheAnnouncedRun(t *testing.T) {
	p := newTestPool(t, 1)
	w := p.takeIdle()
	if w == nil {
		t.Fatal("no idle worker")
	}
	defer w.kill()
	for i := 0; i < 6; i++ {
		if err := w.wake(); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			res, _, err := w.run(t.Context(), &Request{Code: "x = 1\n", Limits: testLimits()})
			if err != nil || res.Status != StatusOK {
				t.Fatalf("run: %v %+v", err, res)
			}
		} else if err := writeControl(w.stdin, restFrame); err != nil {
			// No request after all (a blocked program, Lease.Close).
			t.Fatal(err)
		}
		before := cpuNanos(t, w.cmd.Process.Pid)
		time.Sleep(2 * wakeSpin)
		if used := time.Duration(cpuNanos(t, w.cmd.Process.Pid) - before); used > wakeSpin/3 {
			t.Fatalf("the idle worker used %s of CPU in the %s after its run", used, 2*wakeSpin)
		}
	}
}

// cpuNanos is the CPU time all of pid's threads have run, from schedstat.
func cpuNanos(t *testing.T, pid int) int64 {
	t.Helper()
	stats, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	if err != nil || len(stats) == 0 {
		t.Fatalf("no schedstat for the worker: %v", err)
	}
	var sum int64
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue // a thread that exited
		}
		var ns int64
		if _, err := fmt.Sscan(string(b), &ns); err == nil {
			sum += ns
		}
	}
	return sum
}
