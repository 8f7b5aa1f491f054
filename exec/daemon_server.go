package exec

// daemon_server.go is the daemon: one per user and binary, detached,
// serving a Unix socket in a private directory with a warm Pool, until it
// has been idle for a while.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"
)

const (
	// daemonRequestWait bounds how long a client may hold a connection
	// before sending its request (it checks and transpiles meanwhile).
	daemonRequestWait = time.Minute
	// daemonWriteWait bounds a frame write to a client that stopped
	// reading.
	daemonWriteWait = 10 * time.Second
)

// IsDaemon reports whether this process was started as the daemon.
func IsDaemon() bool { return os.Getenv(daemonProcessEnv) == "1" }

// MaybeRunDaemon turns the process into the daemon when it was started as
// one (StartDaemon), and never returns in that case. Test binaries whose
// tests start a daemon call it from TestMain, after MaybeRunWorker; execute
// is what the daemon does with whole programs (nil: it takes transpiled
// requests only).
func MaybeRunDaemon(execute ExecuteFunc) {
	if !IsDaemon() {
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := ServeDaemonFromEnv(ctx, execute)
	stop()
	if err != nil {
		os.Exit(1)
	}
	os.Exit(0)
}

// ServeDaemonFromEnv serves as the daemon StartDaemon described in the
// environment: its directory and idle period. execute, when not nil,
// lets it take whole programs (ExecuteCall).
func ServeDaemonFromEnv(ctx context.Context, execute ExecuteFunc) error {
	return ServeDaemon(ctx, DaemonConfig{Dir: os.Getenv(DaemonDirEnv), Execute: execute}, PoolOptions{})
}

// ServeDaemon serves clients on the socket of cfg until the daemon has
// been idle for cfg.Idle, was asked to stop, or ctx ends; it removes its
// socket on the way out. It returns nil at once when another daemon of
// this binary already serves the directory. pool configures the warm
// workers (default: one per CPU, re-executing this very binary).
func ServeDaemon(ctx context.Context, cfg DaemonConfig, pool PoolOptions) error {
	ep, err := cfg.endpoint()
	if err != nil {
		return err
	}
	lock, err := lockEndpoint(ep.lock)
	if err != nil || lock == nil {
		return err
	}
	// Closing the lock file last releases the lock only once the socket
	// is gone, so a successor never removes a live daemon's socket. The
	// file goes just before (lockEndpoint copes), so that the builds a
	// developer goes through leave nothing behind.
	defer lock.Close()
	defer os.Remove(ep.lock)
	// The pid, for whoever wonders which process this is.
	if err := lock.Truncate(0); err == nil {
		_, _ = lock.WriteAt([]byte(fmt.Sprintf("%d\n", os.Getpid())), 0)
	}
	_ = os.Remove(ep.socket) // left by a daemon that was killed
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: ep.socket, Net: "unix"})
	if err != nil {
		return fmt.Errorf("daemon: listen: %w", err)
	}
	if err := os.Chmod(ep.socket, 0o600); err != nil {
		ln.Close()
		return fmt.Errorf("daemon: %w", err)
	}
	if pool.Size <= 0 {
		pool.Size = runtime.NumCPU()
	}
	if pool.Exe == "" {
		pool.Exe = daemonWorkerExe
	}
	d := newDaemon(ep.identity, cfg.idle())
	d.exe = ep.exe
	d.execute = cfg.Execute
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The socket answers at once (not ready) while the workers start, so
	// clients meanwhile run on their own instead of starting daemons.
	warm := make(chan *Pool, 1)
	go func() {
		p, err := NewPool(ctx, pool)
		if err != nil {
			cancel()
		} else {
			d.setRunner(p)
		}
		warm <- p
	}()
	err = d.serve(ctx, ln)
	cancel()
	if p := <-warm; p != nil {
		p.Close()
	}
	return err
}

// lockEndpoint takes the daemon's lock file, or returns nil when another
// daemon holds it. The kernel drops the lock when its holder dies.
func lockEndpoint(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("daemon: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, nil
		}
		return nil, fmt.Errorf("daemon: lock: %w", err)
	}
	// An exiting daemon removes the file before it lets go of the lock:
	// whoever locked the removed file has lost the race to whoever
	// creates the next one.
	held, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("daemon: lock: %w", err)
	}
	if now, err := os.Stat(path); err != nil || !os.SameFile(held, now) {
		f.Close()
		return nil, nil
	}
	return f, nil
}

// daemon is the serving state, apart from the socket and the pool so that
// tests can drive it with their own.
type daemon struct {
	identity string
	idle     time.Duration
	uid      int
	// exe is checked while idle: a daemon whose binary was replaced or
	// deleted can get no new clients (they look for the new binary's
	// socket), so it leaves early.
	exe string

	execute ExecuteFunc // nil: Requests only

	mu      sync.Mutex
	runner  Runner // nil until the workers are warm
	active  int    // connections being served
	running int    // runs in flight
	last    time.Time
	closing bool
	stop    context.CancelFunc
	conns   sync.WaitGroup
}

