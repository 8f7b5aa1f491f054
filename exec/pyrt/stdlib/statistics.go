package stdlib

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
)

// statistics: the exact numeric core in Go (sums of exact ratios, as
// CPython's _sum and _ss do with Fractions, and the correctly rounded
// square root of a fraction), the rest in pysrc/statistics.py.

func statisticsModule() *goModule {
	return &goModule{name: "statistics", doc: "Basic statistics module.", build: buildStatistics, src: "statistics.py"}
}

// exactData holds a data set as exact rationals; specials collects NaN and
// infinities (whose sum decides the result, as in CPython).
type exactData struct {
	vals       []*big.Rat
	isFloat    bool
	special    float64
	hasSpecial bool
}

func loadExact(data py.Object) (*exactData, error) {
	d := &exactData{}
	err := iterate(data, func(o py.Object) (bool, error) {
		switch x := o.(type) {
		case py.Float:
			f := float64(x)
			d.isFloat = true
			if math.IsInf(f, 0) || math.IsNaN(f) {
				if d.hasSpecial {
					d.special += f
				} else {
					d.special, d.hasSpecial = f, true
				}
				d.vals = append(d.vals, new(big.Rat))
				return false, nil
			}
			r := new(big.Rat)
			r.SetFloat64(f)
			d.vals = append(d.vals, r)
			return false, nil
		case py.Int, *py.BigInt, py.Bool:
			b, _ := toBig(o)
			d.vals = append(d.vals, new(big.Rat).SetInt(b))
			return false, nil
		}
		return true, py.ExceptionNewf(py.TypeError, "can't convert type '%s' to numerator/denominator", o.Type().Name)
	})
	return d, err
}

// convert is CPython's _convert: an int result stays int when integral.
func (d *exactData) convert(r *big.Rat) py.Object {
	if !d.isFloat && r.IsInt() {
		return fromBig(new(big.Int).Set(r.Num()))
	}
	f, _ := r.Float64()
	return py.Float(f)
}

// sqrtFrac is the correctly rounded square root of n/m (CPython's
// _float_sqrt_of_frac: an integer square root rounded to odd, then one
// correctly rounded division).
func sqrtFrac(r *big.Rat) float64 {
	n, m := r.Num(), r.Denom()
	const width = 2*53 + 3
	q := (n.BitLen() - m.BitLen() - width) / 2
	if n.BitLen()-m.BitLen()-width < 0 && (n.BitLen()-m.BitLen()-width)%2 != 0 {
		q-- // floor division
	}
	rto := func(n, m *big.Int) *big.Int {
		a := new(big.Int).Sqrt(new(big.Int).Quo(n, m))
		chk := new(big.Int).Mul(a, a)
		chk.Mul(chk, m)
		if chk.Cmp(n) != 0 {
			a.SetBit(a, 0, 1)
		}
		return a
	}
	var num, den *big.Int
	if q >= 0 {
		num = rto(n, new(big.Int).Lsh(m, uint(2*q)))
		num.Lsh(num, uint(q))
		den = big.NewInt(1)
	} else {
		num = rto(new(big.Int).Lsh(n, uint(-2*q)), m)
		den = new(big.Int).Lsh(big.NewInt(1), uint(-q))
	}
	f, _ := new(big.Rat).SetFrac(num, den).Float64()
	return f
}

func statsErr(ctx py.Context, msg string) error {
	// StatisticsError is defined by the Python part of the module.
	if m, err := ctx.GetModule("statistics"); err == nil {
		if t, ok := m.Globals["StatisticsError"].(*py.Type); ok {
			return py.ExceptionNewf(t, "%s", msg)
		}
	}
	return py.ExceptionNewf(py.ValueError, "%s", msg)
}

func buildStatistics(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	mean := py.MustNewMethod("_exact_mean", func(self, data py.Object) (py.Object, error) {
		d, err := loadExact(data)
		if err != nil {
			return nil, err
		}
		if len(d.vals) == 0 {
			return nil, statsErr(ctx, "mean requires at least one data point")
		}
		if d.hasSpecial {
			return py.Float(d.special), nil
		}
		total := new(big.Rat)
		for _, v := range d.vals {
			total.Add(total, v)
		}
		total.Quo(total, new(big.Rat).SetInt64(int64(len(d.vals))))
		return d.convert(total), nil
	}, 0, "")
	// _exact_var(data, center, ddof, root): the variance (or its root) with
	// ddof=1 for the sample and 0 for the population.
	variance := py.MustNewMethod("_exact_var", func(self py.Object, args py.Tuple) (py.Object, error) {
		if len(args) != 4 {
			return nil, py.ExceptionNewf(py.TypeError, "_exact_var expects 4 arguments")
		}
		d, err := loadExact(args[0])
		if err != nil {
			return nil, err
		}
		ddof, _ := toInt(args[2])
		root, _ := truth(args[3], nil)
		name := map[[2]bool]string{{true, false}: "variance", {true, true}: "stdev", {false, false}: "pvariance", {false, true}: "pstdev"}[[2]bool{ddof == 1, root}]
		n := len(d.vals)
		if n < 1+ddof {
			if ddof == 1 {
				return nil, statsErr(ctx, name+" requires at least two data points")
			}
			return nil, statsErr(ctx, name+" requires at least one data point")
		}
		if d.hasSpecial {
			return py.Float(d.special), nil
		}
		ss := new(big.Rat)
		if isNone(args[1]) {
			sx, sxx := new(big.Rat), new(big.Rat)
			for _, v := range d.vals {
				sx.Add(sx, v)
				sxx.Add(sxx, new(big.Rat).Mul(v, v))
			}
			cnt := new(big.Rat).SetInt64(int64(n))
			ss.Mul(cnt, sxx)
			ss.Sub(ss, new(big.Rat).Mul(sx, sx))
			ss.Quo(ss, cnt)
		} else {
			// With a given centre, deviations use the data's own arithmetic
			// (float subtraction for floats), then are summed exactly.
			c, err := loadExact(py.Tuple{args[1]})
			if err != nil {
				return nil, err
			}
			for _, v := range d.vals {
				dev := new(big.Rat).Sub(v, c.vals[0])
				if d.isFloat || c.isFloat {
					f, _ := dev.Float64()
					f = f * f
					dev.SetFloat64(f)
					ss.Add(ss, dev)
					continue
				}
				ss.Add(ss, dev.Mul(dev, dev))
			}
			d.isFloat = d.isFloat || c.isFloat
		}
		ss.Quo(ss, new(big.Rat).SetInt64(int64(n-ddof)))
		if root {
			return py.Float(sqrtFrac(ss)), nil
		}
		return d.convert(ss), nil
	}, 0, "")
	return []*py.Method{mean, variance}, nil, nil
}
