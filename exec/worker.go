package exec

// worker.go is the worker process: the stelp binary (or a test binary)
// re-executed with STELP_WORKER=1. It warms the interpreter (pool workers
// only), locks itself down (rlimits, landlock, seccomp) and then serves
// requests one at a time on a goroutine whose stack was grown up front
// (see depthTracker and preGrowStack).

import (
	"bufio"
	"math"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/go-python/gpython/py"
	"golang.org/x/sys/unix"

	"github.com/stelp-dev/stelp/policy"
)

const (
	workerEnv    = "STELP_WORKER"
	workerMemEnv = "STELP_WORKER_MEMORY_MB"
	// workerOnceEnv marks a one-shot worker: it serves one request and
	// exits, so it skips what only pays off across requests (the warm-up
	// run, the type snapshot).
	workerOnceEnv = "STELP_WORKER_ONESHOT"
	// workerStack is the pre-grown stack of the goroutine that runs
	// programs, and the hard cap on it: about 2 KiB of Go stack per
	// Python frame gives room for thousands of frames; a program that
	// needs more kills the worker (a recursion limit result).
	workerStack = 8 << 20
)

var (
	extMu      sync.Mutex
	extensions Extensions
)

// SetExtensions registers the runtime extensions (pyrt, the lowering
// prelude) that workers install. The binary calls it before
// MaybeRunWorker; tests may too.
func SetExtensions(ext Extensions) {
	extMu.Lock()
	extensions = ext
	extMu.Unlock()
}

func currentExtensions() Extensions {
	extMu.Lock()
	defer extMu.Unlock()
	if extensions.Install == nil && extensions.Import == nil && extensions.Prelude == "" {
		return defaultExtensions()
	}
	return extensions
}

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(workerEnv) == "1" }

// MaybeRunWorker turns the process into a worker when it was started as
// one, and never returns in that case. main() and the TestMain of every
// package that runs programs call it first.
func MaybeRunWorker() {
	if !IsWorker() {
		return
	}
	os.Exit(workerMain())
}

func workerMain() int {
	out := bufio.NewWriter(os.Stdout)
	fail := func(err error) int {
		_ = writeFrame(out, hello{Error: err.Error()})
		_ = out.Flush()
		return 3
	}
	memMB, _ := strconv.ParseInt(os.Getenv(workerMemEnv), 10, 64)
	if memMB <= 0 {
		memMB = policy.DefaultLimits().MemoryMB
	}
	once := os.Getenv(workerOnceEnv) == "1"
	// Everything interpreter-related happens on one goroutine whose stack
	// never moves.
	done := make(chan int, 1)
	go func() {
		debug.SetMaxStack(workerStack)
		preGrowStack()
		in := newInterp(currentExtensions())
		var types typeSnapshot
		if !once {
			// Warm up: the prelude's compilation and the first context
			// (module tables) are paid once per worker, not by a
			// request. A one-shot worker would pay them for nothing,
			// the prelude for the many programs that do not use it.
			if _, err := in.preludeCode(); err != nil {
				done <- fail(err)
				return
			}
			in.run(&Request{Code: "pass\n"})
			types = snapshotTypes(in)
		}
		// Made non-blocking before the lock-down, so that a woken worker
		// can poll it (spin.go).
		requests := newStdinReader(unix.Stdin)
		iso := lockDown(memMB)
		if err := writeFrame(out, hello{Isolation: iso.layers}); err != nil {
			done <- 3
			return
		}
		if err := out.Flush(); err != nil {
			done <- 3
			return
		}
		done <- serve(in, iso, types, once, requests, out)
	}()
	return <-done
}

// serve answers requests until the parent closes the pipe, a run taints
// the process-wide types, or, with once, after the first request.
func serve(in *interp, iso *isolation, types typeSnapshot, once bool, requests *stdinReader, w *bufio.Writer) int {
	garbage := newHeapWatch()
	r := bufio.NewReader(requests)
	// The process limits for a run are set between runs, off the path of
	// the request, for the limits the last request had (the policy's,
	// usually the same every time); a request with others resets them.
	var prepared policy.Limits
	prepare := func(lim policy.Limits) {
		iso.beforeRun(lim)
		// The Go heap's soft limit keeps the collector ahead of the
		// address-space cap, so most big programs fail as MemoryError-
		// like limits rather than fatal runtime aborts.
		debug.SetMemoryLimit(lim.MemoryMB << 20)
		prepared = lim
	}
	prepare(effectiveLimits(policy.Limits{}))
	for {
		n, err := readHeader(r)
		if err != nil {
			return 0 // parent closed the pipe: done
		}
		switch n {
		case wakeFrame:
			requests.spinFor(wakeSpin)
			continue
		case restFrame:
			requests.spinFor(0)
			continue
		}
		// The request the wake announced is here: the next wait sleeps
		// (polling on after the run would take a core from whatever
		// runs next).
		requests.spinFor(0)
		var req Request
		if err := readRequest(r, n, &req); err != nil {
			return 3
		}
		lim := effectiveLimits(req.Limits)
		if lim.Time != prepared.Time || lim.MemoryMB != prepared.MemoryMB {
			prepare(lim)
		}
		res := in.run(&req)
		res.Isolation = iso.layers
		res.Usage.PeakKB = iso.peakKB()
		tainted := types.changed()
		if err := writeFrame(w, reply{Result: res, Tainted: tainted}); err != nil {
			return 3
		}
		if err := w.Flush(); err != nil {
			return 3
		}
		if tainted || once {
			return 0
		}
		garbage.collectIfLarge()
		prepare(lim)
	}
}

