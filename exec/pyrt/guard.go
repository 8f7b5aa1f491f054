package pyrt

import (
	"sync"
	"sync/atomic"

	"github.com/go-python/gpython/py"
)

// AttrGuard vets an attribute access (obj.name) before it happens; a
// non-nil error is raised in the program instead.
type AttrGuard func(obj py.Object, name string) error

var (
	attrGuards   sync.Map // py.Context -> AttrGuard
	anyAttrGuard atomic.Bool
)

// SetAttrGuard installs guard for every attribute read, write and delete
// that code running in ctx performs through the VM (obj.name syntax). The
// executor uses it to deny dunder escapes; pass nil to remove it.
func SetAttrGuard(ctx py.Context, guard AttrGuard) {
	if guard == nil {
		attrGuards.Delete(ctx)
		return
	}
	attrGuards.Store(ctx, guard)
	anyAttrGuard.Store(true)
}

func checkAttr(ctx py.Context, obj py.Object, name string) error {
	if !anyAttrGuard.Load() || ctx == nil {
		return nil
	}
	g, ok := attrGuards.Load(ctx)
	if !ok {
		return nil
	}
	return g.(AttrGuard)(obj, name)
}
