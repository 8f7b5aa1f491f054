//go:build linux

package exec

import "golang.org/x/sys/unix"

const (
	seccompAuditArch = unix.AUDIT_ARCH_AARCH64
	seccompX32       = false
)

// legacyDenied is empty: arm64 never had fork, unlink, mkdir and the other
// calls that the *at forms and clone replaced.
var legacyDenied []uintptr
