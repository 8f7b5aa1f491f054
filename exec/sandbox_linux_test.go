//go:build linux

package exec

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	osexec "os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

const sandboxProbeEnv = "STELP_TEST_SANDBOX_PROBE"

type probeReport struct {
	Layers  []string          `json:"layers"`
	Results map[string]string `json:"results"` // action -> "denied: ..." or "allowed"
}

// sandboxProbe runs in a child process: it locks itself down exactly as a
// worker does, then tries what a compromised interpreter might.
func sandboxProbe() int {
	secret := os.Getenv("STELP_TEST_SECRET_FILE")
	iso := lockDown(256)
	rep := probeReport{Layers: iso.layers, Results: map[string]string{}}
	try := func(name string, err error) {
		if err != nil {
			rep.Results[name] = "denied: " + err.Error()
		} else {
			rep.Results[name] = "allowed"
		}
	}
	_, err := os.ReadFile(secret)
	try("read file", err)
	try("create file", os.WriteFile(filepath.Join(filepath.Dir(secret), "created"), []byte("x"), 0o644))
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err == nil {
		unix.Close(fd)
	}
	try("socket", err)
	_, err = net.Dial("tcp", "127.0.0.1:9")
	try("connect", err)
	try("exec", osexec.Command("/bin/true").Run())
	_, _, errno := unix.RawSyscall(unix.SYS_FORK, 0, 0, 0)
	if errno == 0 {
		os.Exit(0) // the child of a fork that should not have happened
	}
	try("fork", errnoErr(errno))
	// Straight to the syscalls, past what Landlock denies first.
	argv0, _ := unix.BytePtrFromString("/bin/true")
	argv := []*byte{argv0, nil}
	_, _, errno = unix.RawSyscall(unix.SYS_EXECVE, uintptr(unsafe.Pointer(argv0)), uintptr(unsafe.Pointer(&argv[0])), 0)
	try("execve", errnoErr(errno))
	_, _, errno = unix.RawSyscall(unix.SYS_CLONE, uintptr(unix.SIGCHLD), 0, 0)
	if errno == 0 {
		os.Exit(0)
	}
	try("clone process", errnoErr(errno))
	_, _, errno = unix.RawSyscall(unix.SYS_CLONE3, 0, 0, 0)
	try("clone3", errnoErr(errno))
	b, _ := json.Marshal(rep)
	fmt.Println(string(b))
	return 0
}

func errnoErr(e unix.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// TestSandboxLayers checks, in a child process, that the layers a worker
// reports really deny file, network, exec and fork.
func TestSandboxLayers(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("s3cret"), 0o600); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := osexec.Command(exe)
	cmd.Env = append(os.Environ(), sandboxProbeEnv+"=1", "STELP_TEST_SECRET_FILE="+secret)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	var rep probeReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("probe output %q: %v", out, err)
	}
	t.Logf("layers in force: %v", rep.Layers)
	for action, r := range rep.Results {
		t.Logf("%-12s %s", action, r)
	}
	mustDeny := []string{"exec", "fork", "create file"}
	if hasLayer(rep.Layers, "landlock") {
		mustDeny = append(mustDeny, "read file")
	}
	if slices.Contains(rep.Layers, "seccomp") {
		mustDeny = append(mustDeny, "socket", "connect", "execve", "clone process")
		if rep.Results["clone3"] != "denied: "+unix.ENOSYS.Error() {
			t.Errorf("clone3: %s, want ENOSYS (glibc then falls back to clone)", rep.Results["clone3"])
		}
	}
	for _, a := range mustDeny {
		if !strings.HasPrefix(rep.Results[a], "denied") {
			t.Errorf("%s was not denied (layers %v)", a, rep.Layers)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "created")); err == nil {
		t.Error("the probe created a file")
	}
}

