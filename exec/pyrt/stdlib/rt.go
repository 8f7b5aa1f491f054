package stdlib

import (
	"math/big"
	"reflect"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// builtin returns the named builtin of ctx at call time, so that the
// runtime's replacements (its dict, repr, sorted, ...) are the ones used.
func builtin(ctx py.Context, name string) (py.Object, error) {
	if b := ctx.Store().Builtins; b != nil {
		if o, ok := b.Globals[name]; ok {
			return o, nil
		}
	}
	return nil, py.ExceptionNewf(py.SystemError, "builtin %s is missing", name)
}

// newDict makes an empty dict of the runtime's dict type.
func newDict(ctx py.Context) (py.Object, error) {
	d, err := builtin(ctx, "dict")
	if err != nil {
		return nil, err
	}
	return py.Call(d, nil, nil)
}

// reprOf returns repr(o) through the runtime's builtin repr, which knows
// CPython's float formatting and the runtime's own types.
func reprOf(ctx py.Context, o py.Object) (string, error) {
	r, err := builtin(ctx, "repr")
	if err != nil {
		return "", err
	}
	s, err := py.Call(r, py.Tuple{o}, nil)
	if err != nil {
		return "", err
	}
	str, ok := s.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__repr__ returned non-string (type %s)", s.Type().Name)
	}
	return string(str), nil
}

// parseArgs binds positional and keyword arguments to names; missing
// optional arguments are nil. The first `required` names must be given.
func parseArgs(fname string, args py.Tuple, kwargs py.StringDict, names []string, required int) ([]py.Object, error) {
	if len(args) > len(names) {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes at most %d arguments (%d given)", fname, len(names), len(args))
	}
	out := make([]py.Object, len(names))
	copy(out, args)
	for k, v := range kwargs {
		found := false
		for i, n := range names {
			if n == k {
				if out[i] != nil {
					return nil, py.ExceptionNewf(py.TypeError, "%s() got multiple values for argument '%s'", fname, k)
				}
				out[i] = v
				found = true
				break
			}
		}
		if !found {
			return nil, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", fname, k)
		}
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

func noKwargs(fname string, kwargs py.StringDict) error {
	if len(kwargs) != 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", fname)
	}
	return nil
}

func isNone(o py.Object) bool { return o == nil || o == py.None }

// isInt reports whether o is a Python int (bool included).
func isInt(o py.Object) bool {
	switch o.(type) {
	case py.Int, *py.BigInt, py.Bool:
		return true
	}
	return false
}

// toBig converts an int-like object (int, bool, or an object with
// __index__) to a big.Int.
func toBig(o py.Object) (*big.Int, error) {
	if b, ok := pyobj.BigIntOf(o); ok {
		return b, nil
	}
	if res, ok, err := py.TypeCall0(o, "__index__"); ok {
		if err != nil {
			return nil, err
		}
		if isInt(res) {
			return toBig(res)
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", o.Type().Name)
}

// fromBig returns a Python int, small when it fits.
func fromBig(b *big.Int) py.Object {
	if b.IsInt64() {
		return py.Int(b.Int64())
	}
	return (*py.BigInt)(new(big.Int).Set(b))
}

// toInt converts an int-like object to a Go int, with OverflowError when it
// does not fit.
func toInt(o py.Object) (int, error) {
	switch x := o.(type) {
	case py.Int:
		return int(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	b, err := toBig(o)
	if err != nil {
		return 0, err
	}
	if !b.IsInt64() {
		return 0, py.ExceptionNewf(py.OverflowError, "Python int too large to convert to C ssize_t")
	}
	return int(b.Int64()), nil
}

// toFloat converts a real number to float64 as float() would.
func toFloat(o py.Object) (float64, error) {
	switch x := o.(type) {
	case py.Float:
		return float64(x), nil
	case py.Int:
		return float64(x), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		f, err := x.Float()
		if err != nil {
			return 0, err
		}
		return float64(f), nil
	}
	if res, ok, err := py.TypeCall0(o, "__float__"); ok {
		if err != nil {
			return 0, err
		}
		if f, ok := res.(py.Float); ok {
			return float64(f), nil
		}
	}
	if res, ok, err := py.TypeCall0(o, "__index__"); ok {
		if err != nil {
			return 0, err
		}
		return toFloat(res)
	}
	return 0, py.ExceptionNewf(py.TypeError, "must be real number, not %s", o.Type().Name)
}

// truth converts a result to a Go bool with Python's truth rules (the
// runtime's, so user __bool__/__len__ count), passing errors through.
func truth(o py.Object, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	return pyobj.Truthy(o)
}

// lessThan and equal compare as the runtime's < and == do (user dunders,
// element-wise sequences).
func lessThan(a, b py.Object) (bool, error) { return pyobj.Less(a, b) }
func equal(a, b py.Object) (bool, error)    { return pyobj.Equal(a, b) }

// iterate calls fn for each item of obj; fn returning stop=true ends early.
func iterate(obj py.Object, fn func(py.Object) (stop bool, err error)) error {
	switch x := obj.(type) {
	case py.Tuple:
		for _, it := range x {
			if stop, err := fn(it); stop || err != nil {
				return err
			}
		}
		return nil
	case *py.List:
		for i := 0; i < len(x.Items); i++ {
			if stop, err := fn(x.Items[i]); stop || err != nil {
				return err
			}
		}
		return nil
	}
	it, err := py.Iter(obj)
	if err != nil {
		return err
	}
	for {
		item, err := py.Next(it)
		if err != nil {
			if isStop(err) {
				return nil
			}
			return err
		}
		if stop, err := fn(item); stop || err != nil {
			return err
		}
	}
}

func isStop(err error) bool {
	return err == py.StopIteration || py.IsException(py.StopIteration, err)
}

// toSlice collects the items of an iterable.
func toSlice(obj py.Object) ([]py.Object, error) {
	var out []py.Object
	err := iterate(obj, func(o py.Object) (bool, error) {
		out = append(out, o)
		return false, nil
	})
	return out, err
}

// call calls fn with args.
func call(fn py.Object, args ...py.Object) (py.Object, error) {
	return py.Call(fn, py.Tuple(args), nil)
}

// sameObject is Python's "is" for any Go representation of objects,
// including map-based ones that cannot be compared with ==.
func sameObject(a, b py.Object) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	switch va.Kind() {
	case reflect.Map, reflect.Pointer, reflect.Slice, reflect.Func:
		return va.Pointer() == vb.Pointer()
	}
	if va.Type().Comparable() {
		return a == b
	}
	return false
}

// newExceptionType makes a Go-defined exception class deriving from base.
// gpython readies types created by its own init only, so the base and the
// method resolution order are set here.
func newExceptionType(base *py.Type, name, doc string) *py.Type {
	t := base.NewType(name, doc, nil, nil)
	t.Base = base
	if err := t.Ready(); err != nil {
		panic(err)
	}
	return t
}

func init() {
	// Types declared by this package (package-level vars, initialised
	// before init) are readied like gpython's own.
	if err := py.TypeMakeReady(); err != nil {
		panic(err)
	}
}
