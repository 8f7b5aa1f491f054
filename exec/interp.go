package exec

// interp.go is the interpreter side of a run: it executes inside the worker
// process, builds one fresh gpython context per request, replaces the
// builtins with guarded ones, runs the code and turns what happened into a
// Result. Nothing here is safe to run in the caller's process with hostile
// code: OS limits (sandbox_*.go) are what make a hostile run survivable.

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // wires py.NewContext, py.Compile and the embedded modules
)

// Extensions are the runtime additions the worker installs into every fresh
// context: extended types and builtins, extra modules and the lowering
// prelude. They are hooks so that exec does not hard-wire who provides them.
type Extensions struct {
	// Install extends a fresh context (types, builtins); called before
	// the guards are put in place, so the guards always win.
	Install func(ctx py.Context) error
	// Import returns a module the runtime provides, or an error if it
	// provides none by that name.
	Import func(ctx py.Context, name string) (py.Object, error)
	// Prelude is Python source defining __stelp_*__ helpers that lowered
	// code calls; compiled once per worker, run in every fresh context
	// (so its functions see that context's guarded builtins).
	Prelude string
	// Compile compiles a program (the runtime may correct gpython's code
	// objects); nil means py.Compile.
	Compile func(src, filename string) (*py.Code, error)
}

// gpythonSafeModules are gpython's own embedded modules that touch nothing
// outside the interpreter. os, sys, tempfile, glob and marshal are
// deliberately absent: they reach the real file system or code objects.
var gpythonSafeModules = map[string]bool{"math": true, "string": true, "time": true, "binascii": true}

// neverModules are refused even when a policy allowlists them: the sandbox
// has no real files, processes or interpreter internals to offer.
var neverModules = map[string]bool{
	"os": true, "sys": true, "tempfile": true, "glob": true, "marshal": true,
	"builtins": true, "importlib": true, "subprocess": true, "socket": true,
	"posix": true, "io": true, "shutil": true, "pathlib": true, "ctypes": true,
	"threading": true, "_thread": true, "multiprocessing": true, "signal": true,
	"gc": true, "inspect": true, "pickle": true, "code": true, "codeop": true,
	"pty": true, "fcntl": true, "resource": true, "mmap": true, "select": true,
	"asyncio": true, "urllib": true, "http": true, "ftplib": true, "smtplib": true,
	"telnetlib": true, "ssl": true, "webbrowser": true, "zipimport": true, "runpy": true,
}

// deniedBuiltins are the builtins that are removed; calling one ends the run
// with a violation naming it.
var deniedBuiltins = []string{
	"open", "exec", "eval", "compile", "globals", "locals",
	"breakpoint", "help", "exit", "quit", "memoryview", "copyright", "credits", "license",
}

// interp is the per-worker interpreter state, reused across runs.
type interp struct {
	ext Extensions
	// prelude is ext.Prelude compiled, on first need (preludeCode).
	prelude *py.Code
	depth   depthTracker
	// cur is the session being run, for process-wide hooks.
	cur *session
}

func newInterp(ext Extensions) *interp {
	return &interp{ext: ext}
}

// preludeCode compiles the prelude the first time it is needed: a pool
// worker before it says hello, a one-shot worker only for a program that
// uses a prelude helper (see needsPrelude). nil if there is none.
func (in *interp) preludeCode() (*py.Code, error) {
	if in.prelude == nil && strings.TrimSpace(in.ext.Prelude) != "" {
		code, err := in.compile(in.ext.Prelude, "<prelude>")
		if err != nil {
			return nil, fmt.Errorf("compile prelude: %w", err)
		}
		in.prelude = code
	}
	return in.prelude, nil
}

func (in *interp) compile(src, filename string) (*py.Code, error) {
	if in.ext.Compile != nil {
		return in.ext.Compile(src, filename)
	}
	return py.Compile(src, filename, py.ExecMode, 0, true)
}

// stopInfo says why a run was stopped from Go.
type stopInfo struct {
	status    Status
	limit     *Limit
	violation *Violation
}

// stopPanic unwinds the gpython VM (which recovers no Go panics) straight
// to run(), so user code can never catch a stop.
type stopPanic struct{ info *stopInfo }

