package stdlib

import (
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// The json module follows CPython's encoder and decoder: the same
// separators, indentation, key coercion, float repr, escapes and error
// messages. Mappings are recognised by their items() method, so the
// runtime's dict and the collections types serialise like dict subclasses.

func jsonModule() *goModule {
	return &goModule{name: "json", doc: "JSON encoder and decoder.", build: buildJSON, src: "json.py"}
}

var jsonDecodeError = newExceptionType(py.ValueError, "JSONDecodeError", "Subclass of ValueError with the following additional properties: msg, doc, pos, lineno, colno")

type jsonEncoder struct {
	ctx         py.Context
	skipkeys    bool
	ensureASCII bool
	checkCirc   bool
	allowNaN    bool
	sortKeys    bool
	indent      string
	hasIndent   bool
	itemSep     string
	keySep      string
	def         py.Object
	stack       []py.Object
	sb          strings.Builder
	depth       int
}

func buildJSON(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	dumps := func(args py.Tuple, kwargs py.StringDict) (string, error) {
		if len(args) != 1 {
			return "", py.ExceptionNewf(py.TypeError, "dumps() takes 1 positional argument but %d were given", len(args))
		}
		enc, err := newJSONEncoder(ctx, kwargs)
		if err != nil {
			return "", err
		}
		if err := enc.encode(args[0]); err != nil {
			return "", err
		}
		return enc.sb.String(), nil
	}
	loads := func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "loads() takes 1 positional argument but %d were given", len(args))
		}
		var s string
		switch x := args[0].(type) {
		case py.String:
			s = string(x)
		case py.Bytes:
			s = string(x)
		default:
			return nil, py.ExceptionNewf(py.TypeError, "the JSON object must be str, bytes or bytearray, not %s", args[0].Type().Name)
		}
		d := &jsonDecoder{ctx: ctx, src: []rune(s)}
		for k, v := range kwargs {
			if v == py.None {
				continue
			}
			switch k {
			case "object_hook":
				d.objectHook = v
			case "object_pairs_hook":
				d.pairsHook = v
			case "parse_float":
				d.parseFloat = v
			case "parse_int":
				d.parseInt = v
			case "strict", "parse_constant":
			default:
				return nil, py.ExceptionNewf(py.TypeError, "loads() got an unexpected keyword argument '%s'", k)
			}
		}
		return d.decode()
	}
	ms := []*py.Method{
		py.MustNewMethod("_dumps", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			s, err := dumps(args, kwargs)
			if err != nil {
				return nil, err
			}
			return py.String(s), nil
		}, 0, "Serialize obj to a JSON formatted str."),
		py.MustNewMethod("_loads", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return loads(args, kwargs)
		}, 0, "Deserialize s to a Python object."),
	}
	return ms, py.StringDict{"JSONDecodeError": jsonDecodeError}, nil
}

func newJSONEncoder(ctx py.Context, kwargs py.StringDict) (*jsonEncoder, error) {
	e := &jsonEncoder{ctx: ctx, ensureASCII: true, checkCirc: true, allowNaN: true}
	var seps py.Object
	for k, v := range kwargs {
		var err error
		switch k {
		case "skipkeys":
			e.skipkeys, err = truth(v, nil)
		case "ensure_ascii":
			e.ensureASCII, err = truth(v, nil)
		case "check_circular":
			e.checkCirc, err = truth(v, nil)
		case "allow_nan":
			e.allowNaN, err = truth(v, nil)
		case "sort_keys":
			e.sortKeys, err = truth(v, nil)
		case "indent":
			switch x := v.(type) {
			case py.NoneType:
			case py.String:
				e.indent, e.hasIndent = string(x), true
			default:
				n, err2 := toInt(v)
				if err2 != nil {
					return nil, err2
				}
				e.indent, e.hasIndent = strings.Repeat(" ", max(n, 0)), true
			}
		case "separators":
			seps = v
		case "default":
			if v != py.None {
				e.def = v
			}
		default:
			return nil, py.ExceptionNewf(py.TypeError, "dumps() got an unexpected keyword argument '%s'", k)
		}
		if err != nil {
			return nil, err
		}
	}
	e.itemSep, e.keySep = ", ", ": "
	if e.hasIndent {
		e.itemSep = ","
	}
	if !isNone(seps) {
		items, err := toSlice(seps)
		if err != nil {
			return nil, err
		}
		if len(items) != 2 {
			return nil, py.ExceptionNewf(py.ValueError, "too many values to unpack (expected 2)")
		}
		a, ok1 := items[0].(py.String)
		b, ok2 := items[1].(py.String)
		if !ok1 || !ok2 {
			return nil, py.ExceptionNewf(py.TypeError, "separators must be strings")
		}
		e.itemSep, e.keySep = string(a), string(b)
	}
	return e, nil
}