func newDaemon(identity string, idle time.Duration) *daemon {
	return &daemon{identity: identity, idle: idle, uid: os.Getuid(), last: time.Now(), stop: func() {}}
}

func (d *daemon) setRunner(r Runner) {
	d.mu.Lock()
	d.runner = r
	d.mu.Unlock()
}

// serve accepts connections until ctx ends, the daemon is stopped or it
// has been idle too long, then waits for the connections it took.
func (d *daemon) serve(ctx context.Context, ln *net.UnixListener) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d.mu.Lock()
	d.stop = cancel
	d.last = time.Now()
	d.mu.Unlock()
	go d.watchIdle(ctx)
	go func() {
		<-ctx.Done()
		d.mu.Lock()
		d.closing = true
		d.mu.Unlock()
		ln.Close() // removes the socket first: new clients find no daemon
	}()
	for {
		conn, err := ln.AcceptUnix()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				break
			}
			// Out of descriptors or the like: wait, the runs in
			// flight will free some.
			time.Sleep(50 * time.Millisecond)
			continue
		}
		if !d.enter() {
			conn.Close() // closing: the client sees no hello and runs alone
			continue
		}
		go func() {
			defer d.leave()
			d.handle(ctx, conn)
		}()
	}
	d.conns.Wait()
	return nil
}

func (d *daemon) enter() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closing {
		return false
	}
	d.active++
	d.last = time.Now()
	d.conns.Add(1)
	return true
}

func (d *daemon) leave() {
	d.mu.Lock()
	d.active--
	d.last = time.Now()
	d.mu.Unlock()
	d.conns.Done()
}

// watchIdle stops the daemon once no connection has been open for the
// idle period, or sooner when its binary changed.
func (d *daemon) watchIdle(ctx context.Context) {
	every := min(max(d.idle/4, 10*time.Millisecond), 5*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		d.mu.Lock()
		quiet := d.active == 0
		idle := quiet && time.Since(d.last) >= d.idle
		d.mu.Unlock()
		if quiet && !idle && d.exe != "" {
			id, err := binaryIdentity(d.exe)
			idle = err != nil || id != d.identity
		}
		if !idle {
			continue
		}
		d.mu.Lock()
		// A client may have connected since the check.
		if d.active == 0 {
			d.closing = true
		}
		closing := d.closing
		d.mu.Unlock()
		if closing {
			d.stop()
			return
		}
	}
}

// handle serves one connection: hello, one call, its reply.
func (d *daemon) handle(ctx context.Context, conn *net.UnixConn) {
	defer conn.Close()
	uid, err := peerUID(conn)
	if err != nil || checkPeerUID(uid, d.uid) != nil {
		return // another user's process: not even a hello
	}
	d.mu.Lock()
	runner, running := d.runner, d.running
	d.mu.Unlock()
	_ = conn.SetWriteDeadline(time.Now().Add(daemonWriteWait))
	if writeFrame(conn, daemonHello{Protocol: daemonProtocol, Identity: d.identity, Ready: runner != nil,
		PID: os.Getpid(), Running: running, Execute: d.execute != nil}) != nil {
		return
	}
	_ = conn.SetReadDeadline(time.Now().Add(daemonRequestWait))
	var call daemonCall
	if readFrame(conn, &call) != nil {
		return // the client went away before asking (a gated program)
	}
	_ = conn.SetReadDeadline(time.Time{})
	if call.Stop {
		_ = writeFrame(conn, daemonReply{})
		d.stop()
		return
	}
	var run func(context.Context) (*Result, error)
	switch {
	case call.Run != nil:
		run = func(ctx context.Context) (*Result, error) { return runner.Run(ctx, call.Run) }
	case call.Execute != nil && d.execute != nil:
		run = func(ctx context.Context) (*Result, error) { return d.execute(ctx, call.Execute, runner) }
	default:
		return
	}
	if runner == nil {
		_ = writeFrame(conn, daemonReply{Error: "daemon workers are not ready"})
		return
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		// A client sends nothing after its request: a byte, the end of
		// the stream or an error all mean it is gone (Ctrl-C) or broke
		// the protocol, and either way the run stops.
		var b [1]byte
		_, _ = conn.Read(b[:])
		cancel()
	}()
	d.addRunning(1)
	res, err := run(runCtx)
	d.addRunning(-1)
	rep := daemonReply{Result: res}
	if err != nil {
		rep = daemonReply{Error: err.Error()}
	}
	_ = conn.SetWriteDeadline(time.Now().Add(daemonWriteWait))
	_ = writeFrame(conn, rep)
}

func (d *daemon) addRunning(n int) {
	d.mu.Lock()
	d.running += n
	d.mu.Unlock()
}