// session is the per-run state shared by the injected builtins.
type session struct {
	in       *interp
	ctx      py.Context
	req      *Request
	lim      limitsView
	stdout   strings.Builder
	stderr   strings.Builder
	outUsed  int64
	steps    int64
	stdin    string
	stdinPos int
	trace    *tracer
	stop     *stopInfo
	lastLine int
	vfs      map[string]string
	prevAttr map[string]py.Object
	// trustedGlobals are the globals dicts of runtime modules (by
	// identity): imports they make are not the program's.
	trustedGlobals map[uintptr]bool
	loading        int // runtime modules being initialised
	hooks          map[string]py.Object
	mainGlobals    py.StringDict
}

type limitsView struct {
	steps     int64
	recursion int
	outBytes  int64
}

// halt records the first stop reason and unwinds the VM.
func (s *session) halt(info *stopInfo) {
	if s.stop == nil {
		s.stop = info
	}
	panic(stopPanic{s.stop})
}

func (s *session) limitStop(kind, detail string) {
	s.halt(&stopInfo{status: StatusLimit, limit: &Limit{Kind: kind, Detail: detail}})
}

// deny records a violation. It returns a Python exception so that the line
// is known if the program does not catch it; should it catch it, the
// stopped session makes every later tick, guard and write halt the run.
func (s *session) deny(kind, detail string) error {
	if s.stop == nil {
		s.stop = &stopInfo{status: StatusViolation, violation: &Violation{Kind: kind, Detail: detail, Line: s.lastLine}}
	}
	return py.ExceptionNewf(policyViolation, "%s", detail)
}

// checkStopped halts if an earlier guard already denied something.
func (s *session) checkStopped() {
	if s.stop != nil {
		panic(stopPanic{s.stop})
	}
}

// policyViolation is the exception a guard raises; it derives from
// BaseException so ordinary `except Exception` does not see it.
var policyViolation = py.BaseException.NewType("PolicyViolation", "A stelp runtime guard denied an action.", nil, nil)

// run executes one request in a fresh context and returns its result.
// It never panics: Go panics from the interpreter become results.
func (in *interp) run(req *Request) (res *Result) {
	lim := effectiveLimits(req.Limits)
	start := time.Now()
	s := &session{
		in:             in,
		req:            req,
		stdin:          req.Stdin,
		trustedGlobals: map[uintptr]bool{},
		lim: limitsView{
			steps:     lim.Steps,
			recursion: lim.Recursion,
			outBytes:  lim.OutputKB * 1024,
		},
	}
	if req.Trace {
		s.trace = newTracer()
	}
	if req.FilesAllowed {
		s.vfs = map[string]string{}
		for k, v := range req.Files {
			s.vfs[k] = v
		}
	}
	res = &Result{Status: StatusOK, Findings: []any{}, Violations: []Violation{}, Trace: []TraceLine{}}
	defer func() {
		res.Usage.WallMS = wallMS(time.Since(start))
		res.Usage.Steps = s.steps
		res.Stdout = s.stdout.String()
		res.Stderr = s.stderr.String()
	}()

	ctx := py.NewContext(py.ContextOpts{SysPaths: []string{}, SysArgs: []string{"<stelp>"}})
	s.ctx = ctx
	defer ctx.Close()

	in.depth.reset()
	in.cur = s
	defer func() { in.cur = nil }()
	runErr, panicVal := s.execute()
	switch {
	case s.stop != nil:
	case panicVal != nil:
		applyGoPanic(res, panicVal)
	case runErr != nil && cleanExit(runErr):
		// SystemExit(0) / SystemExit() ends a program successfully, as
		// in CPython.
	case runErr != nil:
		res.Status = StatusError
		res.Exception = exceptionOf(runErr)
	}
	if s.trace != nil {
		// Rendering values may run user __repr__ code; it is still
		// under the budget and the guards, so it goes before the stop
		// reason is read.
		res.Trace = s.trace.render()
	}
	if s.stop != nil {
		res.Status = s.stop.status
		res.Limit = s.stop.limit
		res.Exception = nil
		if v := s.stop.violation; v != nil {
			// The traceback of the guard's own exception is more precise
			// than the last tick.
			if l := excLine(runErr); l > 0 && isViolation(runErr) {
				v.Line = l
			}
			res.Violations = append(res.Violations, *v)
		}
	}
	return res
}

