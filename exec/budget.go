package exec

// budget.go holds the Go side of the instrumentation the transpiler puts
// into every program: step ticks, the recursion depth limit, iterator
// wrappers, statement counts and traced values, plus the scan of compiled
// code that backs up the attribute guard.

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"

	"github.com/stelp-dev/stelp/exec/guard"
	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

func lineArg(args py.Tuple, i int) int {
	if len(args) > i {
		if l, ok := args[i].(py.Int); ok {
			return int(l)
		}
	}
	return 0
}

// step charges n steps against the budget.
func (s *session) step(n int64) {
	s.checkStopped()
	s.steps += n
	if s.steps > s.lim.steps {
		s.limitStop("steps", fmt.Sprintf("step budget of %d exhausted", s.lim.steps))
	}
}

// tick is __stelp_tick__(line): one loop iteration. It returns True so it
// can sit in front of a loop condition: `while __stelp_tick__(3) and (c):`.
func (s *session) tick(args py.Tuple, _ py.StringDict) (py.Object, error) {
	l := lineArg(args, 0)
	if l > 0 {
		s.lastLine = l
	}
	s.step(1)
	if s.trace != nil {
		s.trace.count(l)
	}
	return py.True, nil
}

// enter is __stelp_enter__(line): a function entry. It counts a step and
// checks the call depth.
func (s *session) enter(args py.Tuple, _ py.StringDict) (py.Object, error) {
	if l := lineArg(args, 0); l > 0 {
		s.lastLine = l
	}
	s.step(1)
	if d := s.in.depth.enter(); d > s.lim.recursion {
		s.limitStop("recursion", fmt.Sprintf("call depth exceeded %d", s.lim.recursion))
	}
	return py.True, nil
}

// lineMark is __stelp_line__(line): a statement start, counted for traces.
func (s *session) lineMark(args py.Tuple, _ py.StringDict) (py.Object, error) {
	s.checkStopped()
	l := lineArg(args, 0)
	if l > 0 {
		s.lastLine = l
	}
	if s.trace != nil {
		s.trace.count(l)
	}
	return py.True, nil
}

// traceValue is __stelp_trace__(line, name, value): remembers the last
// value assigned to name on line.
func (s *session) traceValue(args py.Tuple, _ py.StringDict) (py.Object, error) {
	s.checkStopped()
	if s.trace == nil || len(args) != 3 {
		return py.None, nil
	}
	name, _ := args[1].(py.String)
	s.trace.value(lineArg(args, 0), string(name), args[2])
	return py.None, nil
}

// iterWrap is __stelp_iter__(iterable, line): an iterator that charges a
// step for every item, so comprehensions and for loops are bounded.
func (s *session) iterWrap(args py.Tuple, _ py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) < 1 {
		return nil, py.ExceptionNewf(py.TypeError, "__stelp_iter__ needs an iterable")
	}
	// pyobj.Iter, not py.Iter: gpython's own iterates a str by index,
	// counting runes from the start each step (quadratic in len(s)).
	it, err := pyobj.Iter(args[0])
	if err != nil {
		return nil, err
	}
	return &tickIter{s: s, inner: it, line: lineArg(args, 1), count: lineArg(args, 2) == 1 && s.trace != nil}, nil
}

type tickIter struct {
	s     *session
	inner py.Object
	line  int
	count bool // count the line per item (a traced for statement)
}

var tickIterType = py.NewType("iterator", "budgeted iterator")

func (t *tickIter) Type() *py.Type                { return tickIterType }
func (t *tickIter) M__iter__() (py.Object, error) { return t, nil }
func (t *tickIter) M__next__() (py.Object, error) {
	if t.line > 0 {
		t.s.lastLine = t.line
	}
	t.s.step(1)
	v, err := py.Next(t.inner)
	if t.count && err == nil {
		t.s.trace.count(t.line)
	}
	return v, err
}

// depthTracker counts live Python calls from the Go stack: each function
// entry records its stack pointer and forgets entries at or below it
// (frames that have returned). It is exact as long as the goroutine's stack
// does not move, which the worker guarantees by pre-growing the stack of
// the goroutine that runs programs and turning off stack shrinking
// (GODEBUG=gcshrinkstackoff=1); a stack that would have to grow further
// hits debug.SetMaxStack and kills the worker (a recursion limit result).
type depthTracker struct {
	sps []uintptr
}

