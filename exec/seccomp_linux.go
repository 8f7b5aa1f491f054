//go:build linux && (amd64 || arm64)

package exec

// seccomp_linux.go builds the worker's seccomp filter by hand: a short
// classic-BPF program over the architecture's own syscall numbers (from
// golang.org/x/sys/unix at compile time), so no process pays for syscall
// tables at init.

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Offsets into struct seccomp_data: nr, arch, instruction_pointer, args[6].
const (
	seccompOffNR   = 0
	seccompOffArch = 4
	// The low 32 bits of args[0] (amd64 and arm64 are little-endian).
	seccompOffArg0 = 16
	// x32SyscallBit marks the x32 ABI's syscall numbers on x86-64, which
	// share AUDIT_ARCH_X86_64: without a check they would get around a
	// deny list written in x86-64 numbers.
	x32SyscallBit = 0x40000000
)

// deniedSyscalls fail with EPERM in a worker: networking, new programs and
// processes, debugging other processes, kernel and mount administration,
// and every change to the file system (Landlock denies these too, where
// the kernel has it). legacyDenied (per architecture) adds the old forms
// that x86-64 still has.
var deniedSyscalls = append([]uintptr{
	unix.SYS_SOCKET, unix.SYS_SOCKETPAIR, unix.SYS_CONNECT, unix.SYS_BIND, unix.SYS_LISTEN,
	unix.SYS_ACCEPT, unix.SYS_ACCEPT4, unix.SYS_SENDTO, unix.SYS_SENDMSG, unix.SYS_SENDMMSG,
	unix.SYS_RECVFROM, unix.SYS_RECVMSG, unix.SYS_RECVMMSG,
	unix.SYS_EXECVE, unix.SYS_EXECVEAT, unix.SYS_PTRACE,
	unix.SYS_PROCESS_VM_READV, unix.SYS_PROCESS_VM_WRITEV, unix.SYS_KEXEC_LOAD,
	unix.SYS_MOUNT, unix.SYS_UMOUNT2, unix.SYS_UNSHARE, unix.SYS_SETNS, unix.SYS_PIVOT_ROOT,
	unix.SYS_CHROOT, unix.SYS_KEYCTL, unix.SYS_ADD_KEY, unix.SYS_REQUEST_KEY, unix.SYS_BPF,
	unix.SYS_PERF_EVENT_OPEN, unix.SYS_USERFAULTFD, unix.SYS_IO_URING_SETUP, unix.SYS_IO_URING_ENTER,
	unix.SYS_OPEN_BY_HANDLE_AT, unix.SYS_NAME_TO_HANDLE_AT, unix.SYS_INIT_MODULE,
	unix.SYS_FINIT_MODULE, unix.SYS_DELETE_MODULE, unix.SYS_REBOOT, unix.SYS_SWAPON,
	unix.SYS_SWAPOFF, unix.SYS_SETHOSTNAME, unix.SYS_SETDOMAINNAME,
	unix.SYS_MEMFD_CREATE, unix.SYS_MKNODAT, unix.SYS_LINKAT, unix.SYS_SYMLINKAT, unix.SYS_UNLINKAT,
	unix.SYS_RENAMEAT, unix.SYS_RENAMEAT2, unix.SYS_MKDIRAT, unix.SYS_FCHMOD, unix.SYS_FCHMODAT,
	unix.SYS_FCHOWN, unix.SYS_FCHOWNAT, unix.SYS_TRUNCATE, unix.SYS_SETUID, unix.SYS_SETGID,
	unix.SYS_SETREUID, unix.SYS_SETREGID, unix.SYS_SETRESUID, unix.SYS_SETRESGID,
	unix.SYS_SETGROUPS, unix.SYS_SETTIMEOFDAY, unix.SYS_CLOCK_SETTIME, unix.SYS_ACCT,
	unix.SYS_QUOTACTL,
}, legacyDenied...)

func seccompErrno(e unix.Errno) uint32 {
	return unix.SECCOMP_RET_ERRNO | uint32(e)&unix.SECCOMP_RET_DATA
}

// seccompProgram is the filter: another architecture's calling convention
// (on x86-64, int 0x80 with i386 numbers) kills the process, x32 numbers
// fail with ENOSYS, the denied syscalls with EPERM, clone3 with ENOSYS (so
// that glibc falls back to clone, whose flags can be checked) and clone
// without CLONE_THREAD (a new process, not a thread) with EPERM; anything
// else is allowed.
func seccompProgram() []unix.SockFilter {
	ld := func(off uint32) unix.SockFilter {
		return unix.SockFilter{Code: unix.BPF_LD | unix.BPF_W | unix.BPF_ABS, K: off}
	}
	jump := func(op uint16, k uint32, jt, jf uint8) unix.SockFilter {
		return unix.SockFilter{Code: unix.BPF_JMP | op | unix.BPF_K, K: k, Jt: jt, Jf: jf}
	}
	ret := func(v uint32) unix.SockFilter {
		return unix.SockFilter{Code: unix.BPF_RET | unix.BPF_K, K: v}
	}
	p := []unix.SockFilter{
		ld(seccompOffArch),
		jump(unix.BPF_JEQ, seccompAuditArch, 1, 0),
		ret(unix.SECCOMP_RET_KILL_PROCESS),
		ld(seccompOffNR),
	}
	if seccompX32 {
		p = append(p, jump(unix.BPF_JGE, x32SyscallBit, 0, 1), ret(seccompErrno(unix.ENOSYS)))
	}
	for _, nr := range deniedSyscalls {
		p = append(p, jump(unix.BPF_JEQ, uint32(nr), 0, 1), ret(seccompErrno(unix.EPERM)))
	}
	p = append(p,
		jump(unix.BPF_JEQ, unix.SYS_CLONE3, 0, 1), ret(seccompErrno(unix.ENOSYS)),
		jump(unix.BPF_JEQ, unix.SYS_CLONE, 0, 3),
		ld(seccompOffArg0),
		jump(unix.BPF_JSET, unix.CLONE_THREAD, 1, 0),
		ret(seccompErrno(unix.EPERM)),
		ret(unix.SECCOMP_RET_ALLOW),
	)
	return p
}

// loadSeccomp installs the filter on every thread of the process
// (SECCOMP_FILTER_FLAG_TSYNC), after setting no_new_privs, which the
// kernel requires of an unprivileged filter and which TSYNC copies to the
// other threads.
func loadSeccomp() error {
	prog := seccompProgram()
	fprog := unix.SockFprog{Len: uint16(len(prog)), Filter: &prog[0]}
	// no_new_privs is per thread: set it on the thread that installs the
	// filter.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := unix.Prctl(unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); err != nil {
		return err
	}
	r, _, errno := unix.Syscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER,
		unix.SECCOMP_FILTER_FLAG_TSYNC, uintptr(unsafe.Pointer(&fprog)))
	runtime.KeepAlive(prog)
	if errno != 0 {
		return errno
	}
	if r != 0 {
		// TSYNC failed: r is the thread that could not be synchronised,
		// and no thread got the filter.
		return unix.ESRCH
	}
	return nil
}
