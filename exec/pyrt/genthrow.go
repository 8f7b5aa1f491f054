package pyrt

// genthrow.go gives generators throw() and close(). gpython has neither:
// its generators can only be resumed with a value. CPython raises the
// thrown exception at the paused yield, so the generator's own except and
// finally blocks run (contextlib.contextmanager relies on it). Here the
// generator is resumed with the instruction after its yield temporarily
// replaced by an unused opcode whose handler restores the byte at once
// and returns the exception: the VM then unwinds the generator's block
// stack exactly as if that instruction had raised.

import (
	"reflect"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// pendingThrow is an exception waiting to be raised in a paused frame.
type pendingThrow struct {
	exc  error
	code *py.Code // the frame's own code, to put back
}

// throwOps are two opcodes gpython leaves illegal, one below
// HAVE_ARGUMENT and one above, so that the VM decodes the replaced
// instruction with the same length as the original.
var throwOps [2]vm.OpCode

func patchGeneratorThrow() {
	illegal := reflect.ValueOf(jumpTable[0]).Pointer()
	found := [2]bool{}
	for op := 255; op > 0; op-- {
		i := 0
		if vm.OpCode(op).HAS_ARG() {
			i = 1
		}
		if !found[i] && reflect.ValueOf(jumpTable[op]).Pointer() == illegal {
			throwOps[i], found[i] = vm.OpCode(op), true
		}
	}
	if !found[0] || !found[1] {
		panic("pyrt: no free opcode for generator.throw")
	}
	// size is the length of the instructions the opcode stands for.
	raise := func(size int32) func(unsafe.Pointer, int32) error {
		return func(v unsafe.Pointer, arg int32) error {
			f := vmFrame(v)
			if st := frameState(f); st != nil && st.genThrows[f] != nil {
				p := st.genThrows[f]
				delete(st.genThrows, f)
				f.Code = p.code
				return p.exc
			}
			// Met again on the copy (a loop back to the yield): the frame
			// is on its own code, which has the original instruction here.
			return jumpTable[f.Code.Code[f.Lasti-size]](v, arg)
		}
	}
	jumpTable[throwOps[0]] = raise(1)
	jumpTable[throwOps[1]] = raise(3)
}

// generatorThrow raises exc in g where it is paused and returns what g
// yields next; the error is what g raises (exc itself when g does not
// catch it, StopIteration when it returns).
func generatorThrow(g *py.Generator, exc *py.Exception) (py.Object, error) {
	f := g.Frame
	switch {
	case g.Running:
		return nil, py.ExceptionNewf(py.ValueError, "generator already executing")
	case f.Lasti == 0 || !f.Yielded:
		// Not started, or finished: nothing can catch it.
		finishGenerator(g)
		return nil, exc
	}
	if int(f.Lasti) < len(f.Code.Code) && vm.OpCode(f.Code.Code[f.Lasti]) == vm.YIELD_FROM {
		return throwIntoDelegate(g, exc)
	}
	return resumeRaising(g, exc)
}

// throwIntoDelegate handles a generator paused in `yield from sub`: the
// exception goes to sub first, as in CPython.
func throwIntoDelegate(g *py.Generator, exc *py.Exception) (py.Object, error) {
	f := g.Frame
	sub := top(f)
	var res py.Object
	var err error
	switch s := sub.(type) {
	case *py.Generator:
		res, err = generatorThrow(s, exc)
	default:
		throw, aerr := py.GetAttrString(sub, "throw")
		if aerr != nil {
			// An iterator without throw(): the exception is raised in
			// g at the yield from.
			res, err = nil, exc
		} else {
			res, err = py.Call(throw, py.Tuple{exc}, nil)
		}
	}
	if err == nil {
		return res, nil // sub yielded: g stays paused in its yield from
	}
	// sub is done: the yield from ends, with sub's return value or by
	// raising what sub raised.
	pop(f)
	f.Lasti++
	if pyobj.IsStopIteration(err) {
		return resumeWith(g, stopValue(err, sub))
	}
	if e, ok := asException(err); ok {
		return resumeRaising(g, e)
	}
	finishGenerator(g)
	return nil, err
}

// resumeRaising resumes g with exc raised at its current instruction.
func resumeRaising(g *py.Generator, exc *py.Exception) (py.Object, error) {
	f := g.Frame
	st := frameState(f)
	if st == nil || int(f.Lasti) >= len(f.Code.Code) {
		finishGenerator(g)
		return nil, exc
	}
	own := f.Code
	op := throwOps[0]
	if vm.OpCode(own.Code[f.Lasti]).HAS_ARG() {
		op = throwOps[1]
	}
	patched := *own
	b := []byte(own.Code)
	b[f.Lasti] = byte(op)
	patched.Code = string(b)
	if st.genThrows == nil {
		st.genThrows = map[*py.Frame]*pendingThrow{}
	}
	st.genThrows[f] = &pendingThrow{exc: exc, code: own}
	f.Code = &patched
	defer func() {
		// The handler puts the code back; this covers a resumption that
		// never reached it.
		f.Code = own
		delete(st.genThrows, f)
	}()
	return resumeWith(g, py.None)
}

// resumeWith resumes a paused g as if its yield evaluated to v.
func resumeWith(g *py.Generator, v py.Object) (py.Object, error) {
	f := g.Frame
	push(f, v)
	g.Running = true
	res, err := py.VmRunFrame(f)
	g.Running = false
	if err != nil {
		finishGenerator(g)
		return nil, err
	}
	if f.Yielded {
		return res, nil
	}
	return nil, stopIteration(generatorResult(g))
}

// generatorClose is generator.close(): GeneratorExit at the paused yield;
// a generator that yields again instead of finishing is an error.
func generatorClose(g *py.Generator) error {
	if g.Frame.Lasti == 0 || !g.Frame.Yielded {
		finishGenerator(g)
		return nil
	}
	exit, err := py.Call(py.GeneratorExit, nil, nil)
	if err != nil {
		return err
	}
	_, err = generatorThrow(g, exit.(*py.Exception))
	switch {
	case err == nil:
		finishGenerator(g)
		return py.ExceptionNewf(py.RuntimeError, "generator ignored GeneratorExit")
	case py.IsException(py.GeneratorExit, err), pyobj.IsStopIteration(err):
		return nil
	}
	return err
}

// stopIteration is the StopIteration a generator that returned v raises.
func stopIteration(v py.Object) error {
	args := py.Tuple{}
	if v != py.None {
		args = py.Tuple{v}
	}
	return &py.Exception{Base: py.StopIteration, Args: args, Dict: py.NewStringDict()}
}

// stopValue is the value a finished sub-iterator handed back through its
// StopIteration.
func stopValue(err error, sub py.Object) py.Object {
	if e, ok := asException(err); ok {
		if args, ok := e.Args.(py.Tuple); ok && len(args) > 0 {
			return args[0]
		}
	}
	return generatorResult(sub)
}

func asException(err error) (*py.Exception, bool) {
	if info, ok := err.(py.ExceptionInfo); ok {
		e, ok := info.Value.(*py.Exception)
		return e, ok
	}
	e, ok := err.(*py.Exception)
	return e, ok
}

// isInstanceOf reports whether o is an exception instance of class t.
func isInstanceOf(o py.Object, t *py.Type) bool {
	e, ok := o.(*py.Exception)
	return ok && e.Type().IsSubtype(t)
}
