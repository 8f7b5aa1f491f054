package stdlib

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"
)

// mathModule replaces gpython's math module with one whose results and
// error messages are CPython's, including arbitrary-precision integer
// functions (gcd, lcm, isqrt, comb, perm, factorial).
func mathModule() *goModule {
	return &goModule{name: "math", doc: "Mathematical functions.", build: buildMath}
}

var errDomain = func() error { return py.ExceptionNewf(py.ValueError, "math domain error") }
var errRange = func() error { return py.ExceptionNewf(py.OverflowError, "math range error") }

// math1 applies f with CPython's math_1 error rules: a NaN from a non-NaN
// argument is a domain error, an infinity from a finite argument is a range
// error when canOverflow, otherwise a domain error.
func math1(name string, f func(float64) float64, canOverflow bool) *py.Method {
	return py.MustNewMethod(name, func(self, arg py.Object) (py.Object, error) {
		x, err := toFloat(arg)
		if err != nil {
			return nil, err
		}
		r := f(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return nil, errDomain()
		}
		if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
			if canOverflow {
				return nil, errRange()
			}
			return nil, errDomain()
		}
		return py.Float(r), nil
	}, 0, "")
}

func fmeth(name string, f func(args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return f(args, kwargs)
	}, 0, "")
}

func fixedArgs(name string, args py.Tuple, kwargs py.StringDict, n int) error {
	if err := noKwargs(name, kwargs); err != nil {
		return err
	}
	if len(args) != n {
		if n == 1 {
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
		}
		return py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", name, n, len(args))
	}
	return nil
}

func floatToInt(name string, x float64) (py.Object, error) {
	if math.IsNaN(x) {
		return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
	}
	if math.IsInf(x, 0) {
		return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
	}
	if x >= -9e18 && x <= 9e18 {
		return py.Int(int64(x)), nil
	}
	b, _ := new(big.Float).SetFloat64(x).Int(nil)
	return fromBig(b), nil
}

// roundTo implements floor, ceil and trunc: ints pass through, objects with
// the dunder are asked, floats are converted.
func roundTo(name string, f func(float64) float64) *py.Method {
	return py.MustNewMethod(name, func(self, arg py.Object) (py.Object, error) {
		if isInt(arg) {
			b, _ := toBig(arg)
			return fromBig(b), nil
		}
		if _, ok := arg.(py.Float); !ok {
			if res, ok, err := py.TypeCall0(arg, "__"+name+"__"); ok {
				return res, err
			}
		}
		x, err := toFloat(arg)
		if err != nil {
			return nil, err
		}
		return floatToInt(name, f(x))
	}, 0, "")
}

func intArg(o py.Object) (*big.Int, error) {
	if _, ok := o.(py.Float); ok {
		return nil, py.ExceptionNewf(py.TypeError, "'float' object cannot be interpreted as an integer")
	}
	return toBig(o)
}

func bigLog(arg py.Object, logf func(float64) float64) (float64, error) {
	if isInt(arg) {
		b, _ := toBig(arg)
		if b.Sign() <= 0 {
			return 0, errDomain()
		}
		// As CPython: the int converted to float, unless it overflows.
		if f, _ := new(big.Float).SetInt(b).Float64(); !math.IsInf(f, 0) {
			return logf(f), nil
		}
		// x = m * 2**e with m in [0.5, 1): log(x) = log(m) + e*log(2),
		// computed in the requested base.
		e := b.BitLen()
		m, _ := new(big.Float).SetMantExp(new(big.Float).SetInt(b), -e).Float64()
		return logf(m) + float64(e)*logf(2), nil
	}
	x, err := toFloat(arg)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(x) {
		return x, nil
	}
	if x <= 0 {
		return 0, errDomain()
	}
	return logf(x), nil
}

