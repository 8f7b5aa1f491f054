package exec

// daemon_client.go is the client side of the daemon: connecting, starting
// one, and Remote, the Runner that hands a request to it.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	osexec "os/exec"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

const (
	// daemonHelloWait bounds connecting and the daemon's hello: a daemon
	// that does not answer that fast is treated as absent.
	daemonHelloWait = time.Second
	// daemonResultSlack is added to a run's wall-clock limit to bound
	// the wait for its result: time for the pool to start a worker and
	// for the run to wait for a free one.
	daemonResultSlack = time.Minute
)

var (
	// ErrNoDaemon: no daemon serves this binary's socket (none was
	// started, or it exited or died); StartDaemon starts one.
	ErrNoDaemon = errors.New("no daemon is running")
	// ErrDaemonUnusable: a daemon answered but cannot take the request
	// (another protocol or binary, still warming up, another user).
	ErrDaemonUnusable = errors.New("daemon cannot serve this client")

	errDaemonWarming = fmt.Errorf("%w: its workers are still starting", ErrDaemonUnusable)
)

// DialDaemon connects to the daemon of cfg's binary and returns a Runner
// for one request. Every error means nothing was sent: the caller may run
// the program some other way. errors.Is(err, ErrNoDaemon) says a daemon
// could be started.
func DialDaemon(ctx context.Context, cfg DaemonConfig) (*Remote, error) {
	conn, ep, err := connectDaemon(ctx, cfg)
	if err != nil {
		return nil, err
	}
	h, err := daemonHandshake(conn, ep.identity)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return &Remote{conn: conn, pid: h.PID, running: h.Running, execute: h.Execute}, nil
}

// connectDaemon connects to the socket of cfg's daemon; ErrNoDaemon when
// none listens there.
func connectDaemon(ctx context.Context, cfg DaemonConfig) (*net.UnixConn, endpoint, error) {
	ep, err := cfg.endpoint()
	if err != nil {
		return nil, ep, err
	}
	dctx, cancel := context.WithTimeout(ctx, daemonHelloWait)
	defer cancel()
	var dialer net.Dialer
	c, err := dialer.DialContext(dctx, "unix", ep.socket)
	if err != nil {
		if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) {
			return nil, ep, fmt.Errorf("%w (%s)", ErrNoDaemon, ep.socket)
		}
		return nil, ep, fmt.Errorf("connect to daemon: %w", err)
	}
	return c.(*net.UnixConn), ep, nil
}

// DaemonInfo is what a daemon says of itself when a client connects.
type DaemonInfo struct {
	PID     int
	Running int // runs in flight
}

// PingDaemon connects to the daemon of cfg's binary and hangs up. Its
// errors are DialDaemon's: nil means a warm daemon answered.
func PingDaemon(ctx context.Context, cfg DaemonConfig) (DaemonInfo, error) {
	r, err := DialDaemon(ctx, cfg)
	if err != nil {
		return DaemonInfo{}, err
	}
	r.Close()
	return DaemonInfo{PID: r.pid, Running: r.running}, nil
}

// daemonHandshake checks who answered and reads its hello.
func daemonHandshake(conn *net.UnixConn, identity string) (daemonHello, error) {
	var h daemonHello
	if err := checkDaemonPeer(conn); err != nil {
		return h, err
	}
	_ = conn.SetReadDeadline(time.Now().Add(daemonHelloWait))
	if err := readFrame(conn, &h); err != nil {
		return h, fmt.Errorf("daemon hello: %w", err)
	}
	_ = conn.SetReadDeadline(time.Time{})
	if err := h.speaks(identity); err != nil {
		return h, err
	}
	if !h.Ready {
		return h, errDaemonWarming
	}
	return h, nil
}

// checkDaemonPeer checks, from the connection itself, that the daemon
// runs as this user: nothing is ever written to another user's socket.
func checkDaemonPeer(conn *net.UnixConn) error {
	uid, err := peerUID(conn)
	if err != nil {
		return fmt.Errorf("daemon: %w", err)
	}
	if err := checkPeerUID(uid, os.Getuid()); err != nil {
		return fmt.Errorf("%w: %v", ErrDaemonUnusable, err)
	}
	return nil
}

// speaks says whether the hello is from a daemon of this client's
// protocol and binary.
func (h daemonHello) speaks(identity string) error {
	if h.Protocol != daemonProtocol || h.Identity != identity {
		return fmt.Errorf("%w: it speaks protocol %d for binary %q, this client %d for %q",
			ErrDaemonUnusable, h.Protocol, h.Identity, daemonProtocol, identity)
	}
	return nil
}

// Remote runs one request on the daemon it was dialled to. It is a
// Runner for a single request; a second one, or one that cannot be
// handed over, goes to Fallback.
type Remote struct {
	// Fallback runs a request the daemon never received (default
	// OneShot{}).
	Fallback Runner

	conn         *net.UnixConn
	pid, running int
	execute      bool // the daemon takes ExecuteCalls
	mu           sync.Mutex
	used         bool
}

