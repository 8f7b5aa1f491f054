package exec

// pool.go is the parent side: starting workers, talking to them, timing
// them out and turning their deaths into results.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// PoolOptions configure a Pool.
type PoolOptions struct {
	// Size is the number of workers kept warm and the number of runs
	// that may be in flight at once (default 2).
	Size int
	// MemoryMB is each worker's address-space budget for programs
	// (default: the policy default). A request asking for more gets a
	// dedicated worker.
	MemoryMB int64
	// Exe is the binary to re-execute in worker mode (default: this one).
	Exe string
	// StartTimeout bounds a worker's start-up (default 15s).
	StartTimeout time.Duration
}

// Pool runs requests on warm workers. It is safe for concurrent use.
type Pool struct {
	opts   PoolOptions
	slots  chan struct{}
	mu     sync.Mutex
	idle   []*worker
	closed bool
	wg     sync.WaitGroup
	// spawned counts workers started, so tests can tell reuse from
	// replacement.
	spawned atomic.Int64
	// wakeAhead: Prepare wakes the worker it reserves (spin.go). Only
	// with a core to spare: on one, the worker's polling would take it
	// from the caller preparing the request.
	wakeAhead bool
}

func (o *PoolOptions) fill() {
	if o.Size <= 0 {
		o.Size = 2
	}
	if o.MemoryMB <= 0 {
		o.MemoryMB = policy.DefaultLimits().MemoryMB
	}
	if o.StartTimeout <= 0 {
		o.StartTimeout = 15 * time.Second
	}
}

// NewPool starts opts.Size workers and returns when they are warm.
func NewPool(ctx context.Context, opts PoolOptions) (*Pool, error) {
	opts.fill()
	p := &Pool{opts: opts, slots: make(chan struct{}, opts.Size), wakeAhead: runtime.GOMAXPROCS(0) > 1 && runtime.NumCPU() > 1}
	errs := make(chan error, opts.Size)
	for i := 0; i < opts.Size; i++ {
		go func() {
			w, err := p.spawn(ctx)
			if err == nil {
				p.putIdle(w)
			}
			errs <- err
		}()
	}
	var first error
	for i := 0; i < opts.Size; i++ {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		p.Close()
		return nil, first
	}
	return p, nil
}

// Run runs one request on a warm worker, replacing the worker afterwards
// if the run hit a limit, was tainted or the worker died.
func (p *Pool) Run(ctx context.Context, req *Request) (*Result, error) {
	lim := effectiveLimits(req.Limits)
	if lim.MemoryMB > p.opts.MemoryMB {
		return runOnce(ctx, p.opts.Exe, req, p.opts.StartTimeout)
	}
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-p.slots }()
	w := p.takeIdle()
	if w == nil {
		var err error
		if w, err = p.spawn(ctx); err != nil {
			return nil, err
		}
	}
	return p.runOn(ctx, w, req)
}

// runOn runs req on w, which holds one of the slots, and puts w back or
// replaces it.
func (p *Pool) runOn(ctx context.Context, w *worker, req *Request) (*Result, error) {
	res, reusable, err := w.run(ctx, req)
	if reusable {
		p.putIdle(w)
	} else {
		w.kill()
		p.refill()
	}
	return res, err
}

// Prepare gets a warm worker ready for a request that the caller is about
// to send: it reserves an idle worker and wakes it, so the wake-up
// overlaps the caller's checking and transpiling instead of adding to the
// run. The lease runs one request; Close it when done, which gives back a
// worker no run took. With no idle worker (or no core to spare for
// polling) the lease simply runs on the pool.
func (p *Pool) Prepare() PreparedRunner {
	l := &Lease{pool: p}
	if !p.wakeAhead {
		return l
	}
	select {
	case p.slots <- struct{}{}:
	default:
		return l // all busy: the run waits its turn as Run's do
	}
	w := p.takeIdle()
	if w == nil {
		<-p.slots
		return l
	}
	if err := w.wake(); err != nil {
		w.kill()
		p.refill()
		<-p.slots
		return l
	}
	l.w = w
	return l
}

// Lease is a worker reserved by Pool.Prepare, or, when none was, the pool
// itself.
type Lease struct {
	pool *Pool
	mu   sync.Mutex
	w    *worker // reserved, holding a slot; nil once taken
}