func buildMath(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	g := py.StringDict{
		"pi":  py.Float(math.Pi),
		"e":   py.Float(math.E),
		"tau": py.Float(2 * math.Pi),
		"inf": py.Float(math.Inf(1)),
		"nan": py.Float(math.NaN()),
	}
	ms := []*py.Method{
		math1("sqrt", math.Sqrt, false),
		math1("exp", cExp, true),
		math1("expm1", cExpm1, true),
		math1("sin", cSin, false),
		math1("cos", cCos, false),
		math1("tan", cTan, false),
		math1("asin", cAsin, false),
		math1("acos", cAcos, false),
		math1("atan", cAtan, false),
		math1("sinh", cSinh, true),
		math1("cosh", cCosh, true),
		math1("tanh", cTanh, false),
		math1("asinh", cAsinh, false),
		math1("acosh", cAcosh, false),
		math1("atanh", func(x float64) float64 {
			if x >= 1 || x <= -1 {
				return math.NaN()
			}
			return cAtanh(x)
		}, false),
		math1("erf", cErf, false),
		math1("erfc", cErfc, false),
		math1("fabs", math.Abs, false),
		math1("degrees", func(x float64) float64 { return x * (180.0 / math.Pi) }, true),
		math1("radians", func(x float64) float64 { return x * (math.Pi / 180.0) }, true),
		math1("log1p", func(x float64) float64 {
			if x <= -1 {
				return math.NaN()
			}
			return cLog1p(x)
		}, false),
		math1("gamma", func(x float64) float64 {
			if x == math.Floor(x) && x <= 0 {
				return math.NaN()
			}
			return math.Gamma(x)
		}, true),
		math1("lgamma", func(x float64) float64 {
			if x == math.Floor(x) && x <= 0 {
				return math.Inf(1)
			}
			r, _ := math.Lgamma(x)
			return r
		}, true),
		math1("cbrt", cCbrt, false),
		math1("exp2", cExp2, true),
		roundTo("floor", math.Floor),
		roundTo("ceil", math.Ceil),
		roundTo("trunc", math.Trunc),
		fmeth("log", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKwargs("log", kwargs); err != nil {
				return nil, err
			}
			if len(args) < 1 || len(args) > 2 {
				return nil, py.ExceptionNewf(py.TypeError, "log expected 1 or 2 arguments, got %d", len(args))
			}
			num, err := bigLog(args[0], cLog)
			if err != nil {
				return nil, err
			}
			if len(args) == 1 {
				return py.Float(num), nil
			}
			den, err := bigLog(args[1], cLog)
			if err != nil {
				return nil, err
			}
			if den == 0 {
				return nil, py.ExceptionNewf(py.ZeroDivisionError, "float division by zero")
			}
			return py.Float(num / den), nil
		}),
		fmeth("log2", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("log2", args, kwargs, 1); err != nil {
				return nil, err
			}
			r, err := bigLog(args[0], cLog2)
			return py.Float(r), err
		}),
		fmeth("log10", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("log10", args, kwargs, 1); err != nil {
				return nil, err
			}
			r, err := bigLog(args[0], cLog10)
			return py.Float(r), err
		}),
		fmeth("pow", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("pow", args, kwargs, 2); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			y, err := toFloat(args[1])
			if err != nil {
				return nil, err
			}
			return floatPow(x, y)
		}),
		fmeth("atan2", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			x, y, err := twoFloats("atan2", args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.Float(cAtan2(x, y)), nil
		}),
		fmeth("copysign", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			x, y, err := twoFloats("copysign", args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.Float(math.Copysign(x, y)), nil
		}),
		fmeth("fmod", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			x, y, err := twoFloats("fmod", args, kwargs)
			if err != nil {
				return nil, err
			}
			if math.IsInf(y, 0) && !math.IsInf(x, 0) && !math.IsNaN(x) {
				return py.Float(x), nil
			}
			r := cFmod(x, y)
			if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
				return nil, errDomain()
			}
			return py.Float(r), nil
		}),
		fmeth("remainder", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			x, y, err := twoFloats("remainder", args, kwargs)
			if err != nil {
				return nil, err
			}
			r := math.Remainder(x, y)
			if math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y) {
				return nil, errDomain()
			}
			return py.Float(r), nil
		}),
		fmeth("ldexp", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("ldexp", args, kwargs, 2); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			eb, err := intArg(args[1])
			if err != nil {
				return nil, err
			}
			e := 100000
			if eb.IsInt64() && eb.Int64() < 100000 && eb.Int64() > -100000 {
				e = int(eb.Int64())
			} else if eb.Sign() < 0 {
				e = -100000
			}
			r := math.Ldexp(x, e)
			if math.IsInf(r, 0) && !math.IsInf(x, 0) {
				return nil, errRange()
			}
			return py.Float(r), nil
		}),
		fmeth("frexp", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("frexp", args, kwargs, 1); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
				return py.Tuple{py.Float(x), py.Int(0)}, nil
			}
			m, e := math.Frexp(x)
			return py.Tuple{py.Float(m), py.Int(e)}, nil
		}),
		fmeth("modf", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("modf", args, kwargs, 1); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			if math.IsInf(x, 0) {
				return py.Tuple{py.Float(math.Copysign(0, x)), py.Float(x)}, nil
			}
			i, f := math.Modf(x)
			return py.Tuple{py.Float(f), py.Float(i)}, nil
		}),
		fmeth("isnan", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return floatPred("isnan", args, kwargs, func(x float64) bool { return math.IsNaN(x) })
		}),
		fmeth("isinf", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return floatPred("isinf", args, kwargs, func(x float64) bool { return math.IsInf(x, 0) })
		}),
		fmeth("isfinite", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return floatPred("isfinite", args, kwargs, func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) })
		}),
		fmeth("isclose", mathIsclose),
		fmeth("ulp", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("ulp", args, kwargs, 1); err != nil {
				return nil, err
			}
			x, err := toFloat(args[0])
			if err != nil {
				return nil, err
			}
			x = math.Abs(x)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return py.Float(x), nil
			}
			next := math.Nextafter(x, math.Inf(1))
			if math.IsInf(next, 0) {
				return py.Float(x - math.Nextafter(x, 0)), nil
			}
			return py.Float(next - x), nil
		}),
		fmeth("nextafter", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			x, y, err := twoFloats("nextafter", args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.Float(math.Nextafter(x, y)), nil
		}),
		fmeth("gcd", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKwargs("gcd", kwargs); err != nil {
				return nil, err
			}
			acc := new(big.Int)
			for _, a := range args {
				b, err := intArg(a)
				if err != nil {
					return nil, err
				}
				acc.GCD(nil, nil, acc.Abs(acc), new(big.Int).Abs(b))
			}
			return fromBig(acc), nil
		}),
		fmeth("lcm", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKwargs("lcm", kwargs); err != nil {
				return nil, err
			}
			acc := big.NewInt(1)
			for _, a := range args {
				b, err := intArg(a)
				if err != nil {
					return nil, err
				}
				b.Abs(b)
				if b.Sign() == 0 || acc.Sign() == 0 {
					acc.SetInt64(0)
					continue
				}
				g := new(big.Int).GCD(nil, nil, acc, b)
				acc.Mul(acc, new(big.Int).Quo(b, g))
			}
			return fromBig(acc), nil
		}),
		fmeth("isqrt", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("isqrt", args, kwargs, 1); err != nil {
				return nil, err
			}
			n, err := intArg(args[0])
			if err != nil {
				return nil, err
			}
			if n.Sign() < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "isqrt() argument must be nonnegative")
			}
			return fromBig(new(big.Int).Sqrt(n)), nil
		}),
		fmeth("factorial", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("factorial", args, kwargs, 1); err != nil {
				return nil, err
			}
			n, err := intArg(args[0])
			if err != nil {
				return nil, err
			}
			if n.Sign() < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "factorial() not defined for negative values")
			}
			if !n.IsInt64() || n.Int64() > 100000 {
				return nil, py.ExceptionNewf(py.OverflowError, "factorial() argument should not exceed 100000 in this runtime")
			}
			return fromBig(new(big.Int).MulRange(1, n.Int64())), nil
		}),
		fmeth("comb", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("comb", args, kwargs, 2); err != nil {
				return nil, err
			}
			n, k, err := twoNonNeg(args)
			if err != nil {
				return nil, err
			}
			if k.Cmp(n) > 0 {
				return py.Int(0), nil
			}
			if !n.IsInt64() {
				return nil, py.ExceptionNewf(py.OverflowError, "n too large for this runtime")
			}
			return fromBig(new(big.Int).Binomial(n.Int64(), k.Int64())), nil
		}),
		fmeth("perm", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKwargs("perm", kwargs); err != nil {
				return nil, err
			}
			if len(args) == 1 || (len(args) == 2 && args[1] == py.None) {
				n, err := intArg(args[0])
				if err != nil {
					return nil, err
				}
				if n.Sign() < 0 {
					return nil, py.ExceptionNewf(py.ValueError, "n must be a non-negative integer")
				}
				if !n.IsInt64() || n.Int64() > 100000 {
					return nil, py.ExceptionNewf(py.OverflowError, "n too large for this runtime")
				}
				return fromBig(new(big.Int).MulRange(1, n.Int64())), nil
			}
			if len(args) != 2 {
				return nil, py.ExceptionNewf(py.TypeError, "perm expected at most 2 arguments, got %d", len(args))
			}
			n, k, err := twoNonNeg(args)
			if err != nil {
				return nil, err
			}
			if k.Cmp(n) > 0 {
				return py.Int(0), nil
			}
			if !n.IsInt64() || k.Int64() > 1000000 {
				return nil, py.ExceptionNewf(py.OverflowError, "n too large for this runtime")
			}
			return fromBig(new(big.Int).MulRange(n.Int64()-k.Int64()+1, n.Int64())), nil
		}),
		fmeth("fsum", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("fsum", args, kwargs, 1); err != nil {
				return nil, err
			}
			return fsum(args[0])
		}),
		fmeth("prod", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("prod", args, kwargs, []string{"iterable", "start"}, 1)
			if err != nil {
				return nil, err
			}
			var acc py.Object = py.Int(1)
			if a[1] != nil {
				acc = a[1]
			}
			err = iterate(a[0], func(o py.Object) (bool, error) {
				r, err := py.Mul(acc, o)
				acc = r
				return false, err
			})
			return acc, err
		}),
		fmeth("hypot", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKwargs("hypot", kwargs); err != nil {
				return nil, err
			}
			xs := make([]float64, len(args))
			for i, a := range args {
				f, err := toFloat(a)
				if err != nil {
					return nil, err
				}
				xs[i] = f
			}
			return py.Float(vectorNorm(xs)), nil
		}),
		fmeth("dist", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("dist", args, kwargs, 2); err != nil {
				return nil, err
			}
			p, err := toSlice(args[0])
			if err != nil {
				return nil, err
			}
			q, err := toSlice(args[1])
			if err != nil {
				return nil, err
			}
			if len(p) != len(q) {
				return nil, py.ExceptionNewf(py.ValueError, "both points must have the same number of dimensions")
			}
			xs := make([]float64, len(p))
			for i := range p {
				a, err := toFloat(p[i])
				if err != nil {
					return nil, err
				}
				b, err := toFloat(q[i])
				if err != nil {
					return nil, err
				}
				xs[i] = a - b
			}
			return py.Float(vectorNorm(xs)), nil
		}),
	}
	return ms, g, nil
}