func (d *depthTracker) reset() {
	d.sps = d.sps[:0]
}

//go:noinline
func stackPointer() uintptr {
	var x byte
	return uintptr(unsafe.Pointer(&x))
}

func (d *depthTracker) enter() int {
	sp := stackPointer()
	for len(d.sps) > 0 && d.sps[len(d.sps)-1] <= sp {
		d.sps = d.sps[:len(d.sps)-1]
	}
	d.sps = append(d.sps, sp)
	return len(d.sps)
}

func abiViolation(name string, line int) *Violation {
	return &Violation{Kind: "builtin", Detail: fmt.Sprintf("binding %q (a stelp runtime hook) is not allowed", name), Line: line}
}

// attrOps are the opcodes whose argument is an attribute name.
var attrOps = map[vm.OpCode]bool{
	vm.LOAD_ATTR: true, vm.STORE_ATTR: true, vm.DELETE_ATTR: true, vm.IMPORT_FROM: true,
}

// globalOps are the opcodes whose argument is a variable name.
var globalOps = map[vm.OpCode]bool{
	vm.LOAD_NAME: true, vm.STORE_NAME: true, vm.DELETE_NAME: true,
	vm.LOAD_GLOBAL: true, vm.STORE_GLOBAL: true, vm.DELETE_GLOBAL: true,
}

// abiNames are the instrumentation's runtime hooks. A program that binds
// one (a global, a local, a parameter) would shadow the builtin and turn
// its budget or guard off, so any binding of them is refused.
var abiNames = map[string]bool{
	"__stelp_tick__": true, "__stelp_enter__": true, "__stelp_iter__": true,
	"__stelp_attr__": true, "__stelp_line__": true, "__stelp_trace__": true,
	"__stelp_globals__": true, "__stelp_locals__": true,
}

// storeOps bind or unbind a name.
var storeOps = map[vm.OpCode]bool{
	vm.STORE_NAME: true, vm.STORE_GLOBAL: true, vm.DELETE_NAME: true, vm.DELETE_GLOBAL: true,
}

// deniedGlobals are variable names that must not be used: CPython binds
// __builtins__ in every module, a classic way back to eval and open.
var deniedGlobals = map[string]bool{"__builtins__": true}

// deniedGlobal also checks dotted names, which the runtime resolves as an
// attribute chain (a.b.c).
func deniedGlobal(name string) bool {
	if deniedGlobals[name] {
		return true
	}
	parts := strings.Split(name, ".")
	for i, p := range parts {
		if (i == 0 && deniedGlobals[p]) || (i > 0 && guard.Guarded(p)) {
			return true
		}
	}
	return false
}

// scanCode is the backstop of the attribute guard: a guarded name used
// directly by compiled code (the transpiler should have routed it through
// __stelp_attr__) is refused before the program starts.
func scanCode(code *py.Code) *Violation {
	for _, names := range [][]string{code.Varnames, code.Cellvars, code.Freevars} {
		for _, n := range names {
			if abiNames[n] {
				return abiViolation(n, int(code.Firstlineno))
			}
		}
	}
	ops := code.Code
	var ext int32
	for i := 0; i < len(ops); {
		op := vm.OpCode(ops[i])
		at := i
		i++
		if !op.HAS_ARG() {
			continue
		}
		if i+1 >= len(ops) {
			break
		}
		arg := int32(ops[i]) | int32(ops[i+1])<<8 | ext<<16
		i += 2
		ext = 0
		if op == vm.EXTENDED_ARG {
			ext = arg
			continue
		}
		if storeOps[op] && int(arg) < len(code.Names) && abiNames[code.Names[arg]] {
			return abiViolation(code.Names[arg], int(code.Addr2Line(int32(at))))
		}
		if (attrOps[op] || globalOps[op]) && int(arg) < len(code.Names) {
			name := code.Names[arg]
			if (attrOps[op] && guard.Guarded(name)) || (globalOps[op] && deniedGlobal(name)) {
				return &Violation{
					Kind:   "attribute",
					Detail: fmt.Sprintf("use of %q is not allowed in the sandbox", name),
					Line:   int(code.Addr2Line(int32(at))),
				}
			}
		}
	}
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			if v := scanCode(sub); v != nil {
				return v
			}
		}
	}
	return nil
}