func (e *jsonEncoder) newline() {
	if e.hasIndent {
		e.sb.WriteByte('\n')
		for i := 0; i < e.depth; i++ {
			e.sb.WriteString(e.indent)
		}
	}
}

func (e *jsonEncoder) floatStr(f float64) (string, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if !e.allowNaN {
			return "", py.ExceptionNewf(py.ValueError, "Out of range float values are not JSON compliant")
		}
		switch {
		case math.IsNaN(f):
			return "NaN", nil
		case f > 0:
			return "Infinity", nil
		}
		return "-Infinity", nil
	}
	return pyobj.FloatRepr(f), nil
}

// mappingItems returns the (key, value) pairs of a mapping, or ok=false if
// o is not one.
func mappingItems(o py.Object) ([][2]py.Object, bool, error) {
	switch o.(type) {
	case py.String, py.Bytes, py.Tuple, *py.List, py.Int, *py.BigInt, py.Float, py.Bool, py.NoneType:
		return nil, false, nil
	}
	if d, ok := o.(py.StringDict); ok {
		keys := make([]string, 0, len(d))
		for k := range d {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		out := make([][2]py.Object, len(keys))
		for i, k := range keys {
			out[i] = [2]py.Object{py.String(k), d[k]}
		}
		return out, true, nil
	}
	itemsFn, err := py.GetAttrString(o, "items")
	if err != nil {
		return nil, false, nil
	}
	if _, err := py.GetAttrString(o, "keys"); err != nil {
		return nil, false, nil
	}
	items, err := call(itemsFn)
	if err != nil {
		return nil, true, err
	}
	var out [][2]py.Object
	err = iterate(items, func(it py.Object) (bool, error) {
		kv, err := toSlice(it)
		if err != nil {
			return true, err
		}
		if len(kv) != 2 {
			return true, py.ExceptionNewf(py.ValueError, "items() must yield pairs")
		}
		out = append(out, [2]py.Object{kv[0], kv[1]})
		return false, nil
	})
	return out, true, err
}

// jsonMaxDepth bounds nesting like CPython's recursion limit does, so a
// deeply nested value raises instead of exhausting the Go stack.
const jsonMaxDepth = 990

func (e *jsonEncoder) enter(o py.Object) error {
	if e.depth >= jsonMaxDepth {
		return py.ExceptionNewf(py.RuntimeError, "maximum recursion depth exceeded while encoding a JSON object")
	}
	if !e.checkCirc {
		e.depth++
		return nil
	}
	for _, s := range e.stack {
		if sameObject(s, o) {
			return py.ExceptionNewf(py.ValueError, "Circular reference detected")
		}
	}
	e.stack = append(e.stack, o)
	e.depth++
	return nil
}

func (e *jsonEncoder) leave(o py.Object) {
	if e.checkCirc {
		e.stack = e.stack[:len(e.stack)-1]
	}
	e.depth--
}

func (e *jsonEncoder) encode(o py.Object) error {
	switch x := o.(type) {
	case py.NoneType:
		e.sb.WriteString("null")
		return nil
	case py.Bool:
		if x {
			e.sb.WriteString("true")
		} else {
			e.sb.WriteString("false")
		}
		return nil
	case py.Int:
		e.sb.WriteString(strconv.FormatInt(int64(x), 10))
		return nil
	case *py.BigInt:
		e.sb.WriteString((*big.Int)(x).String())
		return nil
	case py.Float:
		s, err := e.floatStr(float64(x))
		if err != nil {
			return err
		}
		e.sb.WriteString(s)
		return nil
	case py.String:
		e.sb.WriteString(jsonQuote(string(x), e.ensureASCII))
		return nil
	case py.Tuple:
		return e.encodeList(o, x)
	case *py.List:
		return e.encodeList(o, x.Items)
	}
	items, isMap, err := mappingItems(o)
	if err != nil {
		return err
	}
	if isMap {
		return e.encodeDict(o, items)
	}
	// Subclasses of int and float written in Python (IntEnum, ...) are
	// reached through their int value.
	if e.def == nil {
		return py.ExceptionNewf(py.TypeError, "Object of type %s is not JSON serializable", o.Type().Name)
	}
	if err := e.enter(o); err != nil {
		return err
	}
	r, err := call(e.def, o)
	if err != nil {
		return err
	}
	err = e.encode(r)
	e.leave(o)
	return err
}

func (e *jsonEncoder) encodeList(o py.Object, items []py.Object) error {
	if len(items) == 0 {
		e.sb.WriteString("[]")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	e.sb.WriteByte('[')
	e.newline()
	for i, it := range items {
		if i > 0 {
			e.sb.WriteString(e.itemSep)
			e.newline()
		}
		if err := e.encode(it); err != nil {
			return err
		}
	}
	e.leave(o)
	e.newline()
	e.sb.WriteByte(']')
	return nil
}

func (e *jsonEncoder) keyString(k py.Object) (string, bool, error) {
	switch x := k.(type) {
	case py.String:
		return string(x), true, nil
	case py.Float:
		s, err := e.floatStr(float64(x))
		return s, true, err
	case py.Bool:
		if x {
			return "true", true, nil
		}
		return "false", true, nil
	case py.NoneType:
		return "null", true, nil
	case py.Int:
		return strconv.FormatInt(int64(x), 10), true, nil
	case *py.BigInt:
		return (*big.Int)(x).String(), true, nil
	}
	if e.skipkeys {
		return "", false, nil
	}
	return "", false, py.ExceptionNewf(py.TypeError, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

func (e *jsonEncoder) encodeDict(o py.Object, items [][2]py.Object) error {
	if len(items) == 0 {
		e.sb.WriteString("{}")
		return nil
	}
	if err := e.enter(o); err != nil {
		return err
	}
	if e.sortKeys {
		var serr error
		sort.SliceStable(items, func(i, j int) bool {
			if serr != nil {
				return false
			}
			lt, err := lessThan(items[i][0], items[j][0])
			if err != nil {
				serr = err
			}
			return lt
		})
		if serr != nil {
			return serr
		}
	}
	e.sb.WriteByte('{')
	e.newline()
	first := true
	for _, kv := range items {
		ks, ok, err := e.keyString(kv[0])
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if !first {
			e.sb.WriteString(e.itemSep)
			e.newline()
		}
		first = false
		e.sb.WriteString(jsonQuote(ks, e.ensureASCII))
		e.sb.WriteString(e.keySep)
		if err := e.encode(kv[1]); err != nil {
			return err
		}
	}
	e.leave(o)
	e.newline()
	e.sb.WriteByte('}')
	return nil
}

func jsonQuote(s string, ascii bool) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20 || (ascii && r > 0x7e && r <= 0xffff):
				b.WriteString(`\u` + hex4(int(r)))
			case ascii && r > 0xffff:
				r1, r2 := utf16.EncodeRune(r)
				b.WriteString(`\u` + hex4(int(r1)) + `\u` + hex4(int(r2)))
			default:
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex4(n int) string {
	s := strconv.FormatInt(int64(n), 16)
	return strings.Repeat("0", 4-len(s)) + s
}

type jsonDecoder struct {
	ctx        py.Context
	src        []rune
	pos        int
	objectHook py.Object
	pairsHook  py.Object
	parseFloat py.Object
	parseInt   py.Object
	depth      int
}

func (d *jsonDecoder) errAt(msg string, pos int) error {
	line := 1
	last := -1
	for i := 0; i < pos && i < len(d.src); i++ {
		if d.src[i] == '\n' {
			line++
			last = i
		}
	}
	col := pos - last
	full := msg + ": line " + strconv.Itoa(line) + " column " + strconv.Itoa(col) + " (char " + strconv.Itoa(pos) + ")"
	exc := py.ExceptionNewf(jsonDecodeError, "%s", full)
	exc.Dict["msg"] = py.String(msg)
	exc.Dict["pos"] = py.Int(pos)
	exc.Dict["lineno"] = py.Int(line)
	exc.Dict["colno"] = py.Int(col)
	exc.Dict["doc"] = py.String(string(d.src))
	return exc
}

func (d *jsonDecoder) ws() {
	for d.pos < len(d.src) {
		switch d.src[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *jsonDecoder) decode() (py.Object, error) {
	d.ws()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	d.ws()
	if d.pos != len(d.src) {
		return nil, d.errAt("Extra data", d.pos)
	}
	return v, nil
}

func (d *jsonDecoder) hasPrefix(s string) bool {
	r := []rune(s)
	if d.pos+len(r) > len(d.src) {
		return false
	}
	for i, c := range r {
		if d.src[d.pos+i] != c {
			return false
		}
	}
	return true
}

func (d *jsonDecoder) value() (py.Object, error) {
	if d.pos >= len(d.src) {
		return nil, d.errAt("Expecting value", d.pos)
	}
	switch c := d.src[d.pos]; {
	case c == '"':
		s, err := d.str()
		if err != nil {
			return nil, err
		}
		return py.String(s), nil
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case d.hasPrefix("null"):
		d.pos += 4
		return py.None, nil
	case d.hasPrefix("true"):
		d.pos += 4
		return py.True, nil
	case d.hasPrefix("false"):
		d.pos += 5
		return py.False, nil
	case d.hasPrefix("NaN"):
		d.pos += 3
		return py.Float(math.NaN()), nil
	case d.hasPrefix("Infinity"):
		d.pos += 8
		return py.Float(math.Inf(1)), nil
	case d.hasPrefix("-Infinity"):
		d.pos += 9
		return py.Float(math.Inf(-1)), nil
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return nil, d.errAt("Expecting value", d.pos)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func (d *jsonDecoder) number() (py.Object, error) {
	start := d.pos
	i := d.pos
	if i < len(d.src) && d.src[i] == '-' {
		i++
	}
	if i >= len(d.src) || !isDigit(d.src[i]) {
		return nil, d.errAt("Expecting value", start)
	}
	if d.src[i] == '0' {
		i++
	} else {
		for i < len(d.src) && isDigit(d.src[i]) {
			i++
		}
	}
	isFloat := false
	if i+1 < len(d.src) && d.src[i] == '.' && isDigit(d.src[i+1]) {
		isFloat = true
		i += 2
		for i < len(d.src) && isDigit(d.src[i]) {
			i++
		}
	}
	if i < len(d.src) && (d.src[i] == 'e' || d.src[i] == 'E') {
		j := i + 1
		if j < len(d.src) && (d.src[j] == '+' || d.src[j] == '-') {
			j++
		}
		if j < len(d.src) && isDigit(d.src[j]) {
			isFloat = true
			for j < len(d.src) && isDigit(d.src[j]) {
				j++
			}
			i = j
		}
	}
	text := string(d.src[start:i])
	d.pos = i
	if isFloat {
		if d.parseFloat != nil {
			return call(d.parseFloat, py.String(text))
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			return nil, d.errAt("Expecting value", start)
		}
		return py.Float(f), nil
	}
	if d.parseInt != nil {
		return call(d.parseInt, py.String(text))
	}
	if len(text) > 4300 {
		return nil, py.ExceptionNewf(py.ValueError, "Exceeds the limit (4300 digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", len(strings.TrimPrefix(text, "-")))
	}
	b, _ := new(big.Int).SetString(text, 10)
	return fromBig(b), nil
}

func (d *jsonDecoder) str() (string, error) {
	start := d.pos
	d.pos++
	var b strings.Builder
	for {
		if d.pos >= len(d.src) {
			return "", d.errAt("Unterminated string starting at", start)
		}
		c := d.src[d.pos]
		switch {
		case c == '"':
			d.pos++
			return b.String(), nil
		case c == '\\':
			if d.pos+1 >= len(d.src) {
				return "", d.errAt("Unterminated string starting at", start)
			}
			esc := d.src[d.pos+1]
			switch esc {
			case '"', '\\', '/':
				b.WriteRune(esc)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				r, ok := d.hex4At(d.pos + 2)
				if !ok {
					return "", d.errAt("Invalid \\uXXXX escape", d.pos+1)
				}
				d.pos += 6
				if r >= 0xd800 && r <= 0xdbff && d.pos+1 < len(d.src) && d.src[d.pos] == '\\' && d.src[d.pos+1] == 'u' {
					if r2, ok := d.hex4At(d.pos + 2); ok && r2 >= 0xdc00 && r2 <= 0xdfff {
						r = utf16.DecodeRune(r, r2)
						d.pos += 6
					}
				}
				if r >= 0xd800 && r <= 0xdfff {
					r = utf8.RuneError
				}
				b.WriteRune(r)
				continue
			default:
				return "", d.errAt("Invalid \\escape", d.pos)
			}
			d.pos += 2
		case c < 0x20:
			return "", d.errAt("Invalid control character at", d.pos)
		default:
			b.WriteRune(c)
			d.pos++
		}
	}
}

func (d *jsonDecoder) hex4At(i int) (rune, bool) {
	if i+4 > len(d.src) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(d.src[i:i+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}

func (d *jsonDecoder) nest() error {
	d.depth++
	if d.depth > jsonMaxDepth {
		return py.ExceptionNewf(py.RuntimeError, "maximum recursion depth exceeded while decoding a JSON document")
	}
	return nil
}

func (d *jsonDecoder) array() (py.Object, error) {
	if err := d.nest(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.pos++
	var items []py.Object
	d.ws()
	if d.pos < len(d.src) && d.src[d.pos] == ']' {
		d.pos++
		return py.NewList(), nil
	}
	for {
		d.ws()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		items = append(items, v)
		d.ws()
		if d.pos < len(d.src) && d.src[d.pos] == ']' {
			d.pos++
			return py.NewListFromItems(items), nil
		}
		if d.pos >= len(d.src) || d.src[d.pos] != ',' {
			return nil, d.errAt("Expecting ',' delimiter", d.pos)
		}
		d.pos++
	}
}

func (d *jsonDecoder) object() (py.Object, error) {
	if err := d.nest(); err != nil {
		return nil, err
	}
	defer func() { d.depth-- }()
	d.pos++
	var pairs [][2]py.Object
	d.ws()
	if d.pos < len(d.src) && d.src[d.pos] == '}' {
		d.pos++
		return d.finishObject(pairs)
	}
	for {
		d.ws()
		if d.pos >= len(d.src) || d.src[d.pos] != '"' {
			return nil, d.errAt("Expecting property name enclosed in double quotes", d.pos)
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.ws()
		if d.pos >= len(d.src) || d.src[d.pos] != ':' {
			return nil, d.errAt("Expecting ':' delimiter", d.pos)
		}
		d.pos++
		d.ws()
		v, err := d.value()
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, [2]py.Object{py.String(k), v})
		d.ws()
		if d.pos < len(d.src) && d.src[d.pos] == '}' {
			d.pos++
			return d.finishObject(pairs)
		}
		if d.pos >= len(d.src) || d.src[d.pos] != ',' {
			return nil, d.errAt("Expecting ',' delimiter", d.pos)
		}
		d.pos++
	}
}

func (d *jsonDecoder) finishObject(pairs [][2]py.Object) (py.Object, error) {
	if d.pairsHook != nil {
		l := make([]py.Object, len(pairs))
		for i, p := range pairs {
			l[i] = py.Tuple{p[0], p[1]}
		}
		return call(d.pairsHook, py.NewListFromItems(l))
	}
	obj, err := newDict(d.ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range pairs {
		if _, err := py.SetItem(obj, p[0], p[1]); err != nil {
			return nil, err
		}
	}
	if d.objectHook != nil {
		return call(d.objectHook, obj)
	}
	return obj, nil
}