func twoFloats(name string, args py.Tuple, kwargs py.StringDict) (float64, float64, error) {
	if err := fixedArgs(name, args, kwargs, 2); err != nil {
		return 0, 0, err
	}
	x, err := toFloat(args[0])
	if err != nil {
		return 0, 0, err
	}
	y, err := toFloat(args[1])
	return x, y, err
}

func twoNonNeg(args py.Tuple) (*big.Int, *big.Int, error) {
	n, err := intArg(args[0])
	if err != nil {
		return nil, nil, err
	}
	k, err := intArg(args[1])
	if err != nil {
		return nil, nil, err
	}
	if n.Sign() < 0 {
		return nil, nil, py.ExceptionNewf(py.ValueError, "n must be a non-negative integer")
	}
	if k.Sign() < 0 {
		return nil, nil, py.ExceptionNewf(py.ValueError, "k must be a non-negative integer")
	}
	return n, k, nil
}

func floatPred(name string, args py.Tuple, kwargs py.StringDict, f func(float64) bool) (py.Object, error) {
	if err := fixedArgs(name, args, kwargs, 1); err != nil {
		return nil, err
	}
	if isInt(args[0]) {
		return py.NewBool(f(0)), nil
	}
	x, err := toFloat(args[0])
	if err != nil {
		return nil, err
	}
	return py.NewBool(f(x)), nil
}

