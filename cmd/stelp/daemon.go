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
	if err := exec.ServeDaemonFromEnv(ctx, daemonExecute); err != nil {
		fmt.Fprintf(stderr, "stelp %s: %v\n", daemonCommand, err) // stderr is /dev/null unless run by hand
		return 1
	}
	return exitOK
}

// runRunner picks what runs a `stelp run` program: the warm daemon when
// one answers, else a one-shot worker started at once so that its start
// overlaps the check. start, when not nil, starts a daemon for the runs
// after this one; the caller calls it once its own run is over, so the
// daemon's start-up does not compete with this run for the CPU.
func runRunner(ctx context.Context, memoryMB int64, useDaemon bool, logf func(string, ...any)) (r exec.Runner, closeRunner func(), start func()) {
	if useDaemon {
		if why := daemonUnfit(os.Executable()); why != "" {
			logf("daemon: not used: %s", why)
		} else {
			var cfg exec.DaemonConfig
			remote, err := exec.DialDaemon(ctx, cfg)
			if err == nil {
				logf("daemon: running on the warm daemon (pid %d)", remote.PID())
				return remote, func() { remote.Close() }, nil
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
		}
	} else {
		logf("daemon: off")
	}
	w := exec.OneShot{}.Start(ctx, memoryMB)
	logf("running in a one-shot worker")
	return w, func() { w.Close() }, start
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
