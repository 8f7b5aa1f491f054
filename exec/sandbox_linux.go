//go:build linux

package exec

// sandbox_linux.go locks a worker down before any user code runs:
// rlimits, landlock (no file-system or network access) and a seccomp
// filter (no sockets, no exec, no new processes). Each layer is best
// effort: a kernel that refuses one still gets a run, and the result says
// which layers were in force.

import (
	"bytes"
	"os"
	"strconv"

	"github.com/landlock-lsm/go-landlock/landlock"
	"golang.org/x/sys/unix"

	"github.com/stelp-dev/stelp/policy"
)

type isolation struct {
	layers []string
	// status and clearRefs are opened before landlock forbids opening
	// anything: they report and reset the peak resident size per run.
	status    *os.File
	clearRefs *os.File
	baseAS    uint64
}

// vmSize reads the current virtual size: the Go runtime, the cgo threads'
// stacks and the pre-grown program stack are already mapped, and the
// address-space cap must come on top of them, not include them.
func vmSize(status *os.File) uint64 {
	kb := procField(status, "VmSize:")
	return uint64(kb) << 10
}

func procField(f *os.File, field string) int64 {
	if f == nil {
		return 0
	}
	buf := make([]byte, 4096)
	n, err := f.ReadAt(buf, 0)
	if n == 0 && err != nil {
		return 0
	}
	buf = buf[:n]
	i := bytes.Index(buf, []byte(field))
	if i < 0 {
		return 0
	}
	rest := bytes.TrimLeft(buf[i+len(field):], " \t")
	j := bytes.IndexAny(rest, " \t\n")
	if j < 0 {
		return 0
	}
	v, _ := strconv.ParseInt(string(rest[:j]), 10, 64)
	return v
}

func lockDown(memMB int64) *isolation {
	iso := &isolation{}
	iso.status, _ = os.Open("/proc/self/status")
	iso.clearRefs, _ = os.OpenFile("/proc/self/clear_refs", os.O_WRONLY, 0)

	set := func(res int, cur, max uint64) bool {
		return unix.Setrlimit(res, &unix.Rlimit{Cur: cur, Max: max}) == nil
	}
	ok := true
	iso.baseAS = vmSize(iso.status)
	if iso.baseAS > 0 {
		limit := iso.baseAS + uint64(memMB)<<20
		ok = set(unix.RLIMIT_AS, limit, limit) && ok
	} else {
		ok = false
	}
	ok = set(unix.RLIMIT_FSIZE, 0, 0) && ok
	ok = set(unix.RLIMIT_CORE, 0, 0) && ok
	ok = set(unix.RLIMIT_NOFILE, 32, 32) && ok
	// RLIMIT_NPROC counts the user's processes (threads included) and is
	// not enforced for root; seccomp below is what stops new processes.
	var nproc unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_NPROC, &nproc) == nil {
		ok = set(unix.RLIMIT_NPROC, 256, 256) && ok
	}
	if ok {
		iso.layers = append(iso.layers, "rlimits")
	}

	if abi, err := landlockABI(); err == nil && abi > 0 {
		if err := landlock.V5.BestEffort().Restrict(); err == nil {
			iso.layers = append(iso.layers, "landlock-v"+strconv.Itoa(abi))
		}
	}
	if err := loadSeccomp(); err == nil {
		iso.layers = append(iso.layers, "seccomp")
	}
	return iso
}

// landlockABI asks the kernel which landlock ABI it supports.
func landlockABI() (int, error) {
	const createRulesetVersion = 1
	v, _, errno := unix.Syscall(unix.SYS_LANDLOCK_CREATE_RULESET, 0, 0, createRulesetVersion)
	if errno != 0 {
		return 0, errno
	}
	return int(v), nil
}

// beforeRun sets the per-run CPU limit: what the worker has used so far
// plus the run's wall budget (CPU time cannot exceed wall time, so this
// only matters if the parent's timer fails).
func (iso *isolation) beforeRun(lim policy.Limits) {
	var ru unix.Rusage
	_ = unix.Getrusage(unix.RUSAGE_SELF, &ru)
	used := uint64(ru.Utime.Sec + ru.Stime.Sec)
	secs := uint64(lim.Time.Seconds()) + 2
	var cur unix.Rlimit
	if unix.Getrlimit(unix.RLIMIT_CPU, &cur) == nil {
		soft := used + secs
		if soft > cur.Max {
			soft = cur.Max
		}
		_ = unix.Setrlimit(unix.RLIMIT_CPU, &unix.Rlimit{Cur: soft, Max: cur.Max})
	}
	// A warm worker's hard cap is the pool's budget; a run asking for
	// less gets a lower soft cap on top of what is mapped now.
	var as unix.Rlimit
	if base := vmSize(iso.status); base > 0 && unix.Getrlimit(unix.RLIMIT_AS, &as) == nil {
		soft := base + uint64(lim.MemoryMB)<<20
		if soft > as.Max {
			soft = as.Max
		}
		_ = unix.Setrlimit(unix.RLIMIT_AS, &unix.Rlimit{Cur: soft, Max: as.Max})
	}
	if iso.clearRefs != nil {
		// "5" resets the peak resident size (VmHWM).
		_, _ = iso.clearRefs.WriteAt([]byte("5"), 0)
	}
}

func (iso *isolation) peakKB() int64 { return procField(iso.status, "VmHWM:") }