func floatPow(x, y float64) (py.Object, error) {
	if x == 0 && y < 0 && !math.IsInf(y, 0) {
		return nil, errDomain()
	}
	if x < 0 && !math.IsInf(x, 0) && y != math.Trunc(y) && !math.IsInf(y, 0) && !math.IsNaN(y) {
		return nil, errDomain()
	}
	r := cPow(x, y)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) && !math.IsInf(y, 0) && !math.IsNaN(x) && !math.IsNaN(y) {
		return nil, errRange()
	}
	return py.Float(r), nil
}

func mathIsclose(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(args))
	}
	a, err := toFloat(args[0])
	if err != nil {
		return nil, err
	}
	b, err := toFloat(args[1])
	if err != nil {
		return nil, err
	}
	rel, abs := 1e-9, 0.0
	for k, v := range kwargs {
		f, err := toFloat(v)
		if err != nil {
			return nil, err
		}
		switch k {
		case "rel_tol":
			rel = f
		case "abs_tol":
			abs = f
		default:
			return nil, py.ExceptionNewf(py.TypeError, "isclose() got an unexpected keyword argument '%s'", k)
		}
	}
	if rel < 0 || abs < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "tolerances must be non-negative")
	}
	if a == b {
		return py.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return py.False, nil
	}
	diff := math.Abs(b - a)
	return py.NewBool((diff <= math.Abs(rel*b)) || (diff <= math.Abs(rel*a)) || diff <= abs), nil
}

