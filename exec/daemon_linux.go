//go:build linux

package exec

import (
	"fmt"
	"net"
	"syscall"
)

const daemonSupported = true

// daemonWorkerExe is what a daemon re-executes as its workers: the very
// file it was started from, even after an upgrade replaced or deleted the
// path, so a daemon never mixes with workers of another build.
const daemonWorkerExe = "/proc/self/exe"

// peerUID is the uid of the process at the other end of conn, as the
// kernel recorded it when the connection was made (SO_PEERCRED).
func peerUID(conn *net.UnixConn) (int, error) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return -1, err
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return -1, err
	}
	if credErr != nil {
		return -1, fmt.Errorf("SO_PEERCRED: %w", credErr)
	}
	return int(cred.Uid), nil
}
