package exec

import (
	"io"
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"
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
	w := idleWorker(t)
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
	w := idleWorker(t)
	// The least CPU the worker used in the window after a run, and after
	// a rest frame, over several tries: a worker that kept polling uses
	// most of the window every time; one that went to sleep uses little
	// at least once, however loaded the machine (its own bookkeeping
	// after a run may take a while when it is).
	least := map[string]time.Duration{"run": time.Hour, "rest": time.Hour}
	for i := 0; i < 8; i++ {
		if err := w.wake(); err != nil {
			t.Fatal(err)
		}
		after := "run"
		if i%2 == 0 {
			res, _, err := w.run(t.Context(), &Request{Code: "x = 1\n", Limits: testLimits()})
			if err != nil || res.Status != StatusOK {
				t.Fatalf("run: %v %+v", err, res)
			}
		} else {
			// No request after all (a blocked program, Lease.Close).
			after = "rest"
			if err := writeControl(w.stdin, restFrame); err != nil {
				t.Fatal(err)
			}
		}
		before := cpuNanos(t, w.cmd.Process.Pid)
		time.Sleep(2 * wakeSpin)
		least[after] = min(least[after], time.Duration(cpuNanos(t, w.cmd.Process.Pid)-before))
	}
	for after, used := range least {
		if used > wakeSpin/3 {
			t.Errorf("after a %s, the idle worker used at least %s of CPU in the next %s", after, used, 2*wakeSpin)
		}
	}
}

// cpuNanos is the CPU time pid's threads have used, to the nanosecond,
// from its process CPU-time clock (clock_getcpuclockid's, which counts a
// thread running right now too; /proc's figures lag a scheduler tick).
func cpuNanos(t *testing.T, pid int) int64 {
	t.Helper()
	const cpuClockSched = 2
	var ts unix.Timespec
	if err := unix.ClockGettime(int32(^pid<<3|cpuClockSched), &ts); err != nil {
		t.Fatalf("CPU clock of the worker: %v", err)
	}
	return ts.Nano()
}

// idleWorker takes the warm worker of a fresh one-worker pool, to talk to
// it frame by frame; it is killed when the test ends.
func idleWorker(t *testing.T) *worker {
	t.Helper()
	w := newTestPool(t, 1).takeIdle()
	if w == nil {
		t.Fatal("no idle worker")
	}
	t.Cleanup(w.kill)
	return w
}