// take claims the reserved worker, if any.
func (l *Lease) take() *worker {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.w
	l.w = nil
	return w
}

// Run implements Runner: on the reserved worker, or on the pool.
func (l *Lease) Run(ctx context.Context, req *Request) (*Result, error) {
	w := l.take()
	if w == nil {
		return l.pool.Run(ctx, req)
	}
	if effectiveLimits(req.Limits).MemoryMB > l.pool.opts.MemoryMB {
		l.giveBack(w)
		return runOnce(ctx, l.pool.opts.Exe, req, l.pool.opts.StartTimeout)
	}
	defer func() { <-l.pool.slots }()
	return l.pool.runOn(ctx, w, req)
}

// Close gives back a reserved worker that no run took, telling it to stop
// polling for the request. It is safe to call more than once, and after
// Run.
func (l *Lease) Close() error {
	if w := l.take(); w != nil {
		l.giveBack(w)
	}
	return nil
}

// giveBack returns a reserved worker that will not run the request, and
// its slot.
func (l *Lease) giveBack(w *worker) {
	if err := writeControl(w.stdin, restFrame); err != nil {
		w.kill()
		l.pool.refill()
	} else {
		l.pool.putIdle(w)
	}
	<-l.pool.slots
}

// Close stops all workers.
func (p *Pool) Close() error {
	p.mu.Lock()
	p.closed = true
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	for _, w := range idle {
		w.kill()
	}
	p.wg.Wait()
	return nil
}

func (p *Pool) takeIdle() *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	for len(p.idle) > 0 {
		w := p.idle[len(p.idle)-1]
		p.idle = p.idle[:len(p.idle)-1]
		if w.alive() {
			return w
		}
		w.kill()
	}
	return nil
}

func (p *Pool) putIdle(w *worker) {
	p.mu.Lock()
	if p.closed || len(p.idle) >= p.opts.Size {
		p.mu.Unlock()
		w.kill()
		return
	}
	p.idle = append(p.idle, w)
	p.mu.Unlock()
}

// refill starts a replacement worker in the background so the next run
// finds one warm.
func (p *Pool) refill() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.wg.Add(1)
	p.mu.Unlock()
	go func() {
		defer p.wg.Done()
		w, err := p.spawn(context.Background())
		if err == nil {
			p.putIdle(w)
		}
	}()
}

func (p *Pool) spawn(ctx context.Context) (*worker, error) {
	p.spawned.Add(1)
	return spawn(ctx, p.opts.Exe, p.opts.MemoryMB, p.opts.StartTimeout, false)
}

// worker is one running worker process as seen from the parent.
type worker struct {
	cmd       *osexec.Cmd
	stdin     io.WriteCloser
	hello     chan hello
	replies   chan reply
	readErr   chan error
	exited    chan struct{}
	stderr    *tailBuffer
	isolation []string
	once      sync.Once
}

// spawn starts a worker and waits for its hello. A once worker serves one
// request and exits; it skips the warm-up that only a pool amortises.
func spawn(ctx context.Context, exe string, memMB int64, startTimeout time.Duration, once bool) (*worker, error) {
	w, err := startWorker(exe, memMB, once)
	if err != nil {
		return nil, err
	}
	if err := w.awaitHello(ctx, startTimeout); err != nil {
		return nil, err
	}
	return w, nil
}

// startWorker starts the worker process without waiting for it.
func startWorker(exe string, memMB int64, once bool) (*worker, error) {
	if exe == "" {
		var err error
		if exe, err = os.Executable(); err != nil {
			return nil, fmt.Errorf("start worker: find own binary: %w", err)
		}
	}
	// The argument selects the hidden worker command of the stelp binary;
	// test binaries ignore it (their TestMain calls MaybeRunWorker first).
	cmd := osexec.Command(exe, "__worker")
	// Named after the binary, not the path it was started by (a daemon
	// starts its workers through /proc/self/exe): ps shows `stelp __worker`.
	cmd.Args[0] = workerName(exe)
	cmd.Env = workerEnviron(memMB, once)
	cmd.SysProcAttr = workerSysProcAttr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	// Not cmd.StdoutPipe: Wait closes that as soon as the process exits,
	// and a worker that exits right after its reply (one-shot, tainted)
	// would then lose the reply to the race between Wait and readLoop.
	stdout, stdoutW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("start worker: %w", err)
	}
	cmd.Stdout = stdoutW
	w := &worker{
		cmd:     cmd,
		stdin:   stdin,
		hello:   make(chan hello, 1),
		replies: make(chan reply, 1),
		readErr: make(chan error, 1),
		exited:  make(chan struct{}),
		stderr:  &tailBuffer{max: 16 << 10},
	}
	cmd.Stderr = w.stderr
	err = cmd.Start()
	stdoutW.Close() // the worker holds its own copy
	if err != nil {
		stdout.Close()
		return nil, fmt.Errorf("start worker %s: %w", exe, err)
	}
	go func() {
		_ = cmd.Wait()
		close(w.exited)
	}()
	go func() {
		defer stdout.Close()
		w.readLoop(bufio.NewReader(stdout))
	}()
	return w, nil
}

