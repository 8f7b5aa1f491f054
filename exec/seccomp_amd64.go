//go:build linux

package exec

import "golang.org/x/sys/unix"

const (
	seccompAuditArch = unix.AUDIT_ARCH_X86_64
	seccompX32       = true
)

// legacyDenied are the x86-64 syscalls that newer architectures replaced
// by the *at forms and clone, which deniedSyscalls covers.
var legacyDenied = []uintptr{
	unix.SYS_FORK, unix.SYS_VFORK, unix.SYS_IOPL, unix.SYS_IOPERM, unix.SYS_MKNOD, unix.SYS_LINK,
	unix.SYS_SYMLINK, unix.SYS_UNLINK, unix.SYS_RENAME, unix.SYS_MKDIR, unix.SYS_RMDIR,
	unix.SYS_CHMOD, unix.SYS_CHOWN, unix.SYS_LCHOWN,
}
