package pyrt

import (
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// The str methods gpython lacks or gets wrong. Indexes are in code points.

type strMethod func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error)

func installStr(name string, f strMethod) {
	py.StringType.Dict[name] = py.MustNewMethod(name, pyobj.Guard(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s, ok := self.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'str' object but received a '%s'", name, pyobj.TypeName(self))
		}
		return f(string(s), args, kwargs)
	}), 0, "")
}

func noKw(name string, kwargs py.StringDict) error {
	if len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

// strArg requires a str argument.
func strArg(fn string, o py.Object) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "must be str, not %s", pyobj.TypeName(o))
	}
	return string(s), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// runeIndex converts a byte offset to a code point index.
func runeIndex(s string, byteOff int) int {
	if isASCII(s[:byteOff]) {
		return byteOff
	}
	return utf8.RuneCountInString(s[:byteOff])
}

// byteOffset converts a code point index (0..len) to a byte offset.
func byteOffset(s string, idx int) int {
	if isASCII(s) {
		return idx
	}
	n := 0
	for i := range s {
		if n == idx {
			return i
		}
		n++
	}
	return len(s)
}

// sliceBounds resolves optional start/end arguments like s[start:end].
func sliceBounds(args py.Tuple, n int) (int, int, error) {
	start, end := 0, n
	if len(args) > 0 && args[0] != py.None {
		i, err := py.IndexInt(args[0])
		if err != nil {
			return 0, 0, py.ExceptionNewf(py.TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		start = i
	}
	if len(args) > 1 && args[1] != py.None {
		i, err := py.IndexInt(args[1])
		if err != nil {
			return 0, 0, py.ExceptionNewf(py.TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		end = i
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if end > n {
		end = n
	}
	return start, end, nil
}

func runeLen(s string) int {
	if isASCII(s) {
		return len(s)
	}
	return utf8.RuneCountInString(s)
}

// window returns s[start:end] (code points) and its byte offset.
func window(s string, args py.Tuple) (string, int, bool, error) {
	n := runeLen(s)
	start, end, err := sliceBounds(args, n)
	if err != nil {
		return "", 0, false, err
	}
	if start > n || start > end {
		return "", 0, false, nil
	}
	b0, b1 := byteOffset(s, start), byteOffset(s, end)
	return s[b0:b1], b0, true, nil
}

func findImpl(name string, s string, args py.Tuple, reverse bool) (int, error) {
	if err := pyobj.ArgCount(name, args, 1, 3); err != nil {
		return 0, err
	}
	sub, err := strArg(name, args[0])
	if err != nil {
		return 0, err
	}
	w, off, ok, err := window(s, args[1:])
	if err != nil || !ok {
		return -1, err
	}
	var i int
	if reverse {
		i = strings.LastIndex(w, sub)
	} else {
		i = strings.Index(w, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return runeIndex(s, off+i), nil
}

var pySpace = func(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

func stripImpl(name string, s string, args py.Tuple, left, right bool) (py.Object, error) {
	if err := pyobj.ArgCount(name, args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 || args[0] == py.None {
		if left {
			s = strings.TrimLeftFunc(s, pySpace)
		}
		if right {
			s = strings.TrimRightFunc(s, pySpace)
		}
		return py.String(s), nil
	}
	chars, err := strArg(name, args[0])
	if err != nil {
		return nil, err
	}
	if left {
		s = strings.TrimLeft(s, chars)
	}
	if right {
		s = strings.TrimRight(s, chars)
	}
	return py.String(s), nil
}

func splitArgs(name string, args py.Tuple, kwargs py.StringDict) (sep *string, maxsplit int, err error) {
	maxsplit = -1
	var sepObj, maxObj py.Object = py.None, py.Int(-1)
	if len(args) > 0 {
		sepObj = args[0]
	}
	if len(args) > 1 {
		maxObj = args[1]
	}
	if len(args) > 2 {
		return nil, 0, py.ExceptionNewf(py.TypeError, "%s() takes at most 2 arguments (%d given)", name, len(args))
	}
	for k, v := range kwargs {
		switch k {
		case "sep":
			sepObj = v
		case "maxsplit":
			maxObj = v
		default:
			return nil, 0, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if maxsplit, err = py.IndexInt(maxObj); err != nil {
		return nil, 0, err
	}
	if sepObj != py.None {
		s, err := strArg(name, sepObj)
		if err != nil {
			return nil, 0, err
		}
		if s == "" {
			return nil, 0, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		sep = &s
	}
	return sep, maxsplit, nil
}

func strList(parts []string) *py.List {
	items := make([]py.Object, len(parts))
	for i, p := range parts {
		items[i] = py.String(p)
	}
	return py.NewListFromItems(items)
}

func splitWhitespace(s string, maxsplit int) []string {
	var out []string
	i := 0
	for {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !pySpace(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			return append(out, s[i:])
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if pySpace(r) {
				break
			}
			j += size
		}
		out = append(out, s[i:j])
		i = j
	}
}

func rsplitWhitespace(s string, maxsplit int) []string {
	var out []string
	j := len(s)
	for {
		for j > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !pySpace(r) {
				break
			}
			j -= size
		}
		if j <= 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[:j])
			break
		}
		i := j
		for i > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if pySpace(r) {
				break
			}
			i -= size
		}
		out = append(out, s[i:j])
		j = i
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

func isCased(r rune) bool { return isUpperPy(r) || isLowerPy(r) || unicode.IsTitle(r) }

// isUpperPy and isLowerPy are Unicode's Uppercase and Lowercase properties,
// which CPython uses: the letter categories plus Other_Uppercase (Ⅻ) and
// Other_Lowercase.
func isUpperPy(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }
func isLowerPy(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// caseIgnorable approximates Unicode's Case_Ignorable, which the final-sigma
// rule skips over.
func caseIgnorable(r rune) bool {
	return r == '\'' || r == '.' || r == ':' || r == '^' || r == '`' || r == 0xB7 || r == 0x2019 ||
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// lowerAt lowers runes[i] as CPython's lower() would inside the string: a
// capital sigma that ends a word becomes a final sigma.
func lowerAt(runes []rune, i int) string {
	if runes[i] != 'Σ' {
		return fullLower(string(runes[i]))
	}
	before := false
	for j := i - 1; j >= 0; j-- {
		if !caseIgnorable(runes[j]) {
			before = isCased(runes[j])
			break
		}
	}
	after := false
	for j := i + 1; j < len(runes); j++ {
		if !caseIgnorable(runes[j]) {
			after = isCased(runes[j])
			break
		}
	}
	if before && !after {
		return "ς"
	}
	return "σ"
}

func allRunes(s string, pred func(rune) bool) py.Object {
	if s == "" {
		return py.False
	}
	for _, r := range s {
		if !pred(r) {
			return py.False
		}
	}
	return py.True
}

func padStr(s string, width int, fill rune, align byte) string {
	n := runeLen(s)
	if width <= n {
		return s
	}
	marg := width - n
	f := string(fill)
	switch align {
	case '<':
		return s + strings.Repeat(f, marg)
	case '>':
		return strings.Repeat(f, marg) + s
	}
	// CPython's centring: left = marg/2 + (marg & width & 1).
	left := marg/2 + (marg & width & 1)
	return strings.Repeat(f, left) + s + strings.Repeat(f, marg-left)
}

func padArgs(name string, args py.Tuple) (int, rune, error) {
	if err := pyobj.ArgCount(name, args, 1, 2); err != nil {
		return 0, 0, err
	}
	w, err := py.IndexInt(args[0])
	if err != nil {
		return 0, 0, err
	}
	fill := ' '
	if len(args) == 2 {
		f, ok := args[1].(py.String)
		if !ok || utf8.RuneCountInString(string(f)) != 1 {
			return 0, 0, py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
		}
		fill, _ = utf8.DecodeRuneInString(string(f))
	}
	return w, fill, nil
}

// Case mappings follow CPython's full Unicode mappings ("ß".upper() is
// "SS", "İ".lower() is "i̇", a final Σ lowers to ς), which unicode.ToUpper
// and friends (one rune to one rune) do not; ASCII takes the fast path.
// A caser keeps state, so each call makes its own.

func fullLower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return cases.Lower(language.Und).String(s)
}

func fullUpper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s)
	}
	return cases.Upper(language.Und).String(s)
}

func fullCasefold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return cases.Fold().String(s)
}

// titleRune is the title-case mapping of one character ("ß" -> "Ss").
func titleRune(r rune) string {
	if r < utf8.RuneSelf {
		return string(unicode.ToTitle(r))
	}
	return cases.Title(language.Und).String(string(r))
}

func titleCase(s string) string {
	if isASCII(s) {
		out := []byte(s)
		prevCased := false
		for i, c := range out {
			if prevCased {
				out[i] = byte(unicode.ToLower(rune(c)))
			} else {
				out[i] = byte(unicode.ToTitle(rune(c)))
			}
			prevCased = isCased(rune(c))
		}
		return string(out)
	}
	var b strings.Builder
	prevCased := false
	runes := []rune(s)
	for i, r := range runes {
		if prevCased {
			b.WriteString(lowerAt(runes, i))
		} else {
			b.WriteString(titleRune(r))
		}
		prevCased = isCased(r)
	}
	return b.String()
}

func installStrMethods() {
	installStr("join", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("join", args, 1, 1); err != nil {
			return nil, err
		}
		var b strings.Builder
		i := 0
		err := pyobj.ForEach(args[0], func(item py.Object) (bool, error) {
			str, ok := item.(py.String)
			if !ok {
				return true, py.ExceptionNewf(py.TypeError, "sequence item %d: expected str instance, %s found", i, pyobj.TypeName(item))
			}
			if i > 0 {
				b.WriteString(s)
			}
			b.WriteString(string(str))
			i++
			return false, nil
		})
		if err != nil {
			if py.IsException(py.TypeError, err) && !strings.Contains(err.Error(), "sequence item") {
				if _, ierr := py.Iter(args[0]); ierr != nil {
					return nil, py.ExceptionNewf(py.TypeError, "can only join an iterable")
				}
			}
			return nil, err
		}
		return py.String(b.String()), nil
	})
	installStr("format", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		r, err := pyobj.StrFormat(s, args, kwargs)
		return py.String(r), err
	})
	installStr("format_map", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("format_map", args, 1, 1); err != nil {
			return nil, err
		}
		kw, err := toKwargs(args[0])
		if err != nil {
			return nil, err
		}
		r, err := pyobj.StrFormat(s, nil, kw)
		return py.String(r), err
	})
	simple := map[string]func(string) string{
		"lower":    fullLower,
		"upper":    fullUpper,
		"casefold": fullCasefold,
		"title":    titleCase,
		"swapcase": func(s string) string {
			if isASCII(s) {
				return strings.Map(func(r rune) rune {
					if unicode.IsUpper(r) {
						return unicode.ToLower(r)
					}
					return unicode.ToUpper(r)
				}, s)
			}
			var b strings.Builder
			runes := []rune(s)
			for i, r := range runes {
				switch {
				case isUpperPy(r):
					b.WriteString(lowerAt(runes, i))
				case isLowerPy(r):
					b.WriteString(fullUpper(string(r)))
				default:
					b.WriteRune(r)
				}
			}
			return b.String()
		},
		"capitalize": func(s string) string {
			if s == "" {
				return s
			}
			r, size := utf8.DecodeRuneInString(s)
			return titleRune(r) + fullLower(s[size:])
		},
	}
	for name, f := range simple {
		name, f := name, f
		installStr(name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyobj.ArgCount(name, args, 0, 0); err != nil {
				return nil, err
			}
			return py.String(f(s)), nil
		})
	}
	preds := map[string]func(string) py.Object{
		"isdigit":   func(s string) py.Object { return allRunes(s, isDigitRune) },
		"isdecimal": func(s string) py.Object { return allRunes(s, unicode.IsDigit) },
		"isnumeric": func(s string) py.Object { return allRunes(s, isNumericRune) },
		"isalpha":   func(s string) py.Object { return allRunes(s, unicode.IsLetter) },
		"isalnum": func(s string) py.Object {
			return allRunes(s, func(r rune) bool { return unicode.IsLetter(r) || isNumericRune(r) })
		},
		"isspace":     func(s string) py.Object { return allRunes(s, pySpace) },
		"isascii":     func(s string) py.Object { return py.NewBool(isASCII(s)) },
		"isprintable": func(s string) py.Object { return py.NewBool(s == "" || allRunes(s, isPrintableRune) == py.True) },
		"isupper": func(s string) py.Object {
			cased := false
			for _, r := range s {
				if isLowerPy(r) || unicode.IsTitle(r) {
					return py.False
				}
				cased = cased || isUpperPy(r)
			}
			return py.NewBool(cased)
		},
		"islower": func(s string) py.Object {
			cased := false
			for _, r := range s {
				if isUpperPy(r) || unicode.IsTitle(r) {
					return py.False
				}
				cased = cased || isLowerPy(r)
			}
			return py.NewBool(cased)
		},
		"istitle": func(s string) py.Object {
			cased, prevCased := false, false
			for _, r := range s {
				if isUpperPy(r) || unicode.IsTitle(r) {
					if prevCased {
						return py.False
					}
					prevCased, cased = true, true
				} else if isLowerPy(r) {
					if !prevCased {
						return py.False
					}
					prevCased, cased = true, true
				} else {
					prevCased = false
				}
			}
			return py.NewBool(cased)
		},
		"isidentifier": func(s string) py.Object {
			if s == "" {
				return py.False
			}
			for i, r := range s {
				if r == '_' || unicode.IsLetter(r) {
					continue
				}
				if i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)) {
					continue
				}
				return py.False
			}
			return py.True
		},
	}
	for name, f := range preds {
		name, f := name, f
		installStr(name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyobj.ArgCount(name, args, 0, 0); err != nil {
				return nil, err
			}
			return f(s), nil
		})
	}
	installStr("strip", func(s string, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return stripImpl("strip", s, args, true, true)
	})
	installStr("lstrip", func(s string, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return stripImpl("lstrip", s, args, true, false)
	})
	installStr("rstrip", func(s string, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return stripImpl("rstrip", s, args, false, true)
	})
	installStr("split", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, maxsplit, err := splitArgs("split", args, kwargs)
		if err != nil {
			return nil, err
		}
		if sep == nil {
			return strList(splitWhitespace(s, maxsplit)), nil
		}
		if maxsplit < 0 {
			return strList(strings.Split(s, *sep)), nil
		}
		return strList(strings.SplitN(s, *sep, maxsplit+1)), nil
	})
	installStr("rsplit", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, maxsplit, err := splitArgs("rsplit", args, kwargs)
		if err != nil {
			return nil, err
		}
		if sep == nil {
			return strList(rsplitWhitespace(s, maxsplit)), nil
		}
		if maxsplit < 0 {
			return strList(strings.Split(s, *sep)), nil
		}
		var parts []string
		rest := s
		for len(parts) < maxsplit {
			i := strings.LastIndex(rest, *sep)
			if i < 0 {
				break
			}
			parts = append(parts, rest[i+len(*sep):])
			rest = rest[:i]
		}
		parts = append(parts, rest)
		for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
			parts[a], parts[b] = parts[b], parts[a]
		}
		return strList(parts), nil
	})
	installStr("splitlines", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		keep := false
		if len(args) > 0 {
			keep, _ = pyobj.Truthy(args[0])
		}
		if v, ok := kwargs["keepends"]; ok {
			keep, _ = pyobj.Truthy(v)
		}
		var parts []string
		start := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isLineBreak(r) {
				i += size
				continue
			}
			end := i + size
			if r == '\r' && end < len(s) && s[end] == '\n' {
				end++
			}
			if keep {
				parts = append(parts, s[start:end])
			} else {
				parts = append(parts, s[start:i])
			}
			start, i = end, end
		}
		if start < len(s) {
			parts = append(parts, s[start:])
		}
		return strList(parts), nil
	})
	partition := func(name string, last bool) {
		installStr(name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyobj.ArgCount(name, args, 1, 1); err != nil {
				return nil, err
			}
			sep, err := strArg(name, args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, py.ExceptionNewf(py.ValueError, "empty separator")
			}
			var i int
			if last {
				i = strings.LastIndex(s, sep)
			} else {
				i = strings.Index(s, sep)
			}
			if i < 0 {
				if last {
					return py.Tuple{py.String(""), py.String(""), py.String(s)}, nil
				}
				return py.Tuple{py.String(s), py.String(""), py.String("")}, nil
			}
			return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}, nil
		})
	}
	partition("partition", false)
	partition("rpartition", true)
	affix := func(name string, suffix bool) {
		installStr(name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := pyobj.ArgCount(name, args, 1, 3); err != nil {
				return nil, err
			}
			w, _, ok, err := window(s, args[1:])
			if err != nil {
				return nil, err
			}
			test := func(o py.Object) (bool, error) {
				p, isStr := o.(py.String)
				if !isStr {
					return false, py.ExceptionNewf(py.TypeError, "%s first arg must be str or a tuple of str, not %s", name, pyobj.TypeName(o))
				}
				if !ok {
					return false, nil
				}
				if suffix {
					return strings.HasSuffix(w, string(p)), nil
				}
				return strings.HasPrefix(w, string(p)), nil
			}
			if t, isT := args[0].(py.Tuple); isT {
				for _, p := range t {
					r, err := test(p)
					if err != nil || r {
						return py.NewBool(r), err
					}
				}
				return py.False, nil
			}
			r, err := test(args[0])
			return py.NewBool(r), err
		})
	}
	affix("startswith", false)
	affix("endswith", true)
	for _, spec := range []struct {
		name    string
		reverse bool
		raise   bool
	}{{"find", false, false}, {"rfind", true, false}, {"index", false, true}, {"rindex", true, true}} {
		spec := spec
		installStr(spec.name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := noKw(spec.name, kwargs); err != nil {
				return nil, err
			}
			i, err := findImpl(spec.name, s, args, spec.reverse)
			if err != nil {
				return nil, err
			}
			if i < 0 && spec.raise {
				return nil, py.ExceptionNewf(py.ValueError, "substring not found")
			}
			return py.Int(i), nil
		})
	}
	installStr("count", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("count", args, 1, 3); err != nil {
			return nil, err
		}
		sub, err := strArg("count", args[0])
		if err != nil {
			return nil, err
		}
		w, _, ok, err := window(s, args[1:])
		if err != nil || !ok {
			return py.Int(0), err
		}
		if sub == "" {
			return py.Int(runeLen(w) + 1), nil
		}
		return py.Int(strings.Count(w, sub)), nil
	})
	installStr("replace", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("replace", args, 2, 3); err != nil {
			return nil, err
		}
		old, err := strArg("replace", args[0])
		if err != nil {
			return nil, err
		}
		nw, err := strArg("replace", args[1])
		if err != nil {
			return nil, err
		}
		n := -1
		if len(args) == 3 {
			if n, err = py.IndexInt(args[2]); err != nil {
				return nil, err
			}
		}
		return py.String(strings.Replace(s, old, nw, n)), nil
	})
	installStr("zfill", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("zfill", args, 1, 1); err != nil {
			return nil, err
		}
		w, err := py.IndexInt(args[0])
		if err != nil {
			return nil, err
		}
		n := runeLen(s)
		if w <= n {
			return py.String(s), nil
		}
		zeros := strings.Repeat("0", w-n)
		if s != "" && (s[0] == '+' || s[0] == '-') {
			return py.String(s[:1] + zeros + s[1:]), nil
		}
		return py.String(zeros + s), nil
	})
	for name, align := range map[string]byte{"center": '^', "ljust": '<', "rjust": '>'} {
		name, align := name, align
		installStr(name, func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			w, fill, err := padArgs(name, args)
			if err != nil {
				return nil, err
			}
			return py.String(padStr(s, w, fill, align)), nil
		})
	}
	installStr("expandtabs", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		size := 8
		if len(args) > 0 {
			n, err := py.IndexInt(args[0])
			if err != nil {
				return nil, err
			}
			size = n
		}
		if v, ok := kwargs["tabsize"]; ok {
			n, err := py.IndexInt(v)
			if err != nil {
				return nil, err
			}
			size = n
		}
		var b strings.Builder
		col := 0
		for _, r := range s {
			switch r {
			case '\t':
				if size > 0 {
					k := size - col%size
					b.WriteString(strings.Repeat(" ", k))
					col += k
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return py.String(b.String()), nil
	})
	installStr("encode", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		enc := "utf-8"
		if len(args) > 0 {
			e, err := strArg("encode", args[0])
			if err != nil {
				return nil, err
			}
			enc = e
		}
		if v, ok := kwargs["encoding"]; ok {
			e, err := strArg("encode", v)
			if err != nil {
				return nil, err
			}
			enc = e
		}
		return encode(s, enc)
	})
	installStr("removeprefix", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("removeprefix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removeprefix", args[0])
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimPrefix(s, p)), nil
	})
	installStr("removesuffix", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("removesuffix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removesuffix", args[0])
		if err != nil {
			return nil, err
		}
		return py.String(strings.TrimSuffix(s, p)), nil
	})
	installStr("translate", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("translate", args, 1, 1); err != nil {
			return nil, err
		}
		table := args[0]
		var b strings.Builder
		for _, r := range s {
			v, err := py.GetItem(table, py.Int(r))
			if err != nil {
				if py.IsException(py.LookupError, err) {
					b.WriteRune(r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case py.NoneType:
			case py.String:
				b.WriteString(string(x))
			case py.Int:
				b.WriteRune(rune(x))
			default:
				return nil, py.ExceptionNewf(py.TypeError, "character mapping must return integer, None or str")
			}
		}
		return py.String(b.String()), nil
	})
	py.StringType.Dict["maketrans"] = py.MustNewMethod("maketrans", pyobj.Guard("maketrans", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount("maketrans", args, 1, 3); err != nil {
			return nil, err
		}
		d := pyobj.NewDict()
		if len(args) == 1 {
			src, ok := pyobj.AsDict(args[0])
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "if you give only one argument to maketrans it must be a dict")
			}
			var err error
			src.Range(func(k, v py.Object) bool {
				if ks, ok := k.(py.String); ok {
					r := []rune(string(ks))
					if len(r) != 1 {
						err = py.ExceptionNewf(py.ValueError, "string keys in translate table must be of length 1")
						return false
					}
					k = py.Int(r[0])
				}
				err = d.Set(k, v)
				return err == nil
			})
			return d, err
		}
		x, err := strArg("maketrans", args[0])
		if err != nil {
			return nil, err
		}
		y, err := strArg("maketrans", args[1])
		if err != nil {
			return nil, err
		}
		xr, yr := []rune(x), []rune(y)
		if len(xr) != len(yr) {
			return nil, py.ExceptionNewf(py.ValueError, "the first two maketrans arguments must have equal length")
		}
		for i := range xr {
			if err := d.Set(py.Int(xr[i]), py.Int(yr[i])); err != nil {
				return nil, err
			}
		}
		if len(args) == 3 {
			z, err := strArg("maketrans", args[2])
			if err != nil {
				return nil, err
			}
			for _, r := range z {
				if err := d.Set(py.Int(r), py.None); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	}), py.METH_STATIC, "")
	installStr("__format__", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("__format__", args, 1, 1); err != nil {
			return nil, err
		}
		spec, err := strArg("__format__", args[0])
		if err != nil {
			return nil, err
		}
		r, err := pyobj.Format(py.String(s), spec)
		return py.String(r), err
	})
}