// vectorNorm is the Euclidean norm as CPython's hypot computes it for
// finite values: scaled to avoid overflow, then summed and rooted.
func vectorNorm(xs []float64) float64 {
	max := 0.0
	nan := false
	for _, x := range xs {
		x = math.Abs(x)
		if math.IsInf(x, 0) {
			return math.Inf(1)
		}
		if math.IsNaN(x) {
			nan = true
		}
		if x > max {
			max = x
		}
	}
	if nan {
		return math.NaN()
	}
	if max == 0 || len(xs) <= 1 {
		return max
	}
	if len(xs) == 2 {
		return cHypot(xs[0], xs[1])
	}
	_, e := math.Frexp(max)
	sum := 0.0
	comp := 0.0
	for _, x := range xs {
		x = math.Ldexp(math.Abs(x), -e)
		// Neumaier summation of squares keeps the sum close to exact.
		sq := x * x
		t := sum + sq
		if math.Abs(sum) >= math.Abs(sq) {
			comp += (sum - t) + sq
		} else {
			comp += (sq - t) + sum
		}
		sum = t
	}
	return math.Ldexp(math.Sqrt(sum+comp), e)
}

// fsum is CPython's math.fsum: Shewchuk's exact partial sums with the
// final correction for correctly rounded half-way cases.
func fsum(iterable py.Object) (py.Object, error) {
	var partials []float64
	specialSum, infSum := 0.0, 0.0
	err := iterate(iterable, func(o py.Object) (bool, error) {
		x, err := toFloat(o)
		if err != nil {
			return true, err
		}
		xsave := x
		i := 0
		for _, y := range partials {
			if math.Abs(x) < math.Abs(y) {
				x, y = y, x
			}
			hi := x + y
			lo := y - (hi - x)
			if lo != 0 {
				partials[i] = lo
				i++
			}
			x = hi
		}
		partials = partials[:i]
		if x != 0 {
			if math.IsInf(x, 0) || math.IsNaN(x) {
				if math.IsInf(xsave, 0) || math.IsNaN(xsave) {
					infSum += xsave
				}
				specialSum += xsave
				partials = partials[:0]
			} else {
				partials = append(partials, x)
			}
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if specialSum != 0 {
		if math.IsNaN(infSum) {
			return nil, py.ExceptionNewf(py.ValueError, "-inf + inf in fsum")
		}
		return py.Float(specialSum), nil
	}
	hi := 0.0
	n := len(partials)
	if n > 0 {
		n--
		hi = partials[n]
		lo := 0.0
		for n > 0 {
			x := hi
			n--
			y := partials[n]
			hi = x + y
			yr := hi - x
			lo = y - yr
			if lo != 0 {
				break
			}
		}
		if n > 0 && ((lo < 0 && partials[n-1] < 0) || (lo > 0 && partials[n-1] > 0)) {
			y := lo * 2
			x := hi + y
			yr := x - hi
			if y == yr {
				hi = x
			}
		}
	}
	return py.Float(hi), nil
}
