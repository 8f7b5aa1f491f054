package pyobj

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
)

// CompareOp is a rich comparison operator.
type CompareOp int

const (
	LT CompareOp = iota
	LE
	EQ
	NE
	GT
	GE
)

var opSymbols = [...]string{"<", "<=", "==", "!=", ">", ">="}
var reflectedOp = [...]CompareOp{GT, GE, EQ, NE, LT, LE}

func sequenceItems(o py.Object) ([]py.Object, bool) {
	switch x := o.(type) {
	case py.Tuple:
		return x, true
	case *py.List:
		return x.Items, true
	}
	return nil, false
}

// RichCompare is CPython's PyObject_RichCompare: it compares tuples and
// lists lexicographically (gpython cannot order them), honours user
// methods and their reflections, falls back to identity for == and !=, and
// raises CPython's TypeError for unorderable operands.
func RichCompare(a, b py.Object, op CompareOp) (py.Object, error) {
	// Fast paths.
	switch x := a.(type) {
	case py.Int:
		if y, ok := b.(py.Int); ok {
			return py.NewBool(cmpResult(cmp3(int64(x), int64(y)), op)), nil
		}
	case py.String:
		if y, ok := b.(py.String); ok {
			c := 0
			if x < y {
				c = -1
			} else if x > y {
				c = 1
			}
			return py.NewBool(cmpResult(c, op)), nil
		}
	}
	if _, ok := a.(py.Bool); ok && isNumber(b) {
		a = boolInt(a)
		b = boolInt(b)
	} else if _, ok := b.(py.Bool); ok && isNumber(a) {
		a = boolInt(a)
		b = boolInt(b)
	}
	if isNumber(a) && isNumber(b) {
		if c, ok := numCompare(a, b); ok {
			if c == 2 { // NaN involved: only != is true
				return py.NewBool(op == NE), nil
			}
			return py.NewBool(cmpResult(c, op)), nil
		}
	}
	if as, ok := sequenceItems(a); ok {
		if bs, ok := sequenceItems(b); ok && sameSeqKind(a, b) {
			return compareSeq(as, bs, op)
		}
	}
	if r, err := tryCompare(a, b, op); err != nil || r != py.NotImplemented {
		return r, err
	}
	if r, err := tryCompare(b, a, reflectedOp[op]); err != nil || r != py.NotImplemented {
		return r, err
	}
	switch op {
	case EQ:
		return py.NewBool(Same(a, b)), nil
	case NE:
		return py.NewBool(!Same(a, b)), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", opSymbols[op], TypeName(a), TypeName(b))
}

func sameSeqKind(a, b py.Object) bool {
	_, at := a.(py.Tuple)
	_, bt := b.(py.Tuple)
	return at == bt
}

func cmp3(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpResult(c int, op CompareOp) bool {
	switch op {
	case LT:
		return c < 0
	case LE:
		return c <= 0
	case EQ:
		return c == 0
	case NE:
		return c != 0
	case GT:
		return c > 0
	}
	return c >= 0
}

func tryCompare(a, b py.Object, op CompareOp) (py.Object, error) {
	switch op {
	case LT:
		if A, ok := a.(py.I__lt__); ok {
			return A.M__lt__(b)
		}
	case LE:
		if A, ok := a.(py.I__le__); ok {
			return A.M__le__(b)
		}
	case GT:
		if A, ok := a.(py.I__gt__); ok {
			return A.M__gt__(b)
		}
	case GE:
		if A, ok := a.(py.I__ge__); ok {
			return A.M__ge__(b)
		}
	case EQ:
		if _, ok := a.(*py.Type); ok {
			return py.NewBool(Same(a, b)), nil
		}
		if A, ok := a.(py.I__eq__); ok {
			return A.M__eq__(b)
		}
	case NE:
		if _, ok := a.(*py.Type); ok {
			return py.NewBool(!Same(a, b)), nil
		}
		if A, ok := a.(py.I__ne__); ok {
			return A.M__ne__(b)
		}
		if A, ok := a.(py.I__eq__); ok {
			r, err := A.M__eq__(b)
			if err != nil || r == py.NotImplemented {
				return r, err
			}
			t, err := Truthy(r)
			return py.NewBool(!t), err
		}
	}
	return py.NotImplemented, nil
}

func compareSeq(as, bs []py.Object, op CompareOp) (py.Object, error) {
	n := len(as)
	if len(bs) < n {
		n = len(bs)
	}
	for i := 0; i < n; i++ {
		eq, err := Equal(as[i], bs[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			switch op {
			case EQ:
				return py.False, nil
			case NE:
				return py.True, nil
			}
			return RichCompare(as[i], bs[i], op)
		}
	}
	return py.NewBool(cmpResult(cmp3(int64(len(as)), int64(len(bs))), op)), nil
}

// Less is a < b as a Go bool.
func Less(a, b py.Object) (bool, error) {
	r, err := RichCompare(a, b, LT)
	if err != nil {
		return false, err
	}
	return Truthy(r)
}

// SortObjects sorts items stably in place by key (nil for identity),
// as list.sort(key=key, reverse=reverse).
func SortObjects(items []py.Object, key py.Object, reverse bool) error {
	keys := items
	if key != nil && key != py.None {
		keys = make([]py.Object, len(items))
		for i, it := range items {
			k, err := py.Call(key, py.Tuple{it}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	if reverse {
		// CPython reverses, sorts stably, and reverses again, so equal
		// elements keep their original order.
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	less := func(i, j int) (bool, error) { return Less(keys[i], keys[j]) }
	if err := mergeSort(idx, make([]int, len(idx)), less); err != nil {
		return err
	}
	if reverse {
		// Sort ascending after the first reversal gives a stable order
		// for the reversed list; reverse to make it descending.
		for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
			idx[i], idx[j] = idx[j], idx[i]
		}
	}
	out := make([]py.Object, len(items))
	for i, k := range idx {
		out[i] = items[k]
	}
	copy(items, out)
	return nil
}

func isNumber(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Float, py.Bool, *py.BigInt:
		return true
	}
	return false
}

func boolInt(o py.Object) py.Object {
	if b, ok := o.(py.Bool); ok {
		if b {
			return py.Int(1)
		}
		return py.Int(0)
	}
	return o
}

// mergeSort sorts idx stably with few comparisons (each may call Python
// code): insertion sort for short runs, merges skipped when the halves are
// already in order, so sorted input costs n-1 comparisons as in CPython.
func mergeSort(idx, buf []int, less func(i, j int) (bool, error)) error {
	n := len(idx)
	if n <= 8 {
		for i := 1; i < n; i++ {
			for j := i; j > 0; j-- {
				lt, err := less(idx[j], idx[j-1])
				if err != nil {
					return err
				}
				if !lt {
					break
				}
				idx[j], idx[j-1] = idx[j-1], idx[j]
			}
		}
		return nil
	}
	mid := n / 2
	if err := mergeSort(idx[:mid], buf[:mid], less); err != nil {
		return err
	}
	if err := mergeSort(idx[mid:], buf[mid:], less); err != nil {
		return err
	}
	lt, err := less(idx[mid], idx[mid-1])
	if err != nil || !lt {
		return err
	}
	copy(buf, idx)
	i, j, k := 0, mid, 0
	for i < mid && j < n {
		lt, err := less(buf[j], buf[i])
		if err != nil {
			return err
		}
		if lt {
			idx[k] = buf[j]
			j++
		} else {
			idx[k] = buf[i]
			i++
		}
		k++
	}
	for ; i < mid; i, k = i+1, k+1 {
		idx[k] = buf[i]
	}
	for ; j < n; j, k = j+1, k+1 {
		idx[k] = buf[j]
	}
	return nil
}

// numCompare compares two real numbers exactly (ints of any size and
// floats), returning -1, 0, 1, or 2 when a NaN is involved.
func numCompare(a, b py.Object) (int, bool) {
	a, b = boolInt(a), boolInt(b)
	switch x := a.(type) {
	case py.Int:
		switch y := b.(type) {
		case py.Int:
			return cmp3(int64(x), int64(y)), true
		case py.Float:
			return -floatIntCompare(float64(y), big.NewInt(int64(x))), true
		case *py.BigInt:
			return big.NewInt(int64(x)).Cmp((*big.Int)(y)), true
		}
	case *py.BigInt:
		switch y := b.(type) {
		case py.Int:
			return (*big.Int)(x).Cmp(big.NewInt(int64(y))), true
		case py.Float:
			c := floatIntCompare(float64(y), (*big.Int)(x))
			if c == 2 {
				return 2, true
			}
			return -c, true
		case *py.BigInt:
			return (*big.Int)(x).Cmp((*big.Int)(y)), true
		}
	case py.Float:
		switch y := b.(type) {
		case py.Float:
			fx, fy := float64(x), float64(y)
			switch {
			case math.IsNaN(fx) || math.IsNaN(fy):
				return 2, true
			case fx < fy:
				return -1, true
			case fx > fy:
				return 1, true
			}
			return 0, true
		case py.Int:
			return floatIntCompare(float64(x), big.NewInt(int64(y))), true
		case *py.BigInt:
			return floatIntCompare(float64(x), (*big.Int)(y)), true
		}
	}
	return 0, false
}

// floatIntCompare compares a float with an integer exactly.
func floatIntCompare(f float64, i *big.Int) int {
	switch {
	case math.IsNaN(f):
		return 2
	case math.IsInf(f, 1):
		return 1
	case math.IsInf(f, -1):
		return -1
	}
	return new(big.Float).SetFloat64(f).Cmp(new(big.Float).SetInt(i))
}