func isDigitRune(r rune) bool {
	return unicode.IsDigit(r) || (r >= 0x2070 && r <= 0x2079) || r == 0xb2 || r == 0xb3 || r == 0xb9 || (r >= 0x2080 && r <= 0x2089) || (r >= 0x2460 && r <= 0x2468)
}

func isNumericRune(r rune) bool { return unicode.IsNumber(r) }

func isPrintableRune(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r) && r != 0xad
}

func encode(s, enc string) (py.Object, error) {
	switch strings.ReplaceAll(strings.ToLower(enc), "_", "-") {
	case "utf-8", "utf8":
		return py.Bytes(s), nil
	case "ascii", "us-ascii":
		for i, r := range s {
			if r >= 0x80 {
				return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'ascii' codec can't encode character '%s' in position %d: ordinal not in range(128)", pyobj.EscapeChar(r), runeIndex(s, i))
			}
		}
		return py.Bytes(s), nil
	case "latin-1", "latin1", "iso-8859-1":
		out := make([]byte, 0, len(s))
		for i, r := range s {
			if r >= 0x100 {
				return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'latin-1' codec can't encode character '%s' in position %d: ordinal not in range(256)", pyobj.EscapeChar(r), runeIndex(s, i))
			}
			out = append(out, byte(r))
		}
		return py.Bytes(out), nil
	}
	return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
}
