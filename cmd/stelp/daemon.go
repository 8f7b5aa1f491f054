package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/stelp-dev/stelp/exec"
)

// daemonCommand is the hidden mode `stelp run` starts in the background
// to keep workers warm for the runs after it (see exec.ServeDaemon); it
// is never started by hand.
const daemonCommand = "__daemon"

func runDaemon(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if !exec.IsDaemon() {
		fmt.Fprintf(stderr, "stelp %s: internal mode, started by 'stelp run' itself\n", daemonCommand)
		return exitUsage
	}
	if err := exec.ServeDaemonFromEnv(ctx, executeCall); err != nil {
		fmt.Fprintf(stderr, "stelp %s: %v\n", daemonCommand, err) // stderr is /dev/null unless run by hand
		return 1
	}
	return exitOK
}

// runOnDaemon hands the program to the warm daemon, which checks, gates,
// transpiles and runs it with its parser, rule tables and workers warm,
// under the policy this process resolved. A nil result and error mean no
// daemon took it and nothing ran; start, when not nil, starts a daemon
// for the runs after this one: the caller calls it once its own run is
// over, so the daemon's start-up does not compete with the run for the
// CPU.
func runOnDaemon(ctx context.Context, use bool, call *exec.ExecuteCall, logf func(string, ...any)) (res *exec.Result, start func(), err error) {
	if !use {
		logf("daemon: off")
		return nil, nil, nil
	}
	if why := daemonUnfit(os.Executable()); why != "" {
		logf("daemon: not used: %s", why)
		return nil, nil, nil
	}
	var cfg exec.DaemonConfig
	res, err = exec.ExecuteOnDaemon(ctx, cfg, call)
	switch {
	case err == nil:
		logf("daemon: running on the warm daemon")
		logf("daemon: checks, transpiles and runs the program")
		return res, nil, nil
	case !errors.Is(err, exec.ErrNotSent):
		return nil, nil, err
	}
	logf("daemon: not used: %v", err)
	if errors.Is(err, exec.ErrNoDaemon) {
		start = func() {
			if err := exec.StartDaemon(cfg); err != nil {
				logf("daemon: %v", err)
				return
			}
			logf("daemon: started one in the background for the next runs")
		}
	}
	return nil, start, nil
}

// daemonUnfit says why this binary should not start a daemon: one built
// by `go run` is deleted when the command ends, and each build would
// leave a daemon of its own behind.
func daemonUnfit(exe string, err error) string {
	if err != nil {
		return err.Error()
	}
	if filepath.Base(filepath.Dir(exe)) == "exe" && strings.Contains(exe, "go-build") {
		return "a temporary 'go run' binary"
	}
	return ""
}