// awaitHello waits until the worker is locked down and ready, and kills
// it if it fails, times out or ctx ends first.
func (w *worker) awaitHello(ctx context.Context, startTimeout time.Duration) error {
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	select {
	case h := <-w.hello:
		if h.Error != "" {
			w.kill()
			return fmt.Errorf("start worker: %s", h.Error)
		}
		w.isolation = append(h.Isolation, processLayers()...)
		return nil
	case err := <-w.readErr:
		w.kill()
		<-w.exited
		return fmt.Errorf("start worker: %v: %s", err, strings.TrimSpace(w.stderr.String()))
	case <-timer.C:
		w.kill()
		return fmt.Errorf("start worker: not ready after %s", startTimeout)
	case <-ctx.Done():
		w.kill()
		return ctx.Err()
	}
}

// workerInheritedEnv is all a worker keeps of the parent's environment:
// Go runtime settings (and coverage for test binaries). Tokens, keys and
// paths in the environment of an editor or CI job stay out of the process
// that runs untrusted code.
var workerInheritedEnv = map[string]bool{"GOGC": true, "GOMEMLIMIT": true, "GORACE": true, "GOCOVERDIR": true}

func workerEnviron(memMB int64, once bool) []string {
	env := make([]string, 0, len(workerInheritedEnv)+6)
	godebug := "gcshrinkstackoff=1"
	for _, kv := range os.Environ() {
		key, value, _ := strings.Cut(kv, "=")
		switch {
		case key == "GODEBUG":
			godebug = value + "," + godebug
		case workerInheritedEnv[key]:
			env = append(env, kv)
		}
	}
	if once {
		env = append(env, workerOnceEnv+"=1")
	}
	return append(env,
		workerEnv+"=1",
		workerMemEnv+"="+strconv.FormatInt(memMB, 10),
		"GODEBUG="+godebug,
		// One P is all a single-threaded interpreter needs, and keeps
		// a hostile run from taking the machine's other cores.
		"GOMAXPROCS=1",
		"GOTRACEBACK=single",
	)
}

func (w *worker) readLoop(r *bufio.Reader) {
	var h hello
	if err := readFrame(r, &h); err != nil {
		w.readErr <- err
		return
	}
	w.hello <- h
	for {
		var rep reply
		if err := readFrame(r, &rep); err != nil {
			w.readErr <- err
			return
		}
		w.replies <- rep
	}
}

func (w *worker) alive() bool {
	select {
	case <-w.exited:
		return false
	default:
		return true
	}
}

// kill ends the worker's whole process group.
func (w *worker) kill() {
	w.once.Do(func() {
		_ = w.stdin.Close()
		killGroup(w.cmd)
	})
}

// run sends one request and waits for the reply, the wall-clock limit,
// the worker's death or cancellation. reusable says whether the worker
// may serve another request.
func (w *worker) run(ctx context.Context, req *Request) (res *Result, reusable bool, err error) {
	r, lim := framed(req)
	start := time.Now()
	if err := writeRequest(w.stdin, r); err != nil {
		return w.deathResult(start, lim), false, nil
	}
	return w.await(ctx, lim, start)
}

// wake tells an idle worker that a request is coming (spin.go).
func (w *worker) wake() error { return writeControl(w.stdin, wakeFrame) }

// framed is the request as sent: with its limits filled in.
func framed(req *Request) (*Request, policy.Limits) {
	lim := effectiveLimits(req.Limits)
	r := *req
	r.Limits = lim
	return &r, lim
}

