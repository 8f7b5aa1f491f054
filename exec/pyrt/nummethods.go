package pyrt

import (
	"math"
	"math/big"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// installNumberMethods adds the int and float methods gpython lacks.
func installNumberMethods() {
	intMethods := map[string]interface{}{
		"bit_length": func(self py.Object) (py.Object, error) {
			v, err := toBig(self)
			if err != nil {
				return nil, err
			}
			return py.Int(new(big.Int).Abs(v).BitLen()), nil
		},
		"bit_count": func(self py.Object) (py.Object, error) {
			v, err := toBig(self)
			if err != nil {
				return nil, err
			}
			n := 0
			for _, w := range new(big.Int).Abs(v).Bits() {
				for ; w != 0; w &= w - 1 {
					n++
				}
			}
			return py.Int(n), nil
		},
		"conjugate": func(self py.Object) (py.Object, error) { return boolToInt(self), nil },
		"to_bytes": func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			v, err := toBig(self)
			if err != nil {
				return nil, err
			}
			length, order, signed := 1, "big", false
			if len(args) > 0 {
				if length, err = py.IndexInt(args[0]); err != nil {
					return nil, err
				}
			}
			if len(args) > 1 {
				if order, err = strArg("to_bytes", args[1]); err != nil {
					return nil, err
				}
			}
			if l, ok := kwargs["length"]; ok {
				if length, err = py.IndexInt(l); err != nil {
					return nil, err
				}
			}
			if o, ok := kwargs["byteorder"]; ok {
				if order, err = strArg("to_bytes", o); err != nil {
					return nil, err
				}
			}
			if s, ok := kwargs["signed"]; ok {
				signed, _ = pyobj.Truthy(s)
			}
			if v.Sign() < 0 && !signed {
				return nil, py.ExceptionNewf(py.OverflowError, "can't convert negative int to unsigned")
			}
			x := new(big.Int).Set(v)
			if x.Sign() < 0 {
				x.Add(x, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
			}
			b := x.Bytes()
			if len(b) > length || (signed && v.Sign() >= 0 && len(b) == length && length > 0 && b[0]&0x80 != 0) {
				return nil, py.ExceptionNewf(py.OverflowError, "int too big to convert")
			}
			out := make([]byte, length)
			copy(out[length-len(b):], b)
			if order == "little" {
				for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
					out[i], out[j] = out[j], out[i]
				}
			} else if order != "big" {
				return nil, py.ExceptionNewf(py.ValueError, "byteorder must be either 'little' or 'big'")
			}
			return py.Bytes(out), nil
		},
	}
	for name, f := range intMethods {
		py.IntType.Dict[name] = py.MustNewMethod(name, pyobj.Guard(name, f), 0, "")
		py.BigIntType.Dict[name] = py.MustNewMethod(name, pyobj.Guard(name, f), 0, "")
		py.BoolType.Dict[name] = py.MustNewMethod(name, pyobj.Guard(name, f), 0, "")
	}
	fromBytes := py.MustNewMethod("from_bytes", pyobj.Guard("from_bytes", func(cls py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) < 1 {
			return nil, py.ExceptionNewf(py.TypeError, "from_bytes() missing required argument 'bytes'")
		}
		data, err := pyobj.Items(args[0])
		if err != nil {
			return nil, err
		}
		order := "big"
		if len(args) > 1 {
			if order, err = strArg("from_bytes", args[1]); err != nil {
				return nil, err
			}
		}
		if o, ok := kwargs["byteorder"]; ok {
			if order, err = strArg("from_bytes", o); err != nil {
				return nil, err
			}
		}
		b := make([]byte, len(data))
		for i, d := range data {
			n, err := py.IndexInt(d)
			if err != nil {
				return nil, err
			}
			b[i] = byte(n)
		}
		if order == "little" {
			for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
				b[i], b[j] = b[j], b[i]
			}
		}
		v := new(big.Int).SetBytes(b)
		if s, ok := kwargs["signed"]; ok {
			if t, _ := pyobj.Truthy(s); t && len(b) > 0 && b[0]&0x80 != 0 {
				v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
			}
		}
		return fromBig(v), nil
	}), py.METH_CLASS, "")
	py.IntType.Dict["from_bytes"] = fromBytes
	intProps := map[string]func(py.Object) (py.Object, error){
		"real":        func(o py.Object) (py.Object, error) { return boolToInt(o), nil },
		"imag":        func(o py.Object) (py.Object, error) { return py.Int(0), nil },
		"numerator":   func(o py.Object) (py.Object, error) { return boolToInt(o), nil },
		"denominator": func(o py.Object) (py.Object, error) { return py.Int(1), nil },
	}
	for name, f := range intProps {
		for _, t := range []*py.Type{py.IntType, py.BigIntType, py.BoolType} {
			t.Dict[name] = &py.Property{Fget: f}
		}
	}
	py.FloatType.Dict["is_integer"] = pyobj.Method("is_integer", func(self py.Object) (py.Object, error) {
		f := float64(self.(py.Float))
		return py.NewBool(!math.IsInf(f, 0) && !math.IsNaN(f) && f == math.Trunc(f)), nil
	})
	py.FloatType.Dict["as_integer_ratio"] = pyobj.Method("as_integer_ratio", func(self py.Object) (py.Object, error) {
		f := float64(self.(py.Float))
		if math.IsInf(f, 0) {
			return nil, py.ExceptionNewf(py.OverflowError, "cannot convert Infinity to integer ratio")
		}
		if math.IsNaN(f) {
			return nil, py.ExceptionNewf(py.ValueError, "cannot convert NaN to integer ratio")
		}
		r := new(big.Rat).SetFloat64(f)
		return py.Tuple{fromBig(r.Num()), fromBig(r.Denom())}, nil
	})
	py.FloatType.Dict["conjugate"] = pyobj.Method("conjugate", func(self py.Object) (py.Object, error) { return self, nil })
	py.FloatType.Dict["real"] = &py.Property{Fget: func(o py.Object) (py.Object, error) { return o, nil }}
	py.FloatType.Dict["imag"] = &py.Property{Fget: func(o py.Object) (py.Object, error) { return py.Float(0), nil }}
	py.FloatType.Dict["hex"] = pyobj.Method("hex", func(self py.Object) (py.Object, error) {
		f := float64(self.(py.Float))
		return py.String(floatHex(f)), nil
	})
}

func floatHex(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0x0.0p+0"
		}
		return "0x0.0p+0"
	}
	s := ""
	if f < 0 {
		s, f = "-", -f
	}
	frac, exp := math.Frexp(f) // f = frac * 2**exp, frac in [0.5, 1)
	mant := uint64(math.Ldexp(frac, 53))
	exp--
	if exp < -1022 { // subnormal: CPython shows 0x0.<digits>p-1022
		mant >>= uint(-1022 - exp)
		exp = -1022
		return s + "0x0." + hex13(mant&((1<<52)-1)) + "p-1022"
	}
	return s + "0x1." + hex13(mant&((1<<52)-1)) + "p" + signedExp(exp)
}

func hex13(m uint64) string {
	const digits = "0123456789abcdef"
	b := make([]byte, 13)
	for i := 12; i >= 0; i-- {
		b[i] = digits[m&15]
		m >>= 4
	}
	return string(b)
}

func signedExp(e int) string {
	if e >= 0 {
		return "+" + itoa(e)
	}
	return "-" + itoa(-e)
}

func itoa(i int) string {
	s, _ := pyobj.Repr(py.Int(i))
	return s
}
