package exec

// daemon.go: what the daemon and its clients share: where the socket
// lives, whether that place can be trusted, which binary a daemon belongs
// to, and the frames on the socket.
//
// `stelp run` is a fresh process per program; starting a locked-down
// worker costs it about as much again. The daemon (gopls -remote=auto,
// the Gradle daemon) keeps a warm Pool per user and binary instead: the
// CLI still reads, checks, gates and transpiles the program itself, and
// only hands the prepared Request to the daemon, so a daemon never runs
// anything the caller's policy would block.
//
//	daemon → client  daemonHello  {protocol, identity, ready, ...}   on connect
//	client → daemon  daemonCall   {run: Request}, {execute: ExecuteCall}
//	                              or {stop: true}                    one per connection
//	daemon → client  daemonReply  {result, error?}                   one
//
// Closing the connection before the reply cancels the run (the pool kills
// the worker running it and starts another).

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// daemonProtocol changes whenever the frames below change; it is part of
// the socket name, so clients and daemons of different protocols never
// meet.
const daemonProtocol = 2

const (
	// DaemonEnv turns the daemon off for `stelp run` when "off".
	DaemonEnv = "STELP_DAEMON"
	// DaemonDirEnv overrides the socket directory (tests, benchmarks).
	DaemonDirEnv = "STELP_DAEMON_DIR"
	// DaemonIdleEnv overrides DefaultDaemonIdle, e.g. 30s (tests).
	DaemonIdleEnv = "STELP_DAEMON_IDLE"
	// daemonProcessEnv marks the daemon process itself.
	daemonProcessEnv = "STELP_DAEMON_PROCESS"

	// DefaultDaemonIdle is how long a daemon waits for a request before
	// it exits.
	DefaultDaemonIdle = 2 * time.Minute

	// maxSocketPath is sun_path's size less its terminating NUL.
	maxSocketPath = 107
)

// DaemonDisabled reports whether the environment turned the daemon off
// (STELP_DAEMON=off, or 0, false, no).
func DaemonDisabled() bool {
	switch strings.ToLower(strings.TrimSpace(os.Getenv(DaemonEnv))) {
	case "off", "0", "false", "no":
		return true
	}
	return false
}

// DaemonConfig says which daemon a client talks to or starts.
type DaemonConfig struct {
	// Dir is the socket directory (default: DefaultDaemonDir()).
	Dir string
	// Exe is the binary the daemon runs as; its identity names the
	// socket (default: this process's own binary).
	Exe string
	// Idle is how long a daemon started by StartDaemon waits for a
	// request before it exits (default: $STELP_DAEMON_IDLE, else
	// DefaultDaemonIdle).
	Idle time.Duration
	// Execute, in a daemon, runs ExecuteCalls (nil: the daemon takes
	// transpiled Requests only).
	Execute ExecuteFunc
}

// DefaultDaemonDir is $STELP_DAEMON_DIR, else $XDG_RUNTIME_DIR/stelp (a
// per-user directory the session manager made private), else
// stelp-<uid> in the temporary directory.
func DefaultDaemonDir() string {
	if d := os.Getenv(DaemonDirEnv); d != "" {
		return d
	}
	if x := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(x) {
		return filepath.Join(x, "stelp")
	}
	return filepath.Join(os.TempDir(), "stelp-"+strconv.Itoa(os.Getuid()))
}

func (c DaemonConfig) dir() string {
	if c.Dir != "" {
		return c.Dir
	}
	return DefaultDaemonDir()
}

func (c DaemonConfig) exe() (string, error) {
	if c.Exe != "" {
		return c.Exe, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("find own binary: %w", err)
	}
	return exe, nil
}

func (c DaemonConfig) idle() time.Duration {
	if c.Idle > 0 {
		return c.Idle
	}
	if d, err := time.ParseDuration(os.Getenv(DaemonIdleEnv)); err == nil && d > 0 {
		return d
	}
	return DefaultDaemonIdle
}

// endpoint is a daemon's place: its directory (checked, created if
// missing) and the socket and lock file named after the binary.
type endpoint struct {
	dir, socket, lock string
	exe, identity     string
}

func (c DaemonConfig) endpoint() (endpoint, error) {
	if !daemonSupported {
		return endpoint{}, fmt.Errorf("%w: not supported on this system", ErrDaemonUnusable)
	}
	exe, err := c.exe()
	if err != nil {
		return endpoint{}, err
	}
	id, err := binaryIdentity(exe)
	if err != nil {
		return endpoint{}, err
	}
	ep, err := endpointFor(c.dir(), id)
	ep.exe = exe
	return ep, err
}

