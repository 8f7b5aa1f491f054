package stdlib

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
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
	switch x := o.(type) {
	case py.Int:
		return big.NewInt(int64(x)), nil
	case py.Bool:
		if x {
			return big.NewInt(1), nil
		}
		return big.NewInt(0), nil
	case *py.BigInt:
		return new(big.Int).Set((*big.Int)(x)), nil
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

// isUserInstance reports whether o is an instance of a class defined in
// Python: gpython represents those as *py.Type values whose type is a heap
// type, and its comparison operators ignore their dunder methods.
func isUserInstance(o py.Object) bool {
	t, ok := o.(*py.Type)
	if !ok {
		return false
	}
	tt := t.Type()
	return tt != nil && tt != py.TypeType && tt.Flags&py.TPFLAGS_HEAPTYPE != 0
}

type cmpOp int

const (
	opLt cmpOp = iota
	opLe
	opEq
	opNe
	opGt
	opGe
)

var cmpNames = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}
var cmpSyms = [...]string{"<", "<=", "==", "!=", ">", ">="}
var cmpSwap = [...]cmpOp{opGt, opGe, opEq, opNe, opLt, opLe}

// richCompare evaluates a <op> b like CPython, calling the dunder methods
// of user classes that gpython's own operators ignore.
func richCompare(a, b py.Object, op cmpOp) (py.Object, error) {
	if isUserInstance(a) {
		if res, ok, err := py.TypeCall1(a, cmpNames[op], b); ok {
			if err != nil || res != py.NotImplemented {
				return res, err
			}
		}
	}
	if isUserInstance(b) {
		if res, ok, err := py.TypeCall1(b, cmpNames[cmpSwap[op]], a); ok {
			if err != nil || res != py.NotImplemented {
				return res, err
			}
		}
	}
	if isUserInstance(a) || isUserInstance(b) {
		switch op {
		case opEq:
			return py.NewBool(a == b), nil
		case opNe:
			if isUserInstance(a) {
				if res, ok, err := py.TypeCall1(a, "__eq__", b); ok {
					if err != nil {
						return nil, err
					}
					if res != py.NotImplemented {
						return py.Not(res)
					}
				}
			}
			return py.NewBool(a != b), nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpSyms[op], a.Type().Name, b.Type().Name)
	}
	// Sequences compare element-wise through richCompare so that user
	// objects inside tuples and lists compare correctly too.
	if sa, sb, ok := bothSeqs(a, b); ok {
		return seqCompare(sa, sb, op)
	}
	var res py.Object
	var err error
	switch op {
	case opLt:
		res, err = py.Lt(a, b)
	case opLe:
		res, err = py.Le(a, b)
	case opEq:
		res, err = py.Eq(a, b)
	case opNe:
		res, err = py.Ne(a, b)
	case opGt:
		res, err = py.Gt(a, b)
	case opGe:
		res, err = py.Ge(a, b)
	}
	if err != nil && py.IsException(py.TypeError, err) && op != opEq && op != opNe {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpSyms[op], a.Type().Name, b.Type().Name)
	}
	return res, err
}

func bothSeqs(a, b py.Object) ([]py.Object, []py.Object, bool) {
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return x, y, true
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return x.Items, y.Items, true
		}
	}
	return nil, nil, false
}

func seqCompare(a, b []py.Object, op cmpOp) (py.Object, error) {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] == b[i] {
			continue
		}
		eq, err := truth(richCompare(a[i], b[i], opEq))
		if err != nil {
			return nil, err
		}
		if eq {
			continue
		}
		switch op {
		case opEq:
			return py.False, nil
		case opNe:
			return py.True, nil
		}
		return richCompare(a[i], b[i], op)
	}
	la, lb := len(a), len(b)
	var r bool
	switch op {
	case opLt:
		r = la < lb
	case opLe:
		r = la <= lb
	case opEq:
		r = la == lb
	case opNe:
		r = la != lb
	case opGt:
		r = la > lb
	case opGe:
		r = la >= lb
	}
	return py.NewBool(r), nil
}

// truth converts a result to a Go bool, passing errors through.
func truth(o py.Object, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	b, err := py.MakeBool(o)
	if err != nil {
		return false, err
	}
	return b == py.True, nil
}

func lessThan(a, b py.Object) (bool, error) { return truth(richCompare(a, b, opLt)) }
func equal(a, b py.Object) (bool, error) {
	if a == b {
		return true, nil
	}
	return truth(richCompare(a, b, opEq))
}

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

// floatRepr formats f as CPython's repr(float): the shortest string that
// round-trips, in exponent form when the exponent is < -4 or >= 16.
func floatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expS, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expS)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	sign := ""
	if neg {
		sign = "-"
	}
	if exp < -4 || exp >= 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if exp < 0 {
			es = "-"
			exp = -exp
		}
		return sign + m + "e" + es + pad2(exp)
	}
	if exp < 0 {
		return sign + "0." + strings.Repeat("0", -exp-1) + digits
	}
	if len(digits) <= exp+1 {
		return sign + digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	}
	return sign + digits[:exp+1] + "." + digits[exp+1:]
}

func pad2(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
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
