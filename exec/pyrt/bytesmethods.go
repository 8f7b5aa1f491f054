package pyrt

import (
	"bytes"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// The bytes methods real code uses. gpython's bytes has only replace (and
// decode/hex from listmethods.go). Case and class tests are ASCII-only, as
// in CPython.

const asciiWhitespace = " \t\n\r\x0b\x0c"

// bytesArg requires a bytes argument.
func bytesArg(o py.Object) ([]byte, error) {
	b, ok := o.(py.Bytes)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", pyobj.TypeName(o))
	}
	return []byte(b), nil
}

// subArg is the needle of find/count/index: bytes or an int in 0..255.
func subArg(o py.Object) ([]byte, error) {
	if i, ok := o.(py.Int); ok {
		if i < 0 || i > 255 {
			return nil, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
		}
		return []byte{byte(i)}, nil
	}
	return bytesArg(o)
}

func mapASCII(b []byte, f func(c byte, wordStart bool) byte) py.Bytes {
	out := make([]byte, len(b))
	prevLetter := false
	for i, c := range b {
		out[i] = f(c, !prevLetter)
		prevLetter = isASCIILetter(c)
	}
	return py.Bytes(out)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isASCIIUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isASCIILower(c byte) bool  { return c >= 'a' && c <= 'z' }
func isASCIIDigit(c byte) bool  { return c >= '0' && c <= '9' }
func toASCIIUpper(c byte) byte {
	if isASCIILower(c) {
		return c - 32
	}
	return c
}
func toASCIILower(c byte) byte {
	if isASCIIUpper(c) {
		return c + 32
	}
	return c
}

// allASCII is the isX() predicates: non-empty and every byte passes.
func allASCII(b []byte, pred func(byte) bool) py.Object {
	if len(b) == 0 {
		return py.False
	}
	for _, c := range b {
		if !pred(c) {
			return py.False
		}
	}
	return py.True
}

// bytesStripArg is strip's optional chars argument.
func bytesStripArg(name string, args py.Tuple) (string, error) {
	if err := pyobj.ArgCount(name, args, 0, 1); err != nil {
		return "", err
	}
	if len(args) == 0 || args[0] == py.None {
		return asciiWhitespace, nil
	}
	b, err := bytesArg(args[0])
	return string(b), err
}

// bytesSplitArgs reads split's sep and maxsplit, positional or keyword.
func bytesSplitArgs(name string, args py.Tuple, kwargs py.StringDict) (sep []byte, maxsplit int, err error) {
	if err := pyobj.ArgCount(name, args, 0, 2); err != nil {
		return nil, 0, err
	}
	sepObj, maxObj := py.Object(py.None), py.Object(py.Int(-1))
	if len(args) > 0 {
		sepObj = args[0]
	}
	if len(args) > 1 {
		maxObj = args[1]
	}
	if v, ok := kwargs["sep"]; ok {
		sepObj = v
	}
	if v, ok := kwargs["maxsplit"]; ok {
		maxObj = v
	}
	if maxsplit, err = py.IndexInt(maxObj); err != nil {
		return nil, 0, err
	}
	if sepObj == py.None {
		return nil, maxsplit, nil
	}
	if sep, err = bytesArg(sepObj); err != nil {
		return nil, 0, err
	}
	if len(sep) == 0 {
		return nil, 0, py.ExceptionNewf(py.ValueError, "empty separator")
	}
	return sep, maxsplit, nil
}

func bytesList(parts [][]byte) *py.List {
	l := py.NewListSized(len(parts))
	for i, p := range parts {
		l.Items[i] = py.Bytes(append([]byte(nil), p...))
	}
	return l
}

// splitASCIIWhitespace splits on runs of ASCII whitespace, at most maxsplit
// times (negative: no limit), from the left or (reverse) the right.
func splitASCIIWhitespace(b []byte, maxsplit int, reverse bool) [][]byte {
	isSpace := func(c byte) bool { return strings.IndexByte(asciiWhitespace, c) >= 0 }
	var parts [][]byte
	if !reverse {
		i := 0
		for {
			for i < len(b) && isSpace(b[i]) {
				i++
			}
			if i >= len(b) {
				return parts
			}
			if maxsplit >= 0 && len(parts) == maxsplit {
				return append(parts, b[i:])
			}
			j := i
			for j < len(b) && !isSpace(b[j]) {
				j++
			}
			parts = append(parts, b[i:j])
			i = j
		}
	}
	j := len(b)
	for {
		for j > 0 && isSpace(b[j-1]) {
			j--
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(parts) == maxsplit {
			parts = append(parts, b[:j])
			break
		}
		i := j
		for i > 0 && !isSpace(b[i-1]) {
			i--
		}
		parts = append(parts, b[i:j])
		j = i
	}
	for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
		parts[l], parts[r] = parts[r], parts[l]
	}
	return parts
}

// bytesSearch resolves find/index/count's (sub[, start[, end]]).
func bytesSearch(name string, self py.Object, args py.Tuple) (hay, sub []byte, start int, err error) {
	if err := pyobj.ArgCount(name, args, 1, 3); err != nil {
		return nil, nil, 0, err
	}
	b := []byte(self.(py.Bytes))
	if sub, err = subArg(args[0]); err != nil {
		return nil, nil, 0, err
	}
	start, end, err := sliceBounds(args[1:], len(b))
	if err != nil {
		return nil, nil, 0, err
	}
	if start > end {
		return nil, sub, -1, nil
	}
	return b[start:end], sub, start, nil
}

// bytesFind is find/rfind (missing: -1) and index/rindex (missing:
// ValueError).
func bytesFind(name string, last, mustFind bool) func(py.Object, py.Tuple) (py.Object, error) {
	return func(self py.Object, args py.Tuple) (py.Object, error) {
		hay, sub, start, err := bytesSearch(name, self, args)
		if err != nil {
			return nil, err
		}
		i := -1
		if start >= 0 {
			if last {
				i = bytes.LastIndex(hay, sub)
			} else {
				i = bytes.Index(hay, sub)
			}
		}
		if i < 0 {
			if mustFind {
				return nil, py.ExceptionNewf(py.ValueError, "subsection not found")
			}
			return py.Int(-1), nil
		}
		return py.Int(start + i), nil
	}
}

// bytesAffix is startswith/endswith: a bytes or a tuple of them, with
// optional start and end.
func bytesAffix(name string, suffix bool) func(py.Object, py.Tuple) (py.Object, error) {
	return func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount(name, args, 1, 3); err != nil {
			return nil, err
		}
		b := []byte(self.(py.Bytes))
		start, end, err := sliceBounds(args[1:], len(b))
		if err != nil {
			return nil, err
		}
		if start > end {
			return py.False, nil
		}
		b = b[start:end]
		candidates := py.Tuple{args[0]}
		if t, ok := args[0].(py.Tuple); ok {
			candidates = t
		}
		for _, c := range candidates {
			affix, ok := c.(py.Bytes)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, pyobj.TypeName(c))
			}
			if suffix && bytes.HasSuffix(b, affix) || !suffix && bytes.HasPrefix(b, affix) {
				return py.True, nil
			}
		}
		return py.False, nil
	}
}

