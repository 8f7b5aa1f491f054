package pyrt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// installConstructors replaces the constructors of builtin types whose
// gpython versions swallow iterator errors or disagree with CPython.
func installConstructors() {
	py.ListType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(kwargs) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "list() takes no keyword arguments")
		}
		if err := pyobj.ArgCount("list", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return py.NewList(), nil
		}
		items, err := pyobj.Items(args[0])
		if err != nil {
			return nil, err
		}
		return py.NewListFromItems(items), nil
	}
	py.TupleType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(kwargs) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "tuple() takes no keyword arguments")
		}
		if err := pyobj.ArgCount("tuple", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return py.Tuple{}, nil
		}
		if tup, ok := args[0].(py.Tuple); ok {
			return tup, nil
		}
		items, err := pyobj.Items(args[0])
		if err != nil {
			return nil, err
		}
		return py.Tuple(items), nil
	}
	py.StringType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("str", args, 0, 3); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return py.String(""), nil
		}
		if len(args) >= 2 || len(kwargs) > 0 {
			b, ok := args[0].(py.Bytes)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "decoding str is not supported")
			}
			enc := "utf-8"
			if len(args) >= 2 {
				e, err := strArg("str", args[1])
				if err != nil {
					return nil, err
				}
				enc = e
			}
			if e, ok := kwargs["encoding"].(py.String); ok {
				enc = string(e)
			}
			return decode(b, enc)
		}
		s, err := pyobj.Str(args[0])
		return py.String(s), err
	}
	py.BoolType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(kwargs) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "bool() takes no keyword arguments")
		}
		if err := pyobj.ArgCount("bool", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return py.False, nil
		}
		b, err := pyobj.Truthy(args[0])
		return py.NewBool(b), err
	}
	origInt := py.IntType.New
	py.IntType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) >= 1 {
			switch x := args[0].(type) {
			case py.String:
				base := 10
				if len(args) == 2 {
					b, err := py.IndexInt(args[1])
					if err != nil {
						return nil, err
					}
					base = b
				} else if b, ok := kwargs["base"]; ok {
					bi, err := py.IndexInt(b)
					if err != nil {
						return nil, err
					}
					base = bi
				}
				return intFromString(string(x), base)
			case *pyobj.Instance:
				if len(args) == 1 {
					if r, err := pyobj.GetAttr(x, "__int__"); err == nil {
						return py.Call(r, nil, nil)
					}
					if r, err := pyobj.GetAttr(x, "__index__"); err == nil {
						return py.Call(r, nil, nil)
					}
					if r, err := pyobj.GetAttr(x, "__trunc__"); err == nil {
						return py.Call(r, nil, nil)
					}
					return nil, py.ExceptionNewf(py.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", x.Type().Name)
				}
			case py.Float:
				f := float64(x)
				if math.IsInf(f, 0) {
					return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
				}
				if math.IsNaN(f) {
					return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
				}
			case py.Bool:
				if x {
					return py.Int(1), nil
				}
				return py.Int(0), nil
			}
		}
		return origInt(t, args, kwargs)
	}
	origFloat := py.FloatType.New
	py.FloatType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 1 {
			switch x := args[0].(type) {
			case py.String:
				return floatFromString(string(x))
			case *pyobj.Instance:
				if r, err := pyobj.GetAttr(x, "__float__"); err == nil {
					return py.Call(r, nil, nil)
				}
				if r, err := pyobj.GetAttr(x, "__index__"); err == nil {
					v, err := py.Call(r, nil, nil)
					if err != nil {
						return nil, err
					}
					return py.MakeFloat(v)
				}
				return nil, py.ExceptionNewf(py.TypeError, "float() argument must be a string or a real number, not '%s'", x.Type().Name)
			case py.Bool:
				if x {
					return py.Float(1), nil
				}
				return py.Float(0), nil
			}
		}
		return origFloat(t, args, kwargs)
	}
}

// stripUnderscores removes single underscores between digits, rejecting
// misplaced ones as CPython does.
func stripUnderscores(s string) (string, bool) {
	if !strings.Contains(s, "_") {
		return s, true
	}
	if strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
		return "", false
	}
	return strings.ReplaceAll(s, "_", ""), true
}

// asciiDigits replaces the decimal digits of other scripts ("٣", "３")
// with ASCII ones: int() and float() accept every Unicode decimal digit.
func asciiDigits(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= utf8.RuneSelf && unicode.Is(unicode.Nd, r) {
			return '0' + rune(decimalValue(r))
		}
		return r
	}, s)
}

// decimalValue is the value of a Unicode decimal digit: Unicode encodes
// them in contiguous runs of whole 0-9 sequences, so the offset from the
// start of the run, modulo 10, is the value.
func decimalValue(r rune) int {
	start := r
	for unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(r-start) % 10
}

func intFromString(str string, base int) (py.Object, error) {
	bad := func() (py.Object, error) {
		return nil, py.ExceptionNewf(py.ValueError, "invalid literal for int() with base %d: %s", base, pyobj.StrRepr(str))
	}
	if base != 0 && (base < 2 || base > 36) {
		return nil, py.ExceptionNewf(py.ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	s := asciiDigits(strings.TrimFunc(str, pySpace))
	if s == "" {
		return bad()
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	b := base
	if len(s) > 1 && s[0] == '0' {
		p := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
		if p != 0 && (base == 0 || base == p) {
			b = p
			s = s[2:]
			if strings.HasPrefix(s, "_") {
				s = s[1:]
			}
		}
	}
	if b == 0 {
		b = 10
		if len(s) > 1 && s[0] == '0' && strings.Trim(s, "0_") != "" {
			return bad()
		}
	}
	s, ok := stripUnderscores(s)
	if !ok || s == "" {
		return bad()
	}
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return bad()
		}
	}
	v, ok := new(big.Int).SetString(s, b)
	if !ok {
		return bad()
	}
	if neg {
		v.Neg(v)
	}
	return fromBig(v), nil
}

func floatFromString(str string) (py.Object, error) {
	s := asciiDigits(strings.TrimFunc(str, pySpace))
	low := strings.ToLower(s)
	sign := 1.0
	body := low
	if strings.HasPrefix(body, "+") || strings.HasPrefix(body, "-") {
		if body[0] == '-' {
			sign = -1
		}
		body = body[1:]
	}
	switch body {
	case "inf", "infinity":
		return py.Float(math.Inf(int(sign))), nil
	case "nan":
		return py.Float(math.NaN()), nil
	}
	clean, ok := stripUnderscores(s)
	if ok && clean != "" && !strings.ContainsAny(strings.ToLower(clean), "xpn") {
		if f, err := strconv.ParseFloat(clean, 64); err == nil {
			return py.Float(f), nil
		} else if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return py.Float(f), nil
		}
	}
	return nil, py.ExceptionNewf(py.ValueError, "could not convert string to float: %s", pyobj.StrRepr(str))
}

func decode(b py.Bytes, enc string) (py.Object, error) {
	switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
	case "utf-8", "utf8":
		if !utf8.Valid(b) {
			for i := 0; i < len(b); {
				r, size := utf8.DecodeRune(b[i:])
				if r == utf8.RuneError && size <= 1 {
					return nil, py.ExceptionNewf(py.UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
				}
				i += size
			}
		}
		return py.String(b), nil
	case "ascii", "us-ascii":
		for i, c := range b {
			if c >= 0x80 {
				return nil, py.ExceptionNewf(py.UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)
			}
		}
		return py.String(b), nil
	case "latin-1", "latin1", "iso-8859-1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return py.String(string(r)), nil
	}
	return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
}
