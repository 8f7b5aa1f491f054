package exec

// oneshot.go runs a request in a fresh worker that exits afterwards, the
// CLI's way, optionally with the worker started ahead of the request.

import (
	"context"
	"sync"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

const oneShotStartTimeout = 15 * time.Second

// OneShot runs every request in a fresh worker that exits afterwards: no
// warm-up amortised, nothing shared. The CLI uses it.
type OneShot struct {
	// Exe is the binary to re-execute in worker mode (default: this one).
	Exe string
}

// Run implements Runner.
func (o OneShot) Run(ctx context.Context, req *Request) (*Result, error) {
	return runOnce(ctx, o.Exe, req, oneShotStartTimeout)
}

// Start begins starting a one-shot worker for a program whose memory
// limit will be memoryMB (0: the policy default) and returns at once, so
// that the worker's start-up (process start, interpreter set-up,
// lock-down) overlaps what the caller does before it has a request, such
// as checking and transpiling. The worker is locked down before it says
// hello, as any worker is, and runs only the one request it is given.
// Close it when done: that ends a worker that was never used.
func (o OneShot) Start(ctx context.Context, memoryMB int64) *Started {
	memMB := effectiveLimits(policy.Limits{MemoryMB: memoryMB}).MemoryMB
	sctx, cancel := context.WithCancel(ctx)
	s := &Started{exe: o.Exe, memMB: memMB, cancel: cancel, started: make(chan struct{}), ready: make(chan struct{})}
	go func() {
		defer close(s.ready)
		s.w, s.startErr = startWorker(o.Exe, memMB, true)
		close(s.started)
		if s.startErr == nil {
			s.helloErr = s.w.awaitHello(sctx, oneShotStartTimeout)
		}
	}()
	return s
}

// Started is a one-shot worker started ahead of its request (see
// OneShot.Start). It is a Runner for one request; a second request, or
// one asking for more memory than the worker was started with, gets a
// fresh worker as OneShot.Run would give it.
type Started struct {
	exe    string
	memMB  int64
	cancel context.CancelFunc
	// started is closed once the process was started (w, startErr set),
	// ready once it said hello or failed to (helloErr set).
	started, ready     chan struct{}
	w                  *worker
	startErr, helloErr error

	mu     sync.Mutex
	taken  bool // the worker was handed to Run or ended by Close
	closed bool
}

// Run implements Runner. The request goes into the worker's stdin pipe at
// once, even before the worker is ready: the worker reads nothing until it
// has locked itself down, and then finds the request waiting, without a
// round trip.
func (s *Started) Run(ctx context.Context, req *Request) (*Result, error) {
	r, lim := framed(req)
	if lim.MemoryMB > s.memMB || !s.take() {
		s.Close()
		return runOnce(ctx, s.exe, req, oneShotStartTimeout)
	}
	defer s.cancel()
	<-s.started
	if s.startErr != nil {
		return nil, s.startErr
	}
	w := s.w
	defer w.kill()
	// A frame larger than the pipe's buffer blocks until the worker
	// reads it; a worker that dies or is killed first fails the write.
	sent := make(chan error, 1)
	go func() { sent <- writeRequest(w.stdin, r) }()
	select {
	case <-s.ready:
	case <-ctx.Done():
		s.cancel()
		<-s.ready
		return nil, ctx.Err()
	}
	if s.helloErr != nil {
		return nil, s.helloErr
	}
	start := time.Now()
	// The write ends once the pipe holds the whole frame, or fails if the
	// worker died; the worker may well have replied by then.
	select {
	case err := <-sent:
		if err != nil {
			return w.deathResult(start, lim), nil
		}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	res, _, err := w.await(ctx, lim, start)
	return res, err
}

// take claims the worker for a run; false if it was claimed or closed.
func (s *Started) take() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.taken || s.closed {
		return false
	}
	s.taken = true
	return true
}

// Close ends the worker if no run has taken it, and waits for it to
// exit. It is safe to call more than once, and after Run.
func (s *Started) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	unused := !s.taken
	s.taken = true
	s.mu.Unlock()
	if !unused {
		return nil // Run ends the worker it took
	}
	s.cancel()
	<-s.ready
	if s.w != nil {
		s.w.kill()
		select {
		case <-s.w.exited:
		case <-time.After(2 * time.Second):
		}
	}
	return nil
}

func runOnce(ctx context.Context, exe string, req *Request, startTimeout time.Duration) (*Result, error) {
	lim := effectiveLimits(req.Limits)
	w, err := spawn(ctx, exe, lim.MemoryMB, startTimeout, true)
	if err != nil {
		return nil, err
	}
	defer w.kill()
	res, _, err := w.run(ctx, req)
	return res, err
}