func endpointFor(dir, identity string) (endpoint, error) {
	if err := ensurePrivateDir(dir); err != nil {
		return endpoint{}, err
	}
	e := endpoint{
		dir:      dir,
		socket:   filepath.Join(dir, "run-"+identity+".sock"),
		lock:     filepath.Join(dir, "run-"+identity+".lock"),
		identity: identity,
	}
	if len(e.socket) > maxSocketPath {
		return endpoint{}, fmt.Errorf("socket path %s is longer than %d bytes", e.socket, maxSocketPath)
	}
	return e, nil
}

// binaryIdentity names one build of one binary: its path, size,
// modification time and inode, and the daemon protocol. Rebuilding or
// upgrading the binary changes it, so a new binary never talks to a
// daemon of the old one.
func binaryIdentity(exe string) (string, error) {
	fi, err := os.Stat(exe)
	if err != nil {
		return "", fmt.Errorf("identify binary: %w", err)
	}
	var dev, ino uint64
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		dev, ino = uint64(st.Dev), uint64(st.Ino)
	}
	h := sha256.New()
	fmt.Fprintf(h, "stelp-daemon\x00%d\x00%s\x00%d\x00%d\x00%d\x00%d", daemonProtocol, exe, fi.Size(), fi.ModTime().UnixNano(), dev, ino)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// ensurePrivateDir creates dir with mode 0700, or accepts an existing one
// only if it is a real directory (not a symlink) owned by this user and
// closed to group and others: anyone who can write there could put a
// socket of their own in the daemon's place and receive the programs.
func ensurePrivateDir(dir string) error {
	if !filepath.IsAbs(dir) {
		return fmt.Errorf("daemon directory %q is not absolute", dir)
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create daemon directory: %w", err)
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("daemon directory: %w", err)
	}
	return checkPrivateDir(dir, fi, os.Getuid())
}

// checkPrivateDir is ensurePrivateDir's verdict on what Lstat returned.
func checkPrivateDir(dir string, fi fs.FileInfo, uid int) error {
	if fi.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("refusing daemon directory %s: it is a symlink", dir)
	}
	if !fi.IsDir() {
		return fmt.Errorf("refusing daemon directory %s: not a directory", dir)
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("refusing daemon directory %s: owner unknown", dir)
	}
	if int(st.Uid) != uid {
		return fmt.Errorf("refusing daemon directory %s: owned by uid %d, not %d", dir, st.Uid, uid)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("refusing daemon directory %s: mode %04o lets others in (want 0700)", dir, perm)
	}
	return nil
}

// checkPeerUID admits only a peer of the same user: the daemon runs
// programs as that user, and a client trusts what answers it.
func checkPeerUID(peer, own int) error {
	if peer != own {
		return fmt.Errorf("peer uid %d is not %d", peer, own)
	}
	return nil
}

type daemonHello struct {
	Protocol int    `json:"protocol"`
	Identity string `json:"identity"`
	// Ready is false while the pool's workers are still starting; the
	// client then runs its program without the daemon.
	Ready bool `json:"ready"`
	// Execute says the daemon takes ExecuteCalls.
	Execute bool `json:"execute,omitempty"`
	// PID and Running (runs in flight) are for diagnostics and tests.
	PID     int `json:"pid"`
	Running int `json:"running"`
}

type daemonCall struct {
	Run *Request `json:"run,omitempty"`
	// Execute asks a daemon that can (daemonHello.Execute) to check, gate,
	// transpile and run a program itself.
	Execute *ExecuteCall `json:"execute,omitempty"`
	Stop    bool         `json:"stop,omitempty"`
}

// ExecuteCall is a whole program for a daemon to check, gate, transpile
// and run under the client's policy: the client resolved the policy (its
// files, its flags), so the daemon never runs anything the client would
// not, and the client process is spared the parser's and the rules'
// cold start.
type ExecuteCall struct {
	Source string        `json:"source"`
	Policy policy.Policy `json:"policy"`
	Gate   bool          `json:"gate"`
	Trace  bool          `json:"trace,omitempty"`
	Stdin  string        `json:"stdin,omitempty"`
}

// ExecuteFunc runs an ExecuteCall's program on runner (the daemon's pool).
type ExecuteFunc func(ctx context.Context, call *ExecuteCall, runner Runner) (*Result, error)

type daemonReply struct {
	Result *Result `json:"result,omitempty"`
	// Error is a failure of the daemon's pool (a worker that cannot
	// start), as Pool.Run would return it.
	Error string `json:"error,omitempty"`
}
