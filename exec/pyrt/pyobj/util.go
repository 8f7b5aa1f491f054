package pyobj

import (
	"sort"
	"sync"

	"github.com/go-python/gpython/py"
)

func sortedKeys(m py.StringDict) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// reprActive guards repr of self-referencing containers ([...], {...}).
var reprActive sync.Map

func reprEnter(o py.Object) bool {
	_, loaded := reprActive.LoadOrStore(Id(o), true)
	return !loaded
}

func reprLeave(o py.Object) { reprActive.Delete(Id(o)) }

// userOverride calls cls's own name method if a class between cls and base
// in the MRO (a user subclass) defines it.
func userOverride(self py.Object, cls, base *py.Type, name string) (py.Object, bool, error) {
	for _, b := range cls.Mro {
		t := b.(*py.Type)
		if t == base {
			return nil, false, nil
		}
		if fn, ok := t.Dict[name]; ok {
			r, err := py.Call(fn, py.Tuple{self}, nil)
			return r, true, err
		}
	}
	return nil, false, nil
}

// Method builds a builtin method; it panics on a bad Go signature, which is
// a programming error caught by the tests. A method reached with the wrong
// receiver (dict.get(5)) raises TypeError instead of crashing the process:
// gpython does not recover panics in builtins.
func Method(name string, fn interface{}) *py.Method {
	return py.MustNewMethod(name, Guard(name, fn), 0, "")
}

// ClassMethod builds a builtin class method (self is the class).
func ClassMethod(name string, fn interface{}) *py.Method {
	return py.MustNewMethod(name, Guard(name, fn), py.METH_CLASS, "")
}

// Guard wraps a builtin implementation so that a Go panic (a receiver or
// argument of an unexpected type) becomes a Python TypeError.
func Guard(name string, fn interface{}) interface{} {
	conv := func(err *error) {
		if r := recover(); r != nil {
			*err = py.ExceptionNewf(py.TypeError, "%s(): bad argument type (%v)", name, r)
		}
	}
	switch f := fn.(type) {
	case func(py.Object, py.Tuple) (py.Object, error):
		return func(self py.Object, args py.Tuple) (res py.Object, err error) {
			defer conv(&err)
			return f(self, args)
		}
	case func(py.Object, py.Tuple, py.StringDict) (py.Object, error):
		return func(self py.Object, args py.Tuple, kw py.StringDict) (res py.Object, err error) {
			defer conv(&err)
			return f(self, args, kw)
		}
	case func(py.Object) (py.Object, error):
		return func(self py.Object) (res py.Object, err error) {
			defer conv(&err)
			return f(self)
		}
	case func(py.Object, py.Object) (py.Object, error):
		return func(self, a py.Object) (res py.Object, err error) {
			defer conv(&err)
			return f(self, a)
		}
	}
	return fn
}

// ArgCount checks the number of positional arguments of a builtin method.
func ArgCount(name string, args py.Tuple, min, max int) error {
	if len(args) < min {
		if min == max {
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly %d argument (%d given)", name, min, len(args))
		}
		return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument, got %d", name, min, len(args))
	}
	if max >= 0 && len(args) > max {
		if max == 0 {
			return py.ExceptionNewf(py.TypeError, "%s() takes no arguments (%d given)", name, len(args))
		}
		return py.ExceptionNewf(py.TypeError, "%s expected at most %d argument, got %d", name, max, len(args))
	}
	return nil
}
