package stdlib

import (
	"strings"

	"github.com/go-python/gpython/py"
)

func stringModule() *goModule {
	return &goModule{name: "string", doc: "A collection of string constants.", build: buildString, src: "string.py"}
}

func buildString(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	const (
		lower  = "abcdefghijklmnopqrstuvwxyz"
		upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		digits = "0123456789"
		punct  = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
		ws     = " \t\n\r\x0b\x0c"
	)
	g := py.StringDict{
		"ascii_lowercase": py.String(lower),
		"ascii_uppercase": py.String(upper),
		"ascii_letters":   py.String(lower + upper),
		"digits":          py.String(digits),
		"hexdigits":       py.String(digits + "abcdefABCDEF"),
		"octdigits":       py.String("01234567"),
		"punctuation":     py.String(punct),
		"whitespace":      py.String(ws),
		"printable":       py.String(digits + lower + upper + punct + ws),
	}
	capwords := py.MustNewMethod("capwords", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := parseArgs("capwords", args, kwargs, []string{"s", "sep"}, 1)
		if err != nil {
			return nil, err
		}
		s, ok := a[0].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute 'split'", a[0].Type().Name)
		}
		var words []string
		sep := " "
		if isNone(a[1]) {
			words = strings.FieldsFunc(string(s), isPySpace)
		} else {
			sp, ok := a[1].(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "must be str or None, not %s", a[1].Type().Name)
			}
			sep = string(sp)
			words = strings.Split(string(s), sep)
		}
		for i, w := range words {
			words[i] = capitalize(w)
		}
		return py.String(strings.Join(words, sep)), nil
	}, 0, "")
	return []*py.Method{capwords}, g, nil
}

func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\x1d', '\x1e', '\x1f', '\x85':
		return true
	}
	return r > 127 && strings.ContainsRune("\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000", r)
}

// capitalize is str.capitalize: first character upper-cased, rest lower.
func capitalize(w string) string {
	if w == "" {
		return w
	}
	r := []rune(w)
	return strings.ToUpper(string(r[0])) + strings.ToLower(string(r[1:]))
}