// execute compiles and runs the code. It returns the Python error, or the
// value of a Go panic that was not a stop.
func (s *session) execute() (runErr error, panicVal any) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stopPanic); ok {
				return
			}
			panicVal = r
		}
	}()
	code, err := s.in.compile(s.req.Code, "<stelp>")
	if err != nil {
		return err, nil
	}
	if v := scanCode(code); v != nil {
		s.stop = &stopInfo{status: StatusViolation, violation: v}
		return nil, nil
	}
	if err := s.install(code); err != nil {
		return nil, fmt.Sprintf("set up interpreter: %v", err)
	}
	bindHooks(code, s.hooks)
	main, err := s.ctx.Store().NewModule(s.ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__", FileDesc: "<stelp>"}})
	if err != nil {
		return nil, fmt.Sprintf("create __main__: %v", err)
	}
	s.mainGlobals = main.Globals
	_, err = s.ctx.RunCode(code, main.Globals, main.Globals, nil)
	return err, nil
}

// applyGoPanic maps a Go panic escaping gpython to a result: allocation
// failures are the memory limit, anything else an interpreter fault.
func applyGoPanic(res *Result, r any) {
	msg := fmt.Sprint(r)
	if e, ok := r.(runtime.Error); ok {
		msg = e.Error()
	}
	low := strings.ToLower(msg)
	switch {
	case strings.Contains(low, "out of memory"), strings.Contains(low, "len out of range"),
		strings.Contains(low, "cap out of range"), strings.Contains(low, "overflow"),
		strings.Contains(low, "too large"):
		res.Status = StatusLimit
		res.Limit = &Limit{Kind: "memory", Detail: "allocation too large: " + msg}
	default:
		res.Status = StatusError
		res.Exception = &Exception{Type: "SystemError", Message: "interpreter fault: " + msg}
	}
}

// exceptionOf converts a gpython error to the contract's exception.
func exceptionOf(err error) *Exception {
	var info py.ExceptionInfo
	if errors.As(err, &info) {
		ex := &Exception{Type: info.Type.Name, Line: excLine(err)}
		if info.Value != nil {
			if e, ok := info.Value.(*py.Exception); ok {
				ex.Message = exceptionMessage(e)
			} else {
				ex.Message = fmt.Sprint(info.Value)
			}
		}
		return ex
	}
	var pe *py.Exception
	if errors.As(err, &pe) {
		ex := &Exception{Type: pe.Base.Name, Message: exceptionMessage(pe)}
		if pe.Base.Name == "SyntaxError" || pe.Base.Name == "IndentationError" {
			if l, ok := pe.Dict["lineno"].(py.Int); ok {
				ex.Line = int(l)
			}
			if m, ok := pe.Dict["msg"].(py.String); ok && m != "" {
				ex.Message = string(m)
			}
		}
		return ex
	}
	return &Exception{Type: "SystemError", Message: err.Error()}
}

func exceptionMessage(e *py.Exception) string {
	args, ok := e.Args.(py.Tuple)
	if !ok {
		return ""
	}
	switch len(args) {
	case 0:
		return ""
	case 1:
		if str, err := py.Str(args[0]); err == nil {
			return string(str.(py.String))
		}
	}
	if r, err := py.Repr(args); err == nil {
		return string(r.(py.String))
	}
	return ""
}

func cleanExit(err error) bool {
	var info py.ExceptionInfo
	if !errors.As(err, &info) || info.Type == nil || !info.Type.IsSubtype(py.SystemExit) {
		return false
	}
	e, ok := info.Value.(*py.Exception)
	if !ok {
		return true
	}
	args, _ := e.Args.(py.Tuple)
	if len(args) == 0 || args[0] == py.None {
		return true
	}
	code, ok := args[0].(py.Int)
	return ok && code == 0
}

func isViolation(err error) bool {
	var info py.ExceptionInfo
	return errors.As(err, &info) && info.Type == policyViolation
}

// excLine is the innermost line of the user's program in a traceback.
func excLine(err error) int {
	var info py.ExceptionInfo
	if err == nil || !errors.As(err, &info) {
		return 0
	}
	line := 0
	for tb := info.Traceback; tb != nil; tb = tb.Next {
		if tb.Frame != nil && tb.Frame.Code != nil && tb.Frame.Code.Filename == "<stelp>" {
			line = int(tb.Lineno)
		}
	}
	return line
}

// sortedKeys is used for deterministic output of maps.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