// PID is the daemon's process id.
func (r *Remote) PID() int { return r.pid }

// Close hangs up; a daemon still running the request stops it.
func (r *Remote) Close() error {
	return r.conn.Close()
}

func (r *Remote) fallback() Runner {
	if r.Fallback != nil {
		return r.Fallback
	}
	return OneShot{}
}

// Run implements Runner. Once the request has reached the daemon it is
// never run a second time: a program may have had effects (read its
// stdin, printed, run for its whole time budget) before the daemon died,
// so a daemon lost mid-run is a result that says so, not a silent re-run.
func (r *Remote) Run(ctx context.Context, req *Request) (*Result, error) {
	res, err := r.call(ctx, daemonCall{Run: req}, req.Limits)
	if errors.Is(err, ErrNotSent) {
		return r.fallback().Run(ctx, req)
	}
	return res, err
}

// ErrNotSent: the daemon never received the call (it was used already,
// or the write failed); the caller may run the program another way.
var ErrNotSent = errors.New("the daemon did not receive the program")

// CanExecute reports whether the daemon takes whole programs (Execute).
func (r *Remote) CanExecute() bool { return r.execute }

// Execute has the daemon check, gate, transpile and run a program under
// the client's policy (see ExecuteCall). Like Run, a program the daemon
// received is never run again; ErrNotSent means it was not received.
func (r *Remote) Execute(ctx context.Context, call *ExecuteCall) (*Result, error) {
	if !r.execute {
		return nil, fmt.Errorf("%w: this daemon takes transpiled requests only", ErrNotSent)
	}
	return r.call(ctx, daemonCall{Execute: call}, call.Policy.Limits)
}

// call sends one call and waits for its result, at most the run's time
// limit plus daemonResultSlack.
func (r *Remote) call(ctx context.Context, c daemonCall, limits policy.Limits) (*Result, error) {
	r.mu.Lock()
	first := !r.used
	r.used = true
	r.mu.Unlock()
	if !first {
		return nil, fmt.Errorf("%w: one call per connection", ErrNotSent)
	}
	lim := effectiveLimits(limits)
	// A write that fails delivered less than the whole frame, which the
	// daemon discards unread: the program did not start.
	_ = r.conn.SetWriteDeadline(time.Now().Add(daemonWriteWait))
	if err := writeFrame(r.conn, c); err != nil {
		r.conn.Close()
		return nil, fmt.Errorf("%w: %v", ErrNotSent, err)
	}
	return awaitReply(ctx, r.conn, r.pid, lim)
}

// awaitReply waits for the reply to a call the daemon received, at most
// the run's time limit plus daemonResultSlack, and hangs up.
func awaitReply(ctx context.Context, conn *net.UnixConn, pid int, lim policy.Limits) (*Result, error) {
	start := time.Now()
	// Ctrl-C hangs up, and the daemon kills the worker running the
	// program.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	_ = conn.SetReadDeadline(start.Add(lim.Time + daemonResultSlack))
	var rep daemonReply
	err := readFrame(conn, &rep)
	conn.Close()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	switch {
	case err != nil:
		return daemonLostResult(start, fmt.Sprintf("daemon (pid %d) stopped answering: %v", pid, err)), nil
	case rep.Error != "":
		return nil, fmt.Errorf("daemon: %s", rep.Error)
	case rep.Result == nil:
		return daemonLostResult(start, fmt.Sprintf("daemon (pid %d) sent an empty reply", pid)), nil
	}
	return rep.Result, nil
}

// ExecuteOnDaemon hands a whole program to the daemon of cfg's binary in
// one exchange: it connects, checks that the daemon runs as this user,
// and sends the call at once, reading the daemon's hello after it rather
// than before (DialDaemon then Execute wait a round trip for the hello
// first). Errors wrapping ErrNotSent mean the daemon did not take the
// program: none runs (also ErrNoDaemon: start one), it is still warming
// up, or it is closing; the caller may run the program another way. Once
// the daemon took the program the outcome is its result, or a crash
// result if the daemon was lost: never a second run.
func ExecuteOnDaemon(ctx context.Context, cfg DaemonConfig, call *ExecuteCall) (*Result, error) {
	conn, ep, err := connectDaemon(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotSent, err)
	}
	if err := checkDaemonPeer(conn); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%w: %w", ErrNotSent, err)
	}
	_ = conn.SetWriteDeadline(time.Now().Add(daemonWriteWait))
	if err := writeFrame(conn, daemonCall{Execute: call}); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%w: %v", ErrNotSent, err)
	}
	var h daemonHello
	_ = conn.SetReadDeadline(time.Now().Add(daemonHelloWait))
	if err := readFrame(conn, &h); err != nil {
		conn.Close()
		if errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET) {
			// A daemon hangs up without a hello only before it reads
			// anything (it is closing down).
			return nil, fmt.Errorf("%w: the daemon hung up", ErrNotSent)
		}
		return daemonLostResult(time.Now(), fmt.Sprintf("no hello from the daemon: %v", err)), nil
	}
	if err := h.speaks(ep.identity); err != nil {
		// Cannot happen through the socket named after this build;
		// whatever it is, it got the call, so no second run.
		conn.Close()
		return nil, err
	}
	if !h.Ready || !h.Execute {
		// It answers with an error (warming up) or hangs up (takes
		// transpiled requests only), and runs nothing either way.
		conn.Close()
		why := errDaemonWarming
		if h.Ready {
			why = fmt.Errorf("%w: it takes transpiled requests only", ErrDaemonUnusable)
		}
		return nil, fmt.Errorf("%w: %w", ErrNotSent, why)
	}
	return awaitReply(ctx, conn, h.PID, effectiveLimits(call.Policy.Limits))
}

