package pyobj

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// FormatSpec is a parsed format-spec mini-language string.
type FormatSpec struct {
	Fill      rune
	Align     byte // 0, '<', '>', '^', '='
	Sign      byte // 0, '+', '-', ' '
	Alt       bool
	Zero      bool
	Width     int
	Grouping  byte // 0, ',', '_'
	Precision int  // -1 when absent
	Type      byte // 0 when absent
}

// ParseFormatSpec parses spec as CPython does.
func ParseFormatSpec(spec string) (FormatSpec, error) {
	fs := FormatSpec{Fill: ' ', Precision: -1}
	s := spec
	isAlign := func(c byte) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if r, size := utf8.DecodeRuneInString(s); size > 0 && len(s) > size && isAlign(s[size]) {
		fs.Fill, fs.Align = r, s[size]
		s = s[size+1:]
	} else if len(s) > 0 && isAlign(s[0]) {
		fs.Align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && (s[0] == '+' || s[0] == '-' || s[0] == ' ') {
		fs.Sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == 'z' {
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		fs.Alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		fs.Zero = true
		s = s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 {
		fs.Width, _ = strconv.Atoi(s[:n])
		s = s[n:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		fs.Grouping = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		s = s[1:]
		n = 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 {
			return fs, py.ExceptionNewf(py.ValueError, "Format specifier missing precision")
		}
		fs.Precision, _ = strconv.Atoi(s[:n])
		s = s[n:]
	}
	if len(s) > 1 {
		return fs, py.ExceptionNewf(py.ValueError, "Invalid format specifier '%s' for object of type '%%s'", spec)
	}
	if len(s) == 1 {
		fs.Type = s[0]
	}
	if fs.Zero && fs.Align == 0 {
		fs.Fill, fs.Align = '0', '='
	}
	return fs, nil
}

// Format is CPython's format(value, spec).
func Format(value py.Object, spec string) (string, error) {
	switch v := value.(type) {
	case py.String:
		return formatString(string(v), spec)
	case py.Bool:
		if spec == "" {
			return Str(v)
		}
		if v {
			return formatInt(big.NewInt(1), spec, value)
		}
		return formatInt(big.NewInt(0), spec, value)
	case py.Int:
		if spec == "" {
			return strconv.FormatInt(int64(v), 10), nil
		}
		return formatInt(big.NewInt(int64(v)), spec, value)
	case *py.BigInt:
		if spec == "" {
			return (*big.Int)(v).String(), nil
		}
		return formatInt((*big.Int)(v), spec, value)
	case py.Float:
		if spec == "" {
			return FloatRepr(float64(v)), nil
		}
		return formatFloat(float64(v), spec, value)
	case *Instance:
		if r, ok, err := v.Format(spec); ok {
			if err != nil {
				return "", err
			}
			s, isStr := r.(py.String)
			if !isStr {
				return "", py.ExceptionNewf(py.TypeError, "__format__ must return a str, not %s", r.Type().Name)
			}
			return string(s), nil
		}
	}
	if spec != "" {
		return "", py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", TypeName(value))
	}
	return Str(value)
}

func badType(fs FormatSpec, value py.Object) error {
	return py.ExceptionNewf(py.ValueError, "Unknown format code '%c' for object of type '%s'", fs.Type, TypeName(value))
}

func fixSpecErr(err error, value py.Object) error {
	if e, ok := err.(*py.Exception); ok {
		if a := ExcArgs(e); len(a) == 1 {
			if s, ok := a[0].(py.String); ok && strings.Contains(string(s), "%s") {
				return py.ExceptionNewf(py.ValueError, "%s", strings.Replace(string(s), "%s", TypeName(value), 1))
			}
		}
	}
	return err
}

func formatString(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	fs, err := ParseFormatSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, py.String(""))
	}
	if fs.Type != 0 && fs.Type != 's' {
		return "", badType(fs, py.String(""))
	}
	if fs.Sign != 0 {
		return "", py.ExceptionNewf(py.ValueError, "Sign not allowed in string format specifier")
	}
	if fs.Align == '=' {
		return "", py.ExceptionNewf(py.ValueError, "'=' alignment not allowed in string format specifier")
	}
	if fs.Precision >= 0 && utf8.RuneCountInString(s) > fs.Precision {
		s = string([]rune(s)[:fs.Precision])
	}
	return pad(s, "", fs, '<'), nil
}

// pad applies fill, alignment and width; prefix (sign, 0x) goes before
// padding for '=' alignment.
func pad(body, prefix string, fs FormatSpec, defAlign byte) string {
	align := fs.Align
	if align == 0 {
		align = defAlign
	}
	n := utf8.RuneCountInString(body) + utf8.RuneCountInString(prefix)
	if n >= fs.Width {
		return prefix + body
	}
	fill := strings.Repeat(string(fs.Fill), fs.Width-n)
	switch align {
	case '<':
		return prefix + body + fill
	case '>':
		return fill + prefix + body
	case '=':
		return prefix + fill + body
	}
	left := (fs.Width - n) / 2
	r := []rune(fill)
	return string(r[:left]) + prefix + body + string(r[left:])
}

func signPrefix(neg bool, sign byte) string {
	if neg {
		return "-"
	}
	switch sign {
	case '+':
		return "+"
	case ' ':
		return " "
	}
	return ""
}

// group inserts sep every n digits from the right of an integer string.
func group(digits string, sep byte, n int) string {
	if sep == 0 || len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += n {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

// zeroGroup handles '0' padding with grouping: CPython pads the digits
// with zeros and separators up to the width.
func zeroGrouped(digits string, sep byte, n, width int) string {
	if sep == 0 {
		if len(digits) < width {
			return strings.Repeat("0", width-len(digits)) + digits
		}
		return digits
	}
	g := group(digits, sep, n)
	for len(g) < width {
		digits = "0" + digits
		g = group(digits, sep, n)
	}
	return g
}

func formatInt(v *big.Int, spec string, value py.Object) (string, error) {
	fs, err := ParseFormatSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, value)
	}
	switch fs.Type {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := new(big.Float).SetInt(v).Float64()
		return formatFloat(f, spec, value)
	case 'c':
		if fs.Sign != 0 {
			return "", py.ExceptionNewf(py.ValueError, "Sign not allowed with integer format specifier 'c'")
		}
		return pad(string(rune(v.Int64())), "", fs, '<'), nil
	}
	if fs.Precision >= 0 {
		return "", py.ExceptionNewf(py.ValueError, "Precision not allowed in integer format specifier")
	}
	neg := v.Sign() < 0
	abs := new(big.Int).Abs(v)
	var digits, prefix string
	groupN := 3
	switch fs.Type {
	case 0, 'd', 'n':
		digits = abs.String()
	case 'b':
		digits, prefix, groupN = abs.Text(2), "0b", 4
	case 'o':
		digits, prefix, groupN = abs.Text(8), "0o", 4
	case 'x':
		digits, prefix, groupN = abs.Text(16), "0x", 4
	case 'X':
		digits, prefix, groupN = strings.ToUpper(abs.Text(16)), "0X", 4
	default:
		return "", badType(fs, value)
	}
	if !fs.Alt {
		prefix = ""
	}
	if fs.Grouping == ',' && groupN == 4 {
		return "", py.ExceptionNewf(py.ValueError, "Cannot specify ',' with '%c'.", fs.Type)
	}
	sp := signPrefix(neg, fs.Sign) + prefix
	if fs.Align == '=' && fs.Fill == '0' && fs.Grouping != 0 {
		w := fs.Width - len(sp)
		return sp + zeroGrouped(digits, fs.Grouping, groupN, w), nil
	}
	return pad(group(digits, fs.Grouping, groupN), sp, fs, '>'), nil
}

func formatFloat(f float64, spec string, value py.Object) (string, error) {
	fs, err := ParseFormatSpec(spec)
	if err != nil {
		return "", fixSpecErr(err, value)
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := fs.Precision
	var body string
	switch fs.Type {
	case 'f', 'F', '%':
		if prec < 0 {
			prec = 6
		}
		x := a
		if fs.Type == '%' {
			x *= 100
		}
		body = strconv.FormatFloat(x, 'f', prec, 64)
		if fs.Alt && prec == 0 {
			body += "."
		}
		if fs.Type == '%' {
			body += "%"
		}
	case 'e', 'E':
		if prec < 0 {
			prec = 6
		}
		body = strconv.FormatFloat(a, 'e', prec, 64)
		if fs.Alt && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
	case 'g', 'G', 'n':
		if prec < 0 {
			prec = 6
		}
		if prec == 0 {
			prec = 1
		}
		body = formatG(a, prec, fs.Alt)
	case 0:
		if prec < 0 {
			body = FloatRepr(a)
		} else {
			if prec == 0 {
				prec = 1
			}
			body = formatGDot0(a, prec, fs.Alt)
		}
	default:
		return "", badType(fs, value)
	}
	if math.IsInf(a, 0) {
		body = "inf"
		if fs.Type == '%' {
			body += "%"
		}
	} else if math.IsNaN(a) {
		body = "nan"
		if fs.Type == '%' {
			body += "%"
		}
	}
	if fs.Type == 'E' || fs.Type == 'F' || fs.Type == 'G' {
		body = strings.ToUpper(body)
	}
	sp := signPrefix(neg, fs.Sign)
	if fs.Grouping != 0 {
		intPart, rest := body, ""
		if i := strings.IndexFunc(body, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		if fs.Align == '=' && fs.Fill == '0' {
			w := fs.Width - len(sp) - len(rest)
			return sp + zeroGrouped(intPart, fs.Grouping, 3, w) + rest, nil
		}
		body = group(intPart, fs.Grouping, 3) + rest
	}
	return pad(body, sp, fs, '>'), nil
}

// formatG is C's %g (Python's 'g'): precision significant digits,
// exponent form when exp < -4 or exp >= precision, trailing zeros removed
// unless alt.
func formatG(a float64, prec int, alt bool) string {
	if a == 0 {
		if alt {
			return "0." + strings.Repeat("0", prec-1)
		}
		return "0"
	}
	if math.IsInf(a, 0) || math.IsNaN(a) {
		return strconv.FormatFloat(a, 'g', -1, 64)
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	var out string
	if exp < -4 || exp >= prec {
		if !alt && strings.Contains(mant, ".") {
			mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		es := strconv.Itoa(exp)
		if len(es) < 2 {
			es = "0" + es
		}
		out = mant + "e" + sign + es
	} else {
		out = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt && strings.Contains(out, ".") {
			out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
		}
		if alt && !strings.Contains(out, ".") {
			out += "."
		}
	}
	return out
}

// formatGDot0 is the no-type float format with a precision: like 'g', but
// switching to exponent form one digit earlier and always showing a
// fractional part in fixed form (CPython's Py_DTSF_ADD_DOT_0).
func formatGDot0(a float64, prec int, alt bool) string {
	if a == 0 || math.IsInf(a, 0) || math.IsNaN(a) {
		s := formatG(a, prec, alt)
		if !strings.ContainsAny(s, ".en") {
			s += ".0"
		}
		return s
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	_, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	if exp < -4 || exp >= prec-1 {
		return formatExp(a, prec, alt)
	}
	s := strconv.FormatFloat(a, 'f', prec-1-exp, 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func formatExp(a float64, prec int, alt bool) string {
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	if !alt && strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	sign := "+"
	if exp < 0 {
		sign, exp = "-", -exp
	}
	es := strconv.Itoa(exp)
	if len(es) < 2 {
		es = "0" + es
	}
	return mant + "e" + sign + es
}

// Convert applies a conversion ('r', 's', 'a' or none) before formatting.
func Convert(value py.Object, conv string) (py.Object, error) {
	switch conv {
	case "":
		return value, nil
	case "r":
		s, err := Repr(value)
		return py.String(s), err
	case "s":
		s, err := Str(value)
		return py.String(s), err
	case "a":
		s, err := Repr(value)
		return py.String(ASCII(s)), err
	}
	return nil, py.ExceptionNewf(py.ValueError, "Unknown conversion specifier %s", conv)
}

// ASCII escapes non-ASCII characters as ascii() does.
func ASCII(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c < 0x80:
			b.WriteRune(c)
		default:
			b.WriteString(EscapeChar(c))
		}
	}
	return b.String()
}
