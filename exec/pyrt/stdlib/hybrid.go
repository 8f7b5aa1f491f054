package stdlib

import (
	"math"
	"math/big"
	"time"

	"github.com/go-python/gpython/py"
)

// The Go helpers of modules written mostly in Python (pysrc/): each is a
// private function the Python part calls for exactness or speed.

// fractionsModule is pysrc/fractions.py with one Go helper: the exact
// ratio of a float (float.as_integer_ratio).
func fractionsModule() *goModule {
	return &goModule{name: "fractions", doc: "Fraction, infinite-precision, rational numbers.", src: "fractions.py",
		build: func(ctx py.Context) ([]*py.Method, py.StringDict, error) {
			ratio := py.MustNewMethod("_float_ratio", func(self, arg py.Object) (py.Object, error) {
				f, err := toFloat(arg)
				if err != nil {
					return nil, err
				}
				if math.IsInf(f, 0) {
					return nil, py.ExceptionNewf(py.OverflowError, "cannot convert Infinity to integer ratio")
				}
				if math.IsNaN(f) {
					return nil, py.ExceptionNewf(py.ValueError, "cannot convert NaN to integer ratio")
				}
				r := new(big.Rat).SetFloat64(f)
				return py.Tuple{fromBig(new(big.Int).Set(r.Num())), fromBig(new(big.Int).Set(r.Denom()))}, nil
			}, 0, "")
			// _ratio_float(n, d) is n / d correctly rounded, as CPython's
			// int true division is.
			toFloat := py.MustNewMethod("_ratio_float", func(self py.Object, args py.Tuple) (py.Object, error) {
				if len(args) != 2 {
					return nil, py.ExceptionNewf(py.TypeError, "_ratio_float expects 2 arguments")
				}
				n, err := toBig(args[0])
				if err != nil {
					return nil, err
				}
				d, err := toBig(args[1])
				if err != nil {
					return nil, err
				}
				if d.Sign() == 0 {
					return nil, py.ExceptionNewf(py.ZeroDivisionError, "division by zero")
				}
				f, _ := new(big.Rat).SetFrac(n, d).Float64()
				if math.IsInf(f, 0) {
					return nil, py.ExceptionNewf(py.OverflowError, "integer division result too large for a float")
				}
				return py.Float(f), nil
			}, 0, "")
			return []*py.Method{ratio, toFloat}, nil, nil
		}}
}

// datetimeModule is pysrc/datetime.py with one Go helper: _now(), the real
// clock as seconds since the epoch.
func datetimeModule() *goModule {
	return &goModule{name: "datetime", doc: "Fast implementation of the datetime type.", src: "datetime.py",
		build: func(ctx py.Context) ([]*py.Method, py.StringDict, error) {
			now := py.MustNewMethod("_now", func(self py.Object) (py.Object, error) {
				return py.Float(float64(time.Now().UnixMicro()) / 1e6), nil
			}, 0, "")
			return []*py.Method{now}, nil, nil
		}}
}

// collectionsModule is pysrc/collections.py with CPython's C accelerator
// for Counter: _count_elements(mapping, iterable) adds one per element.
func collectionsModule() *goModule {
	return &goModule{name: "collections", doc: "High-performance container datatypes.", src: "collections.py",
		build: func(ctx py.Context) ([]*py.Method, py.StringDict, error) {
			count := py.MustNewMethod("_count_elements", func(self py.Object, args py.Tuple) (py.Object, error) {
				if len(args) != 2 {
					return nil, py.ExceptionNewf(py.TypeError, "_count_elements expects 2 arguments")
				}
				d := args[0]
				err := iterate(args[1], func(elem py.Object) (bool, error) {
					var n py.Object = py.Int(0)
					has, err := py.SequenceContains(d, elem)
					if err != nil {
						return true, err
					}
					if has {
						if n, err = py.GetItem(d, elem); err != nil {
							return true, err
						}
					}
					if n, err = py.Add(n, py.Int(1)); err != nil {
						return true, err
					}
					_, err = py.SetItem(d, elem, n)
					return err != nil, err
				})
				return py.None, err
			}, 0, "")
			return []*py.Method{count}, nil, nil
		}}
}
