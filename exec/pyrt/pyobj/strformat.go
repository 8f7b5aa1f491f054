package pyobj

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"
)

// StrFormat is str.format(*args, **kwargs).
func StrFormat(format string, args py.Tuple, kwargs py.StringDict) (string, error) {
	auto := 0
	return strFormat(format, args, kwargs, &auto, 2)
}

func strFormat(format string, args py.Tuple, kwargs py.StringDict, auto *int, depth int) (string, error) {
	if depth < 0 {
		return "", py.ExceptionNewf(py.ValueError, "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(format); {
		c := format[i]
		if c == '}' {
			if i+1 < len(format) && format[i+1] == '}' {
				b.WriteByte('}')
				i += 2
				continue
			}
			return "", py.ExceptionNewf(py.ValueError, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(format) && format[i+1] == '{' {
			b.WriteByte('{')
			i += 2
			continue
		}
		// Find the matching close brace, allowing nesting in the spec.
		level, j := 1, i+1
		for j < len(format) && level > 0 {
			switch format[j] {
			case '{':
				level++
			case '}':
				level--
			}
			j++
		}
		if level > 0 {
			return "", py.ExceptionNewf(py.ValueError, "expected '}' before end of string")
		}
		field := format[i+1 : j-1]
		i = j
		s, err := formatField(field, args, kwargs, auto, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func formatField(field string, args py.Tuple, kwargs py.StringDict, auto *int, depth int) (string, error) {
	name, spec := field, ""
	conv := ""
	// The field name ends at the first '!' or ':' outside brackets.
	inBracket := false
	for k := 0; k < len(field); k++ {
		switch field[k] {
		case '[':
			inBracket = true
		case ']':
			inBracket = false
		case '!', ':':
			if inBracket {
				continue
			}
			name = field[:k]
			rest := field[k:]
			if rest[0] == '!' {
				if len(rest) < 2 {
					return "", py.ExceptionNewf(py.ValueError, "end of string while looking for conversion specifier")
				}
				conv = rest[1:2]
				rest = rest[2:]
				if rest != "" && rest[0] != ':' {
					return "", py.ExceptionNewf(py.ValueError, "expected ':' after conversion specifier")
				}
			}
			if rest != "" {
				spec = rest[1:]
			}
			k = len(field)
		}
	}
	value, err := resolveField(name, args, kwargs, auto)
	if err != nil {
		return "", err
	}
	if conv != "" {
		if value, err = Convert(value, conv); err != nil {
			return "", err
		}
	}
	if strings.Contains(spec, "{") {
		if spec, err = strFormat(spec, args, kwargs, auto, depth-1); err != nil {
			return "", err
		}
	}
	return Format(value, spec)
}

func resolveField(name string, args py.Tuple, kwargs py.StringDict, auto *int) (py.Object, error) {
	first := name
	rest := ""
	if k := strings.IndexAny(name, ".["); k >= 0 {
		first, rest = name[:k], name[k:]
	}
	var value py.Object
	if first == "" {
		if *auto < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		if *auto >= len(args) {
			return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", *auto)
		}
		value = args[*auto]
		*auto++
	} else if n, err := strconv.Atoi(first); err == nil {
		if *auto > 0 {
			return nil, py.ExceptionNewf(py.ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		*auto = -1
		if n >= len(args) {
			return nil, py.ExceptionNewf(py.IndexError, "Replacement index %d out of range for positional args tuple", n)
		}
		value = args[n]
	} else {
		v, ok := kwargs[first]
		if !ok {
			return nil, KeyError(py.String(first))
		}
		value = v
	}
	for rest != "" {
		if rest[0] == '.' {
			k := strings.IndexAny(rest[1:], ".[")
			attr := rest[1:]
			if k >= 0 {
				attr, rest = rest[1:k+1], rest[k+1:]
			} else {
				rest = ""
			}
			v, err := GetAttr(value, attr)
			if err != nil {
				return nil, err
			}
			value = v
			continue
		}
		if rest[0] == '[' {
			k := strings.IndexByte(rest, ']')
			if k < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "Missing ']' in format string")
			}
			key := rest[1:k]
			rest = rest[k+1:]
			var kobj py.Object = py.String(key)
			if n, err := strconv.Atoi(key); err == nil {
				kobj = py.Int(n)
			}
			v, err := py.GetItem(value, kobj)
			if err != nil {
				return nil, err
			}
			value = v
			continue
		}
		return nil, py.ExceptionNewf(py.ValueError, "Only '.' or '[' may follow ']' in format field specifier")
	}
	return value, nil
}

// PercentFormat is str % args (printf-style formatting).
func PercentFormat(format string, args py.Object) (string, error) {
	var items []py.Object
	var mapping py.Object
	switch a := args.(type) {
	case py.Tuple:
		items = a
	case *Dict, py.StringDict:
		mapping = a
		items = []py.Object{a}
	default:
		if _, ok := args.(*Instance); ok {
			if _, err := GetAttr(args, "__getitem__"); err == nil {
				mapping = args
			}
		}
		items = []py.Object{args}
	}
	next := 0
	getArg := func() (py.Object, error) {
		if next >= len(items) {
			return nil, py.ExceptionNewf(py.TypeError, "not enough arguments for format string")
		}
		next++
		return items[next-1], nil
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(format) {
			return "", py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		var value py.Object
		if format[i] == '(' {
			if mapping == nil {
				return "", py.ExceptionNewf(py.TypeError, "format requires a mapping")
			}
			level, j := 1, i+1
			for j < len(format) && level > 0 {
				if format[j] == '(' {
					level++
				} else if format[j] == ')' {
					level--
				}
				j++
			}
			if level > 0 {
				return "", py.ExceptionNewf(py.ValueError, "incomplete format key")
			}
			v, err := py.GetItem(mapping, py.String(format[i+1:j-1]))
			if err != nil {
				return "", err
			}
			value = v
			usedMapping = true
			i = j
		}
		fs := FormatSpec{Fill: ' ', Precision: -1}
		left := false
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				left = true
				continue
			case '+':
				fs.Sign = '+'
				continue
			case ' ':
				if fs.Sign == 0 {
					fs.Sign = ' '
				}
				continue
			case '#':
				fs.Alt = true
				continue
			case '0':
				fs.Zero = true
				continue
			}
			break
		}
		if i < len(format) && format[i] == '*' {
			w, err := getArg()
			if err != nil {
				return "", err
			}
			n, err := py.MakeGoInt(w)
			if err != nil {
				return "", py.ExceptionNewf(py.TypeError, "* wants int")
			}
			if n < 0 {
				left, n = true, -n
			}
			fs.Width = n
			i++
		} else {
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				fs.Width = fs.Width*10 + int(format[i]-'0')
				i++
			}
		}
		if i < len(format) && format[i] == '.' {
			i++
			fs.Precision = 0
			if i < len(format) && format[i] == '*' {
				p, err := getArg()
				if err != nil {
					return "", err
				}
				n, err := py.MakeGoInt(p)
				if err != nil {
					return "", py.ExceptionNewf(py.TypeError, "* wants int")
				}
				fs.Precision = n
				i++
			} else {
				for i < len(format) && format[i] >= '0' && format[i] <= '9' {
					fs.Precision = fs.Precision*10 + int(format[i]-'0')
					i++
				}
			}
		}
		for i < len(format) && (format[i] == 'l' || format[i] == 'h' || format[i] == 'L') {
			i++
		}
		if i >= len(format) {
			return "", py.ExceptionNewf(py.ValueError, "incomplete format")
		}
		conv := format[i]
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if value == nil {
			v, err := getArg()
			if err != nil {
				return "", err
			}
			value = v
		}
		s, err := percentOne(conv, value, fs, left)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if next < len(items) && !usedMapping && mapping == nil {
		return "", py.ExceptionNewf(py.TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

func percentOne(conv byte, value py.Object, fs FormatSpec, left bool) (string, error) {
	align := byte('>')
	if left {
		align = '<'
	}
	fs.Align = align
	var body string
	var err error
	switch conv {
	case 's', 'r', 'a':
		if conv == 's' {
			body, err = Str(value)
		} else {
			body, err = Repr(value)
			if conv == 'a' {
				body = ASCII(body)
			}
		}
		if err != nil {
			return "", err
		}
		if fs.Precision >= 0 && len([]rune(body)) > fs.Precision {
			body = string([]rune(body)[:fs.Precision])
		}
		return pad(body, "", fs, align), nil
	case 'c':
		switch v := value.(type) {
		case py.Int:
			body = string(rune(v))
		case py.String:
			if len([]rune(string(v))) != 1 {
				return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
			}
			body = string(v)
		default:
			return "", py.ExceptionNewf(py.TypeError, "%%c requires int or char")
		}
		return pad(body, "", fs, align), nil
	case 'd', 'i', 'u', 'x', 'X', 'o':
		n, err := toBigInt(value, conv)
		if err != nil {
			return "", err
		}
		neg := n.Sign() < 0
		abs := new(big.Int).Abs(n)
		prefix := ""
		switch conv {
		case 'x':
			body = abs.Text(16)
			if fs.Alt {
				prefix = "0x"
			}
		case 'X':
			body = strings.ToUpper(abs.Text(16))
			if fs.Alt {
				prefix = "0X"
			}
		case 'o':
			body = abs.Text(8)
			if fs.Alt {
				prefix = "0o"
			}
		default:
			body = abs.String()
		}
		if fs.Precision > len(body) {
			body = strings.Repeat("0", fs.Precision-len(body)) + body
		}
		sp := signPrefix(neg, fs.Sign) + prefix
		if fs.Zero && !left {
			fs.Fill, fs.Align = '0', '='
		}
		return pad(body, sp, fs, align), nil
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, err := toFloat(value, conv)
		if err != nil {
			return "", err
		}
		spec := FormatSpec{Fill: ' ', Precision: fs.Precision, Sign: fs.Sign, Alt: fs.Alt, Type: conv}
		if spec.Precision < 0 {
			spec.Precision = 6
		}
		s, err := formatFloatSpec(f, spec)
		if err != nil {
			return "", err
		}
		sp := ""
		if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, " ") {
			sp, s = s[:1], s[1:]
		}
		if fs.Zero && !left && !math.IsInf(f, 0) && !math.IsNaN(f) {
			fs.Fill, fs.Align = '0', '='
		}
		return pad(s, sp, fs, align), nil
	}
	return "", py.ExceptionNewf(py.ValueError, "unsupported format character '%c' (0x%x)", conv, conv)
}

func formatFloatSpec(f float64, fs FormatSpec) (string, error) {
	spec := ""
	if fs.Sign != 0 {
		spec += string(fs.Sign)
	}
	if fs.Alt {
		spec += "#"
	}
	spec += "." + strconv.Itoa(fs.Precision) + string(fs.Type)
	return formatFloat(f, spec, py.Float(f))
}

// BigIntOf returns the value of an int (or bool) as a new big.Int.
func BigIntOf(v py.Object) (*big.Int, bool) {
	switch x := v.(type) {
	case py.Int:
		return big.NewInt(int64(x)), true
	case py.Bool:
		if x {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case *py.BigInt:
		return new(big.Int).Set((*big.Int)(x)), true
	}
	return nil, false
}

func toBigInt(v py.Object, conv byte) (*big.Int, error) {
	if b, ok := BigIntOf(v); ok {
		return b, nil
	}
	switch x := v.(type) {
	case py.Float:
		if conv == 'd' || conv == 'i' || conv == 'u' {
			if math.IsInf(float64(x), 0) || math.IsNaN(float64(x)) {
				return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
			}
			bf := new(big.Float).SetFloat64(math.Trunc(float64(x)))
			bi, _ := bf.Int(nil)
			return bi, nil
		}
	case *Instance:
		if i, err := x.M__index__(); err == nil {
			return big.NewInt(int64(i)), nil
		}
		if conv == 'd' || conv == 'i' || conv == 'u' {
			r, err := x.M__int__()
			if err == nil {
				return toBigInt(r, conv)
			}
		}
	}
	if conv == 'd' || conv == 'i' || conv == 'u' {
		return nil, py.ExceptionNewf(py.TypeError, "%%%c format: a real number is required, not %s", conv, TypeName(v))
	}
	return nil, py.ExceptionNewf(py.TypeError, "%%%c format: an integer is required, not %s", conv, TypeName(v))
}

func toFloat(v py.Object, conv byte) (float64, error) {
	switch x := v.(type) {
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
		f, _ := new(big.Float).SetInt((*big.Int)(x)).Float64()
		return f, nil
	}
	r, err := py.MakeFloat(v)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "must be real number, not %s", TypeName(v))
	}
	if f, ok := r.(py.Float); ok {
		return float64(f), nil
	}
	return 0, py.ExceptionNewf(py.TypeError, "must be real number, not %s", TypeName(v))
}
