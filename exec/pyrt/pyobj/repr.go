package pyobj

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// FloatRepr is CPython's repr(float): the shortest string that round-trips,
// in exponent form when the decimal exponent is < -4 or >= 16.
func FloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	decpt := exp + 1
	var out string
	if decpt <= -4 || decpt > 16 {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		out += "e" + sign + es
	} else if decpt <= 0 {
		out = "0." + strings.Repeat("0", -decpt) + digits
	} else if decpt >= len(digits) {
		out = digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	} else {
		out = digits[:decpt] + "." + digits[decpt:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

// Repr is CPython's repr(o). It handles the builtin types whose gpython
// repr differs from CPython's (floats, containers holding them,
// exceptions) and defers to the object otherwise.
func Repr(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return StrRepr(string(x)), nil
	case py.Int:
		return strconv.FormatInt(int64(x), 10), nil
	case py.Float:
		return FloatRepr(float64(x)), nil
	case py.Bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case py.NoneType:
		return "None", nil
	case py.Tuple:
		if len(x) == 1 {
			r, err := Repr(x[0])
			return "(" + r + ",)", err
		}
		return seqRepr(o, "(", ")", x)
	case *py.List:
		return seqRepr(o, "[", "]", x.Items)
	case *py.Exception:
		if o == py.NotImplemented {
			return "NotImplemented", nil
		}
		return ExceptionRepr(x)
	case py.Complex:
		return complexRepr(complex128(x)), nil
	case *py.Type:
		return classRepr(x), nil
	case *py.Function:
		return "<function " + x.Name + " at 0x" + strconv.FormatInt(Id(o), 16) + ">", nil
	case py.StringDict:
		// gpython's own str-keyed dicts (globals(), a module's namespace)
		// have no order; show them sorted rather than at random.
		d, _ := AsDict(x)
		return d.repr()
	case *py.Method:
		return "<built-in function " + x.Name + ">", nil
	}
	r, err := py.Repr(o)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return string(s), nil
}

func classRepr(t *py.Type) string {
	if t.Flags&py.TPFLAGS_HEAPTYPE != 0 {
		mod := "__main__"
		if m, ok := t.Dict["__module__"].(py.String); ok {
			mod = string(m)
		}
		name := t.Qualname
		if name == "" {
			name = t.Name
		}
		return "<class '" + mod + "." + name + "'>"
	}
	return "<class '" + t.Name + "'>"
}

func complexRepr(c complex128) string {
	im := imag(c)
	imS := FloatRepr(im)
	imS = strings.TrimSuffix(imS, ".0")
	if real(c) == 0 && !math.Signbit(real(c)) {
		return imS + "j"
	}
	re := strings.TrimSuffix(FloatRepr(real(c)), ".0")
	sign := "+"
	if im < 0 || (im == 0 && math.Signbit(im)) || math.IsNaN(im) && strings.HasPrefix(imS, "-") {
		sign = ""
	}
	return "(" + re + sign + imS + "j)"
}

func seqRepr(o py.Object, open, close string, items []py.Object) (string, error) {
	if len(items) == 0 {
		return open + close, nil
	}
	if !reprEnter(o) {
		return open + "..." + close, nil
	}
	defer reprLeave(o)
	var b strings.Builder
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(it)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteString(close)
	return b.String(), nil
}

// Str is CPython's str(o).
func Str(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case py.Int, py.Float, py.Bool, py.NoneType, py.Tuple, *py.List, py.Complex, *py.Type, *py.Function, py.StringDict, *py.Method:
		return Repr(o)
	case *py.Exception:
		if o == py.NotImplemented {
			return "NotImplemented", nil
		}
		return ExceptionStr(x)
	}
	r, err := py.Str(o)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return string(s), nil
}

// userExcMethod finds a method a user exception class defines itself.
func userExcMethod(e *py.Exception, name string) py.Object {
	for _, b := range e.Base.Mro {
		t := b.(*py.Type)
		if t.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return nil
		}
		if fn, ok := t.Dict[name]; ok {
			return fn
		}
	}
	return nil
}

// ExcArgs returns the exception's args as a tuple.
func ExcArgs(e *py.Exception) py.Tuple {
	switch a := e.Args.(type) {
	case py.Tuple:
		return a
	case nil:
		return py.Tuple{}
	}
	return py.Tuple{e.Args}
}

// ExceptionStr is BaseException.__str__ (or the class's own __str__).
func ExceptionStr(e *py.Exception) (string, error) {
	if fn := userExcMethod(e, "__str__"); fn != nil {
		r, err := CallBound(fn, e)
		if err != nil {
			return "", err
		}
		return Str(r)
	}
	args := ExcArgs(e)
	if e.Base == py.KeyError || (e.Base.IsSubtype(py.KeyError) && len(args) == 1) {
		if len(args) == 1 {
			return Repr(args[0])
		}
	}
	switch len(args) {
	case 0:
		return "", nil
	case 1:
		return Str(args[0])
	}
	return Repr(args)
}

// ExceptionRepr is BaseException.__repr__: ValueError('x').
func ExceptionRepr(e *py.Exception) (string, error) {
	if fn := userExcMethod(e, "__repr__"); fn != nil {
		r, err := CallBound(fn, e)
		if err != nil {
			return "", err
		}
		return Str(r)
	}
	args := ExcArgs(e)
	if len(args) == 1 {
		r, err := Repr(args[0])
		return e.Base.Name + "(" + r + ")", err
	}
	r, err := Repr(args)
	return e.Base.Name + r, err
}

// StrRepr is CPython's repr(str).
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for _, c := range s {
		switch {
		case c == rune(quote) || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			b.WriteString(EscapeChar(c))
		case c < 0x7f:
			b.WriteRune(c)
		case isPrintable(c):
			b.WriteRune(c)
		default:
			b.WriteString(EscapeChar(c))
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// EscapeChar spells a code point as repr(), ascii() and codec errors do:
// \xhh below 0x100, \uhhhh below 0x10000, else \Uhhhhhhhh.
func EscapeChar(c rune) string {
	switch {
	case c < 0x100:
		return `\x` + hexN(int(c), 2)
	case c < 0x10000:
		return `\u` + hexN(int(c), 4)
	}
	return `\U` + hexN(int(c), 8)
}

func hexN(c, n int) string {
	s := strconv.FormatInt(int64(c), 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// isPrintable approximates Python's str.isprintable for one rune.
func isPrintable(c rune) bool {
	if c == ' ' {
		return true
	}
	return strconv.IsPrint(c) && c != 0xad
}
