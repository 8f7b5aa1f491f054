package pyrt

import (
	"github.com/go-python/gpython/py"
)

// AttrGuard vets an attribute access (obj.name) before it happens; a
// non-nil error is raised in the program instead.
type AttrGuard func(obj py.Object, name string) error

// rtState is the runtime's per-context state. It lives in the context's
// builtins (so it dies with the context and needs no global map) under a
// name no program can spell by accident; it is an opaque object without
// attributes.
type rtState struct {
	attrGuard  AttrGuard
	kwOrder    []string                    // keyword names of the latest keyword call
	genReturns map[*py.Frame]py.Object     // values returned by generators, until read
	genThrows  map[*py.Frame]*pendingThrow // exceptions thrown into paused generators
}

const stateKey = "__stelp_runtime_state__"

var rtStateType = newType("stelp_runtime_state")

func (s *rtState) Type() *py.Type { return rtStateType }

func stateOf(builtins py.StringDict) *rtState {
	if s, ok := builtins[stateKey].(*rtState); ok {
		return s
	}
	return nil
}

func frameState(f *py.Frame) *rtState {
	if f == nil {
		return nil
	}
	return stateOf(f.Builtins)
}

// SetAttrGuard installs guard for every attribute read, write and delete
// that code running in ctx performs through the VM (obj.name syntax and
// dotted decorators). The executor uses it to deny dunder escapes; pass nil
// to remove it. Install must have been called on ctx.
func SetAttrGuard(ctx py.Context, guard AttrGuard) {
	if s := stateOf(ctx.Store().Builtins.Globals); s != nil {
		s.attrGuard = guard
	}
}

func checkAttr(f *py.Frame, obj py.Object, name string) error {
	if s := frameState(f); s != nil && s.attrGuard != nil {
		return s.attrGuard(obj, name)
	}
	return nil
}
