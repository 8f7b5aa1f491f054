package pyrt

import (
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
)

// vmLayout mirrors the fields of gpython's vm.Vm (v0.2.0) up to the
// exception being handled, which the VM keeps unexported. vmLayoutOK
// checks the mirror's size against the real struct, so a different
// gpython disables the feature instead of reading the wrong memory.
type vmLayout struct {
	frame    *py.Frame
	extended bool
	ext      int32
	retval   py.Object
	why      byte
	curexc   py.ExceptionInfo
	exc      py.ExceptionInfo // the exception an except block is handling
	context  py.Context
}

var vmLayoutOK = unsafe.Sizeof(vmLayout{}) == unsafe.Sizeof(vm.Vm{})

// patchRaiseContext sets __context__ on an exception raised while another
// is being handled, and marks `raise X from Y` as suppressing it, as
// CPython does: gpython sets neither.
func patchRaiseContext() {
	if !vmLayoutOK {
		return
	}
	orig := jumpTable[vm.RAISE_VARARGS]
	jumpTable[vm.RAISE_VARARGS] = func(v unsafe.Pointer, argc int32) error {
		handled := (*vmLayout)(v).exc.Value
		err := orig(v, argc)
		raised, ok := err.(*py.Exception)
		if !ok || argc == 0 {
			return err
		}
		if h, ok := handled.(*py.Exception); ok && h != raised && raised.Context == nil {
			raised.Context = h
		}
		if argc == 2 {
			raised.SuppressContext = true
		}
		return err
	}
}