// bytesPad is center/ljust/rjust.
func bytesPad(name string, place func(b []byte, pad int, fill byte) []byte) func(py.Object, py.Tuple) (py.Object, error) {
	return func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount(name, args, 1, 2); err != nil {
			return nil, err
		}
		width, err := py.IndexInt(args[0])
		if err != nil {
			return nil, err
		}
		fill := byte(' ')
		if len(args) > 1 {
			f, err := bytesArg(args[1])
			if err != nil || len(f) != 1 {
				return nil, py.ExceptionNewf(py.TypeError, "%s() argument 2 must be a byte string of length 1", name)
			}
			fill = f[0]
		}
		b := []byte(self.(py.Bytes))
		if width <= len(b) {
			return self, nil
		}
		return py.Bytes(place(b, width-len(b), fill)), nil
	}
}

func bytesPartition(name string, last bool) func(py.Object, py.Object) (py.Object, error) {
	return func(self, sepObj py.Object) (py.Object, error) {
		sep, err := bytesArg(sepObj)
		if err != nil {
			return nil, err
		}
		if len(sep) == 0 {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		b := []byte(self.(py.Bytes))
		i := bytes.Index(b, sep)
		if last {
			i = bytes.LastIndex(b, sep)
		}
		if i < 0 {
			if last {
				return py.Tuple{py.Bytes(nil), py.Bytes(nil), self}, nil
			}
			return py.Tuple{self, py.Bytes(nil), py.Bytes(nil)}, nil
		}
		return py.Tuple{py.Bytes(b[:i]), py.Bytes(sep), py.Bytes(b[i+len(sep):])}, nil
	}
}

func installBytesMethods() {
	d := py.BytesType.Dict
	caseMap := map[string]func(c byte, wordStart bool) byte{
		"upper": func(c byte, _ bool) byte { return toASCIIUpper(c) },
		"lower": func(c byte, _ bool) byte { return toASCIILower(c) },
		"swapcase": func(c byte, _ bool) byte {
			if isASCIIUpper(c) {
				return toASCIILower(c)
			}
			return toASCIIUpper(c)
		},
		"title": func(c byte, wordStart bool) byte {
			if wordStart {
				return toASCIIUpper(c)
			}
			return toASCIILower(c)
		},
	}
	for name, f := range caseMap {
		f := f
		d[name] = pyobj.Method(name, func(self py.Object) (py.Object, error) {
			return mapASCII([]byte(self.(py.Bytes)), f), nil
		})
	}
	d["capitalize"] = pyobj.Method("capitalize", func(self py.Object) (py.Object, error) {
		b := []byte(self.(py.Bytes))
		out := make([]byte, len(b))
		for i, c := range b {
			if i == 0 {
				out[i] = toASCIIUpper(c)
			} else {
				out[i] = toASCIILower(c)
			}
		}
		return py.Bytes(out), nil
	})
	preds := map[string]func(byte) bool{
		"isdigit": isASCIIDigit,
		"isalpha": isASCIILetter,
		"isalnum": func(c byte) bool { return isASCIILetter(c) || isASCIIDigit(c) },
		"isspace": func(c byte) bool { return strings.IndexByte(asciiWhitespace, c) >= 0 },
	}
	for name, p := range preds {
		p := p
		d[name] = pyobj.Method(name, func(self py.Object) (py.Object, error) {
			return allASCII([]byte(self.(py.Bytes)), p), nil
		})
	}
	for name, upper := range map[string]bool{"isupper": true, "islower": false} {
		upper := upper
		d[name] = pyobj.Method(name, func(self py.Object) (py.Object, error) {
			cased := false
			for _, c := range []byte(self.(py.Bytes)) {
				if upper && isASCIILower(c) || !upper && isASCIIUpper(c) {
					return py.False, nil
				}
				cased = cased || isASCIILetter(c)
			}
			return py.NewBool(cased), nil
		})
	}
	strips := map[string]func([]byte, string) []byte{"strip": bytes.Trim, "lstrip": bytes.TrimLeft, "rstrip": bytes.TrimRight}
	for name, trim := range strips {
		name, trim := name, trim
		d[name] = pyobj.Method(name, func(self py.Object, args py.Tuple) (py.Object, error) {
			chars, err := bytesStripArg(name, args)
			if err != nil {
				return nil, err
			}
			return py.Bytes(trim([]byte(self.(py.Bytes)), chars)), nil
		})
	}
	d["split"] = pyobj.Method("split", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, maxsplit, err := bytesSplitArgs("split", args, kwargs)
		if err != nil {
			return nil, err
		}
		b := []byte(self.(py.Bytes))
		if sep == nil {
			return bytesList(splitASCIIWhitespace(b, maxsplit, false)), nil
		}
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return bytesList(bytes.SplitN(b, sep, n)), nil
	})
	d["rsplit"] = pyobj.Method("rsplit", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, maxsplit, err := bytesSplitArgs("rsplit", args, kwargs)
		if err != nil {
			return nil, err
		}
		b := []byte(self.(py.Bytes))
		if sep == nil {
			return bytesList(splitASCIIWhitespace(b, maxsplit, true)), nil
		}
		if maxsplit < 0 {
			return bytesList(bytes.Split(b, sep)), nil
		}
		var parts [][]byte
		for len(parts) < maxsplit {
			i := bytes.LastIndex(b, sep)
			if i < 0 {
				break
			}
			parts = append(parts, b[i+len(sep):])
			b = b[:i]
		}
		parts = append(parts, b)
		for l, r := 0, len(parts)-1; l < r; l, r = l+1, r-1 {
			parts[l], parts[r] = parts[r], parts[l]
		}
		return bytesList(parts), nil
	})
	d["splitlines"] = pyobj.Method("splitlines", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		keepObj := py.Object(py.False)
		if len(args) > 0 {
			keepObj = args[0]
		}
		if v, ok := kwargs["keepends"]; ok {
			keepObj = v
		}
		keep, err := pyobj.Truthy(keepObj)
		if err != nil {
			return nil, err
		}
		b := []byte(self.(py.Bytes))
		var parts [][]byte
		for start, i := 0, 0; i < len(b); {
			end, next := -1, 0
			switch {
			case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
				end, next = i, i+2
			case b[i] == '\n' || b[i] == '\r':
				end, next = i, i+1
			}
			if end < 0 {
				i++
				if i == len(b) {
					parts = append(parts, b[start:])
				}
				continue
			}
			if keep {
				end = next
			}
			parts = append(parts, b[start:end])
			start, i = next, next
		}
		return bytesList(parts), nil
	})
	d["join"] = pyobj.Method("join", func(self, iterable py.Object) (py.Object, error) {
		var parts [][]byte
		i := 0
		err := pyobj.ForEach(iterable, func(item py.Object) (bool, error) {
			b, ok := item.(py.Bytes)
			if !ok {
				return true, py.ExceptionNewf(py.TypeError, "sequence item %d: expected a bytes-like object, %s found", i, pyobj.TypeName(item))
			}
			parts = append(parts, b)
			i++
			return false, nil
		})
		if err != nil {
			return nil, err
		}
		return py.Bytes(bytes.Join(parts, []byte(self.(py.Bytes)))), nil
	})
	d["replace"] = pyobj.Method("replace", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount("replace", args, 2, 3); err != nil {
			return nil, err
		}
		old, err := bytesArg(args[0])
		if err != nil {
			return nil, err
		}
		repl, err := bytesArg(args[1])
		if err != nil {
			return nil, err
		}
		count := -1
		if len(args) > 2 {
			if count, err = py.IndexInt(args[2]); err != nil {
				return nil, err
			}
		}
		return py.Bytes(bytes.Replace([]byte(self.(py.Bytes)), old, repl, count)), nil
	})
	d["find"] = pyobj.Method("find", bytesFind("find", false, false))
	d["rfind"] = pyobj.Method("rfind", bytesFind("rfind", true, false))
	d["index"] = pyobj.Method("index", bytesFind("index", false, true))
	d["rindex"] = pyobj.Method("rindex", bytesFind("rindex", true, true))
	d["count"] = pyobj.Method("count", func(self py.Object, args py.Tuple) (py.Object, error) {
		hay, sub, start, err := bytesSearch("count", self, args)
		if err != nil {
			return nil, err
		}
		if start < 0 {
			return py.Int(0), nil
		}
		return py.Int(bytes.Count(hay, sub)), nil
	})
	d["startswith"] = pyobj.Method("startswith", bytesAffix("startswith", false))
	d["endswith"] = pyobj.Method("endswith", bytesAffix("endswith", true))
	d["partition"] = pyobj.Method("partition", bytesPartition("partition", false))
	d["rpartition"] = pyobj.Method("rpartition", bytesPartition("rpartition", true))
	d["ljust"] = pyobj.Method("ljust", bytesPad("ljust", func(b []byte, pad int, fill byte) []byte {
		return append(append([]byte(nil), b...), bytes.Repeat([]byte{fill}, pad)...)
	}))
	d["rjust"] = pyobj.Method("rjust", bytesPad("rjust", func(b []byte, pad int, fill byte) []byte {
		return append(bytes.Repeat([]byte{fill}, pad), b...)
	}))
	d["center"] = pyobj.Method("center", bytesPad("center", func(b []byte, pad int, fill byte) []byte {
		// CPython's rule for where the odd byte goes.
		left := pad/2 + pad&(len(b)+pad)&1
		out := append(bytes.Repeat([]byte{fill}, left), b...)
		return append(out, bytes.Repeat([]byte{fill}, pad-left)...)
	}))
	d["fromhex"] = pyobj.ClassMethod("fromhex", func(cls, s py.Object) (py.Object, error) {
		str, err := strArg("fromhex", s)
		if err != nil {
			return nil, err
		}
		var out []byte
		for i := 0; i < len(str); {
			if strings.IndexByte(asciiWhitespace, str[i]) >= 0 {
				i++
				continue
			}
			if i+1 >= len(str) || hexVal(str[i]) < 0 || hexVal(str[i+1]) < 0 {
				bad := i
				if i+1 < len(str) && hexVal(str[i]) >= 0 {
					bad = i + 1
				}
				return nil, py.ExceptionNewf(py.ValueError, "non-hexadecimal number found in fromhex() arg at position %d", bad)
			}
			out = append(out, byte(hexVal(str[i])<<4|hexVal(str[i+1])))
			i += 2
		}
		return py.Bytes(out), nil
	})
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