// await waits for the reply to a request sent to a ready worker; start
// is when the worker could first read it.
func (w *worker) await(ctx context.Context, lim policy.Limits, start time.Time) (res *Result, reusable bool, err error) {
	// A little slack on top of the program's budget for the frame
	// round trip; the worker itself has no way to stop a busy gpython.
	timer := time.NewTimer(lim.Time + 50*time.Millisecond - time.Since(start))
	defer timer.Stop()
	select {
	case rep := <-w.replies:
		return w.replied(rep)
	case <-w.readErr:
		// A worker that exits after replying (a one-shot worker, or a
		// tainted one) ends its stdout right after the reply, and
		// readLoop queues the reply before it reads the end.
		select {
		case rep := <-w.replies:
			return w.replied(rep)
		default:
		}
		return w.deathResult(start, lim), false, nil
	case <-timer.C:
		w.kill()
		return &Result{
			Status:     StatusLimit,
			Findings:   []any{},
			Violations: []Violation{},
			Trace:      []TraceLine{},
			Limit:      &Limit{Kind: "time", Detail: fmt.Sprintf("wall-clock limit of %s exceeded; worker killed", lim.Time)},
			Usage:      Usage{WallMS: wallMS(time.Since(start))},
			Isolation:  w.isolation,
		}, false, nil
	case <-ctx.Done():
		w.kill()
		return nil, false, ctx.Err()
	}
}

func (w *worker) replied(rep reply) (res *Result, reusable bool, err error) {
	res = rep.Result
	if res == nil {
		return nil, false, errors.New("worker sent an empty reply")
	}
	res.Isolation = w.isolation
	return res, !rep.Tainted && res.Status != StatusLimit, nil
}

// deathResult explains a worker that died mid-run.
func (w *worker) deathResult(start time.Time, lim policy.Limits) *Result {
	w.kill()
	select {
	case <-w.exited:
	case <-time.After(2 * time.Second):
	}
	kind, detail := classifyDeath(w.cmd.ProcessState, w.stderr.String(), lim)
	return &Result{
		Status:     StatusLimit,
		Findings:   []any{},
		Violations: []Violation{},
		Trace:      []TraceLine{},
		Limit:      &Limit{Kind: kind, Detail: detail},
		Usage:      Usage{WallMS: wallMS(time.Since(start))},
		Isolation:  w.isolation,
	}
}

// classifyDeath maps how a worker died to a limit kind.
func classifyDeath(ps *os.ProcessState, stderr string, lim policy.Limits) (kind, detail string) {
	low := strings.ToLower(stderr)
	switch {
	case strings.Contains(low, "stack exceeds") || strings.Contains(low, "stack overflow"):
		return "recursion", "the program's recursion overflowed the interpreter stack; worker killed"
	case strings.Contains(low, "out of memory") || strings.Contains(low, "cannot allocate memory") ||
		strings.Contains(low, "memory limit"):
		return "memory", fmt.Sprintf("the program exceeded the memory limit of %d MiB; worker killed", lim.MemoryMB)
	}
	if sig, ok := deathSignal(ps); ok {
		switch sig {
		case "SIGXCPU":
			return "time", "CPU time limit exceeded; worker killed"
		case "SIGKILL":
			return "memory", "worker was killed (likely out of memory)"
		case "SIGSEGV", "SIGBUS":
			return "memory", "worker crashed on a memory fault"
		}
		return "crash", "worker died from signal " + sig
	}
	first := strings.TrimSpace(stderr)
	if i := strings.IndexByte(first, '\n'); i > 0 {
		first = first[:i]
	}
	if first == "" {
		first = "no message"
	}
	return "crash", "worker exited unexpectedly: " + truncate(first, 200)
}

// tailBuffer keeps the first max bytes written to it (a fatal error's
// message comes first; its goroutine dump can be long).
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
	max int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if room := t.max - len(t.buf); room > 0 {
		if len(p) > room {
			t.buf = append(t.buf, p[:room]...)
		} else {
			t.buf = append(t.buf, p...)
		}
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// workerName is the argv[0] of a worker started from exe.
func workerName(exe string) string {
	if exe == daemonWorkerExe && exe != "" {
		if self, err := os.Executable(); err == nil {
			return filepath.Base(self)
		}
	}
	return filepath.Base(exe)
}
