// Package pyobj holds the Python object types that gpython lacks or gets
// wrong (a dict and set with any hashable key, user-class instances that
// honour dunder methods) and the hashing and comparison helpers they need.
// Both the runtime (exec/pyrt) and the standard library modules
// (exec/pyrt/stdlib) build on it, so it imports neither.
package pyobj

import (
	"math"
	"math/big"
	"reflect"

	"github.com/go-python/gpython/py"
)

// hashModulus is CPython's _PyHASH_MODULUS (2**61 - 1): numeric hashes must
// agree with CPython because set iteration order depends on them.
const hashModulus = (1 << 61) - 1

// Hash returns the Python hash of o, or a TypeError for unhashable objects.
func Hash(o py.Object) (int64, error) {
	switch x := o.(type) {
	case py.String:
		return strHash(string(x)), nil
	case py.Int:
		return hashInt64(int64(x)), nil
	case py.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case py.Float:
		return hashFloat(float64(x), o), nil
	case *py.BigInt:
		return hashBig((*big.Int)(x)), nil
	case py.Tuple:
		return hashTuple(x)
	case py.Bytes:
		return bytesHash([]byte(x)), nil
	case *FrozenSet:
		return x.hash()
	case *Instance:
		return x.hash()
	case py.NoneType:
		return 0xFCA86420, nil // constant, as CPython 3.12+; any constant is valid
	case *py.Type:
		return hashPointer(o), nil
	case *py.List, *Dict, *Set, py.StringDict:
		return 0, unhashable(o)
	case *py.Exception:
		return hashPointer(o), nil
	case *py.Complex, py.Complex:
		c := complex128(x.(py.Complex))
		h := hashFloat(real(c), o) + 1000003*hashFloat(imag(c), o)
		return fixHash(h), nil
	}
	if h, ok := o.(interface{ Hash() (int64, error) }); ok {
		return h.Hash()
	}
	if h, ok := o.(interface{ M__hash__() (py.Object, error) }); ok {
		r, err := h.M__hash__()
		if err != nil {
			return 0, err
		}
		return hashResult(r)
	}
	return hashPointer(o), nil
}

func unhashable(o py.Object) error {
	return py.ExceptionNewf(py.TypeError, "unhashable type: '%s'", o.Type().Name)
}

// hashResult converts the value a __hash__ method returned to a hash.
func hashResult(r py.Object) (int64, error) {
	switch v := r.(type) {
	case py.Int:
		return hashInt64(int64(v)), nil
	case py.Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *py.BigInt:
		return hashBig((*big.Int)(v)), nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "__hash__ method should return an integer")
}

func fixHash(h int64) int64 {
	if h == -1 {
		return -2
	}
	return h
}

func hashInt64(v int64) int64 {
	if v >= -hashModulus+1 && v < hashModulus && v != math.MinInt64 {
		return fixHash(v)
	}
	return hashBig(big.NewInt(v))
}

func hashBig(b *big.Int) int64 {
	m := new(big.Int).Abs(b)
	m.Mod(m, big.NewInt(hashModulus))
	h := m.Int64()
	if b.Sign() < 0 {
		h = -h
	}
	return fixHash(h)
}

// hashFloat is CPython's _Py_HashDouble.
func hashFloat(v float64, o py.Object) int64 {
	if math.IsInf(v, 1) {
		return 314159
	}
	if math.IsInf(v, -1) {
		return -314159
	}
	if math.IsNaN(v) {
		return hashPointer(o)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1<<62 {
		return hashInt64(int64(v))
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign = -1
		m = -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(61-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e = e % 61
	} else {
		e = 61 - 1 - ((-1 - e) % 61)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(61-uint(e))
	return fixHash(int64(x) * sign)
}

// hashTuple is CPython 3.11's xxHash-based tuplehash.
func hashTuple(t py.Tuple) (int64, error) {
	const (
		prime1 uint64 = 11400714785074694791
		prime2 uint64 = 14029467366897019727
		prime5 uint64 = 2870177450012600261
	)
	acc := prime5
	for _, item := range t {
		h, err := Hash(item)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * prime2
		acc = (acc << 31) | (acc >> 33)
		acc *= prime1
	}
	acc += uint64(len(t)) ^ (prime5 ^ 3527539)
	if int64(acc) == -1 {
		return 1546275796, nil
	}
	return int64(acc), nil
}

func hashPointer(o py.Object) int64 {
	v := reflect.ValueOf(o)
	var p uintptr
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		p = v.Pointer()
	default:
		return 0
	}
	y := uint64(p)
	y = (y >> 4) | (y << 60)
	return fixHash(int64(y))
}

// Id returns a stable identity for o (CPython's id()).
func Id(o py.Object) int64 {
	v := reflect.ValueOf(o)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return int64(v.Pointer())
	}
	// Value types (int, str, float...) have no address: derive one from the
	// hash so equal values share an id, as small ints and interned strings do.
	h, _ := Hash(o)
	return h & 0x7fffffffffff
}

// Equal is CPython's PyObject_RichCompareBool(a, b, Py_EQ): identity first,
// then ==.
func Equal(a, b py.Object) (bool, error) {
	if Same(a, b) {
		return true, nil
	}
	// Fast paths for the common key types.
	switch x := a.(type) {
	case py.String:
		if y, ok := b.(py.String); ok {
			return x == y, nil
		}
		if _, ok := b.(*Instance); !ok {
			return false, nil
		}
	case py.Int:
		switch y := b.(type) {
		case py.Int:
			return x == y, nil
		case py.String:
			return false, nil
		}
	}
	r, err := RichCompare(a, b, EQ)
	if err != nil {
		return false, err
	}
	return Truthy(r)
}

// Same reports whether a and b are the same object (Python's `is`).
func Same(a, b py.Object) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Type() != vb.Type() {
		return false
	}
	switch va.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return va.Pointer() == vb.Pointer()
	case reflect.Slice:
		return va.Pointer() == vb.Pointer() && va.Len() == vb.Len()
	}
	if va.Comparable() {
		return a == b
	}
	return false
}

// Truthy is Python's bool(o).
func Truthy(o py.Object) (bool, error) {
	switch v := o.(type) {
	case py.Bool:
		return bool(v), nil
	case py.Int:
		return v != 0, nil
	case py.String:
		return v != "", nil
	case py.NoneType:
		return false, nil
	}
	r, err := py.MakeBool(o)
	if err != nil {
		return false, err
	}
	return r == py.True, nil
}