// typeSnapshot fingerprints the method tables of the built-in types, which
// gpython shares process-wide: a program that manages to change one must
// not leave that change to the next program in a warm worker.
type typeSnapshot map[*py.Type]map[string]uintptr

func snapshotTypes(in *interp) typeSnapshot {
	ctx := py.NewContext(py.ContextOpts{SysPaths: []string{}})
	defer ctx.Close()
	if in.ext.Install != nil {
		_ = in.ext.Install(ctx)
	}
	snap := typeSnapshot{}
	var add func(t *py.Type)
	add = func(t *py.Type) {
		if t == nil {
			return
		}
		if _, ok := snap[t]; ok {
			return
		}
		snap[t] = fingerprint(t.Dict)
		add(t.Base)
	}
	for _, v := range ctx.Store().Builtins.Globals {
		if t, ok := v.(*py.Type); ok {
			add(t)
		}
	}
	for _, t := range []*py.Type{py.TypeType, py.ObjectType, py.StringType, py.IntType, py.FloatType,
		py.ListType, py.TupleType, py.StringDictType, py.SetType, py.FunctionType, py.MethodType,
		py.GeneratorType, py.ModuleType, py.CodeType, py.FrameType, py.TracebackType, py.BoolType,
		py.BytesType, py.RangeType, py.SliceType, py.None.Type(), py.ComplexType, py.BigIntType} {
		add(t)
	}
	return snap
}

func fingerprint(d py.StringDict) map[string]uintptr {
	fp := make(map[string]uintptr, len(d))
	for k, v := range d {
		fp[k] = identity(v)
	}
	return fp
}

// identity is a cheap stand-in for Python's `is`: pointers by address,
// other values by their content's hash.
func identity(v py.Object) uintptr {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return rv.Pointer()
	case reflect.String:
		return uintptr(len(rv.String())) + 1
	case reflect.Int, reflect.Int64:
		return uintptr(rv.Int())
	case reflect.Float64:
		return uintptr(math.Float64bits(rv.Float()))
	case reflect.Bool:
		if rv.Bool() {
			return 1
		}
		return 2
	}
	return uintptr(rv.Kind())
}

func (s typeSnapshot) changed() bool {
	for t, fp := range s {
		if len(t.Dict) != len(fp) {
			return true
		}
		for k, v := range t.Dict {
			old, ok := fp[k]
			if !ok || old != identity(v) {
				return true
			}
		}
	}
	return false
}

// collectAfterBytes is how much heap a run may leave behind before the
// worker collects it between runs.
const collectAfterBytes = 16 << 20

// heapWatch decides when a warm worker forces a collection between runs.
// Forcing one after every run marks the worker's whole live heap (the
// interpreter, the runtime's modules, the compiled prelude): about a
// millisecond on a small VM, which the next request waited for. Small
// runs leave their garbage to the collector's own pacing and to the next
// run's soft memory limit (debug.SetMemoryLimit in serve); a run that
// left much behind is collected at once, so that the next program starts
// with its whole budget.
//
// It reads runtime.MemStats, not runtime/metrics, whose package
// initialisation alone costs every stelp process about 0.4 ms at start.
type heapWatch struct {
	stats    runtime.MemStats
	baseline uint64
}

func newHeapWatch() *heapWatch {
	h := &heapWatch{}
	h.baseline = h.heapBytes()
	return h
}

// heapBytes is the heap held by objects, live or not yet swept.
func (h *heapWatch) heapBytes() uint64 {
	runtime.ReadMemStats(&h.stats)
	return h.stats.HeapAlloc
}

func (h *heapWatch) collectIfLarge() {
	if h.heapBytes() > h.baseline+collectAfterBytes {
		runtime.GC()
		h.baseline = h.heapBytes()
	}
}
