//go:build !linux

package exec

import (
	"errors"
	"net"
)

// The daemon needs the kernel's word on who is connecting (SO_PEERCRED);
// elsewhere `stelp run` always starts its own worker.
const daemonSupported = false

const daemonWorkerExe = ""

func peerUID(conn *net.UnixConn) (int, error) {
	return -1, errors.New("peer credentials are not supported on this system")
}
