package exec

// spin.go: the worker's request pipe, which a woken worker polls. On a
// virtual machine, waking a process that sleeps on an idle vCPU costs
// about 0.1 ms, more than the whole frame exchange. Pool.Prepare tells a
// warm worker that a request is coming (a wake frame) while the caller is
// still checking and transpiling the program; the worker then polls its
// stdin instead of sleeping, for a bounded time, so the request finds it
// running. An idle worker sleeps and costs no CPU.
//
// The parent does not poll for replies: measured, it bought little at the
// median and lengthened the tail, its polling thread competing with the
// worker and the parent's own collector for two cores.

import (
	"io"
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// wakeSpin bounds how long a woken worker polls for the request: the
// parent checks and transpiles meanwhile (a fraction of a millisecond for
// a typical program; a big one is waited for asleep).
const wakeSpin = 3 * time.Millisecond

// stdinReader is the worker's request pipe. Reads poll until spinUntil,
// then sleep in poll(2) until the pipe is readable. Only the worker's
// serving goroutine uses it.
type stdinReader struct {
	fd        int
	spinUntil time.Time
}

// newStdinReader makes fd non-blocking so that it can be polled; if that
// fails, reads simply block.
func newStdinReader(fd int) *stdinReader {
	_ = unix.SetNonblock(fd, true)
	return &stdinReader{fd: fd}
}

// spinFor makes the next reads poll for d before they sleep; 0 ends the
// polling.
func (r *stdinReader) spinFor(d time.Duration) { r.spinUntil = time.Now().Add(d) }

func (r *stdinReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := unix.Read(r.fd, p)
		switch {
		case err == unix.EINTR:
			continue
		case err == unix.EAGAIN:
			if time.Now().Before(r.spinUntil) {
				runtime.Gosched()
				continue
			}
			fds := []unix.PollFd{{Fd: int32(r.fd), Events: unix.POLLIN}}
			if _, err := unix.Poll(fds, -1); err != nil && err != unix.EINTR {
				return 0, err
			}
			continue
		case err != nil:
			return 0, err
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}
