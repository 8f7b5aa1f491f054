package analysis

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func decodeRune(b []byte) (rune, int) {
	r, size := utf8.DecodeRune(b)
	if size == 0 {
		size = 1
	}
	return r, size
}

// normIdent gives the identifier Python sees: identifiers are NFKC
// normalised by the tokenizer, so `ｅｖａｌ` is `eval`.
func normIdent(s string) string {
	if IsASCII(s) {
		return s
	}
	return norm.NFKC.String(s)
}

// IsASCII reports whether s is all ASCII (identifiers, names and sources
// that need no Unicode normalisation).
func IsASCII[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stringPrefix splits a string_start token like `rb”'` into its prefix
// letters (lower-cased) and quote.
func stringPrefix(start string) (prefix string, quote string) {
	i := strings.IndexAny(start, `'"`)
	if i < 0 {
		return strings.ToLower(start), ""
	}
	return strings.ToLower(start[:i]), start[i:]
}

// unescape decodes Python escape sequences of a non-raw literal. ok is
// false for escapes it cannot decode (the value is then unknown).
func unescape(s string, bytesLit bool) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
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
		case 'v':
			b.WriteByte('\v')
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if bytesLit && e != 'x' {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			if i+1+n > len(s) {
				return "", false
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				return "", false
			}
			if e == 'x' && bytesLit {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			i += n
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 32)
			if bytesLit {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			i = j - 1
		case 'N':
			return "", false
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), true
}

// parseNumber parses a Python integer or float literal.
func parseNumber(lit string) (float64, bool, bool) {
	s := strings.ReplaceAll(strings.ToLower(lit), "_", "")
	if strings.HasSuffix(s, "j") || s == "" {
		return 0, false, false
	}
	if len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o' || s[1] == 'b') {
		base := map[byte]int{'x': 16, 'o': 8, 'b': 2}[s[1]]
		v, err := strconv.ParseUint(s[2:], base, 64)
		if err != nil {
			return math.Inf(1), true, true
		}
		return float64(v), true, true
	}
	if strings.ContainsAny(s, ".e") {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil && !math.IsInf(v, 0) {
			return 0, false, false
		}
		return v, false, true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(v, 0) {
		return 0, false, false
	}
	return v, true, true
}
