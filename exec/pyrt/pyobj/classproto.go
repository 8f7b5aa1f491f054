package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// This runtime has no metaclasses, so `list(Color)`, `len(Color)`,
// `x in Color` and `Color["RED"]` on an Enum class would find nothing to
// call. A runtime module (enum) defines these class-level hooks instead;
// user code cannot, because analysis refuses the reserved __stelp_ prefix.
const (
	ClassIterHook     = "__stelp_class_iter__"
	ClassLenHook      = "__stelp_class_len__"
	ClassContainsHook = "__stelp_class_contains__"
	// ClassGetItemHook is CPython's own hook for cls[key] on a class.
	ClassGetItemHook = "__class_getitem__"
)

// ClassOrderKey holds, in a class's dict, the names its body defined, in
// definition order (pyrt records it: a class namespace here is a Go map,
// which has none).
const ClassOrderKey = "__stelp_order__"

// IsRuntimeName reports the runtime's own bookkeeping names (hooks, the
// class order), which introspection (dir, a class's __dict__) does not show.
func IsRuntimeName(name string) bool { return strings.HasPrefix(name, "__stelp_") }

// CallClassHook calls the class-level hook called name of o with args, if
// o is a user class whose MRO defines one.
func CallClassHook(o py.Object, name string, args ...py.Object) (res py.Object, ok bool, err error) {
	t, isType := o.(*py.Type)
	if !isType || t.Flags&py.TPFLAGS_HEAPTYPE == 0 {
		return nil, false, nil
	}
	for _, b := range t.Mro {
		hook, found := b.(*py.Type).Dict[name]
		if !found {
			continue
		}
		var fn py.Object
		switch h := hook.(type) {
		case *py.ClassMethod:
			fn = h.Callable
		case *py.Function:
			fn = h
		default:
			return nil, false, nil
		}
		res, err := py.Call(fn, append(py.Tuple{t}, args...), nil)
		return res, true, err
	}
	return nil, false, nil
}