// daemonLostResult is the result of a run whose daemon died or broke off
// after it received the program: like a worker dying mid-run, a limit of
// kind crash.
func daemonLostResult(start time.Time, why string) *Result {
	return &Result{
		Status:     StatusLimit,
		Findings:   []any{},
		Violations: []Violation{},
		Trace:      []TraceLine{},
		Limit: &Limit{Kind: "crash", Detail: "the stelp daemon running the program was lost: " + why +
			"; it may have run in part and was not run again (--no-daemon runs without the daemon)"},
		Usage: Usage{WallMS: wallMS(time.Since(start))},
	}
}

// StartDaemon starts the daemon of cfg's binary in the background,
// detached from the caller (its own session, stdio on /dev/null, working
// directory /), and returns without waiting for it to be ready. Starting
// one while another serves is harmless: the newcomer finds the lock taken
// and exits.
func StartDaemon(cfg DaemonConfig) error {
	ep, err := cfg.endpoint()
	if err != nil {
		return err
	}
	// The argument names the hidden command of the stelp binary; test
	// binaries ignore it (their TestMain calls MaybeRunDaemon).
	cmd := osexec.Command(ep.exe, "__daemon")
	cmd.Env = daemonEnviron(ep.dir, cfg.idle())
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start daemon: %w", err)
	}
	// Reaps it in a caller that outlives it; a CLI exits long before.
	go func() { _ = cmd.Wait() }()
	return nil
}

// daemonEnviron is the caller's environment (the workers keep only the
// Go runtime's part of it, see workerEnviron) with the daemon's own
// settings in place of any inherited ones.
func daemonEnviron(dir string, idle time.Duration) []string {
	var env []string
	for _, kv := range os.Environ() {
		key, _, _ := strings.Cut(kv, "=")
		switch key {
		case DaemonEnv, DaemonDirEnv, daemonProcessEnv, DaemonIdleEnv, workerEnv:
			continue
		}
		env = append(env, kv)
	}
	return append(env, daemonProcessEnv+"=1", DaemonDirEnv+"="+dir, DaemonIdleEnv+"="+idle.String())
}

// StopDaemon asks the daemon of cfg's binary to exit, and waits until it
// has (or ctx ends). No daemon is not an error.
func StopDaemon(ctx context.Context, cfg DaemonConfig) error {
	ep, err := cfg.endpoint()
	if err != nil {
		return err
	}
	var dialer net.Dialer
	c, err := dialer.DialContext(ctx, "unix", ep.socket)
	if err != nil {
		if errors.Is(err, syscall.ENOENT) || errors.Is(err, syscall.ECONNREFUSED) {
			return nil
		}
		return fmt.Errorf("stop daemon: %w", err)
	}
	conn := c.(*net.UnixConn)
	defer conn.Close()
	// A daemon still warming up says so but takes the call all the same.
	if _, err := daemonHandshake(conn, ep.identity); err != nil && !errors.Is(err, errDaemonWarming) {
		return fmt.Errorf("stop daemon: %w", err)
	}
	if err := writeFrame(conn, daemonCall{Stop: true}); err != nil {
		return fmt.Errorf("stop daemon: %w", err)
	}
	var rep daemonReply
	_ = readFrame(conn, &rep)
	return waitDaemonGone(ctx, ep)
}

// waitDaemonGone waits until no process holds the daemon's lock: the
// daemon releases it last, after its socket and workers are gone.
func waitDaemonGone(ctx context.Context, ep endpoint) error {
	for {
		f, err := os.OpenFile(ep.lock, os.O_RDWR, 0)
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("daemon lock: %w", err)
		}
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		f.Close()
		if err == nil {
			return nil // a killed daemon's file, held by no one
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("daemon still running: %w", ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}