func hasLayer(layers []string, prefix string) bool {
	for _, l := range layers {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// seccompData is struct seccomp_data as the filter reads it.
type seccompData struct {
	nr   uint32
	arch uint32
	arg0 uint64
}

// runSeccomp interprets the classic-BPF subset seccompProgram uses.
func runSeccomp(t *testing.T, prog []unix.SockFilter, d seccompData) uint32 {
	t.Helper()
	var a uint32
	for pc := 0; pc < len(prog); pc++ {
		in := prog[pc]
		switch in.Code {
		case unix.BPF_LD | unix.BPF_W | unix.BPF_ABS:
			switch in.K {
			case seccompOffNR:
				a = d.nr
			case seccompOffArch:
				a = d.arch
			case seccompOffArg0:
				a = uint32(d.arg0)
			default:
				t.Fatalf("load of offset %d", in.K)
			}
		case unix.BPF_JMP | unix.BPF_JEQ | unix.BPF_K, unix.BPF_JMP | unix.BPF_JGE | unix.BPF_K, unix.BPF_JMP | unix.BPF_JSET | unix.BPF_K:
			var cond bool
			switch in.Code &^ (unix.BPF_JMP | unix.BPF_K) {
			case unix.BPF_JEQ:
				cond = a == in.K
			case unix.BPF_JGE:
				cond = a >= in.K
			case unix.BPF_JSET:
				cond = a&in.K != 0
			}
			if cond {
				pc += int(in.Jt)
			} else {
				pc += int(in.Jf)
			}
		case unix.BPF_RET | unix.BPF_K:
			return in.K
		default:
			t.Fatalf("opcode %#x", in.Code)
		}
	}
	t.Fatal("the filter fell off its end")
	return 0
}

// TestSeccompProgram runs the worker's filter on syscalls a compromised
// interpreter might try, including the ways around a deny list: another
// architecture's numbers and, on x86-64, the x32 ABI.
func TestSeccompProgram(t *testing.T) {
	prog := seccompProgram()
	if len(prog) > 4096 {
		t.Fatalf("%d instructions, over the kernel's limit", len(prog))
	}
	native := func(nr uintptr) seccompData { return seccompData{nr: uint32(nr), arch: seccompAuditArch} }
	eperm, enosys := seccompErrno(unix.EPERM), seccompErrno(unix.ENOSYS)
	cases := []struct {
		name string
		d    seccompData
		want uint32
	}{
		{"read", native(unix.SYS_READ), unix.SECCOMP_RET_ALLOW},
		{"mmap", native(unix.SYS_MMAP), unix.SECCOMP_RET_ALLOW},
		{"socket", native(unix.SYS_SOCKET), eperm},
		{"execve", native(unix.SYS_EXECVE), eperm},
		{"unlinkat", native(unix.SYS_UNLINKAT), eperm},
		{"quotactl", native(unix.SYS_QUOTACTL), eperm},
		{"clone3", native(unix.SYS_CLONE3), enosys},
		{"clone a thread", seccompData{nr: unix.SYS_CLONE, arch: seccompAuditArch, arg0: unix.CLONE_VM | unix.CLONE_THREAD | unix.CLONE_SIGHAND}, unix.SECCOMP_RET_ALLOW},
		{"clone a process", seccompData{nr: unix.SYS_CLONE, arch: seccompAuditArch, arg0: uint64(unix.SIGCHLD)}, eperm},
		{"another architecture", seccompData{nr: 11, arch: unix.AUDIT_ARCH_I386}, unix.SECCOMP_RET_KILL_PROCESS},
	}
	if seccompX32 {
		cases = append(cases, struct {
			name string
			d    seccompData
			want uint32
		}{"x32 execve", seccompData{nr: x32SyscallBit | 520, arch: seccompAuditArch}, enosys})
	}
	for _, c := range cases {
		if got := runSeccomp(t, prog, c.d); got != c.want {
			t.Errorf("%s: %#x, want %#x", c.name, got, c.want)
		}
	}
	for _, nr := range deniedSyscalls {
		if got := runSeccomp(t, prog, native(nr)); got != eperm {
			t.Errorf("syscall %d: %#x, want EPERM", nr, got)
		}
	}
}
