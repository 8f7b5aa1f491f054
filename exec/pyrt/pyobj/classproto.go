package pyobj

import "github.com/go-python/gpython/py"

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
