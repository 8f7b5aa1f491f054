package stdlib

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Python's re flags.
const (
	reTemplate   = 1
	reIgnoreCase = 2
	reLocale     = 4
	reMultiline  = 8
	reDotAll     = 16
	reUnicode    = 32
	reVerbose    = 64
	reDebug      = 128
	reASCII      = 256
)

// rePattern is a Python pattern rewritten for regexp2 (.NET syntax): all
// groups are unnamed so that .NET numbers them as Python does (.NET numbers
// named groups after unnamed ones), names are kept here instead.
type rePattern struct {
	expr      string         // regexp2 syntax
	flags     int            // effective Python flags (with inline global flags)
	groups    int            // number of capturing groups
	names     map[string]int // group name -> number
	nameOrder []string       // names in definition order
	parent    []int          // parent[g] = enclosing capturing group (0 = none)
}

// reError is a Python re.error: a message and the position in the pattern.
type reError struct {
	msg string
	pos int
}

func (e *reError) Error() string {
	if e.pos >= 0 {
		return fmt.Sprintf("%s at position %d", e.msg, e.pos)
	}
	return e.msg
}

const asciiDigit = `0-9`
const asciiWord = `a-zA-Z0-9_`
const asciiSpace = ` \t\n\r\f\v`

var flagLetters = map[rune]int{'a': reASCII, 'i': reIgnoreCase, 'L': reLocale, 'm': reMultiline, 's': reDotAll, 'u': reUnicode, 'x': reVerbose}

type reTranslator struct {
	src   []rune
	i     int
	out   strings.Builder
	p     *rePattern
	stack []int // open groups: capturing number or 0 for non-capturing
}

func translatePattern(pattern string, flags int) (*rePattern, error) {
	t := &reTranslator{src: []rune(pattern), p: &rePattern{names: map[string]int{}, parent: []int{0}}}
	// Global inline flags are allowed only at the start in Python 3.11.
	for t.i+2 < len(t.src) && t.src[t.i] == '(' && t.src[t.i+1] == '?' && flagLetters[t.src[t.i+2]] != 0 {
		j := t.i + 2
		f := 0
		for j < len(t.src) && flagLetters[t.src[j]] != 0 {
			f |= flagLetters[t.src[j]]
			j++
		}
		if j < len(t.src) && t.src[j] == ')' {
			flags |= f
			t.i = j + 1
			continue
		}
		break
	}
	t.p.flags = flags
	if err := t.run(); err != nil {
		return nil, err
	}
	t.p.expr = t.out.String()
	return t.p, nil
}

func (t *reTranslator) verbose() bool { return t.p.flags&reVerbose != 0 }
func (t *reTranslator) ascii() bool   { return t.p.flags&reASCII != 0 }

func (t *reTranslator) peek(k int) rune {
	if t.i+k < len(t.src) {
		return t.src[t.i+k]
	}
	return 0
}

func (t *reTranslator) run() error {
	for t.i < len(t.src) {
		c := t.src[t.i]
		if t.verbose() {
			if c == '#' {
				for t.i < len(t.src) && t.src[t.i] != '\n' {
					t.i++
				}
				continue
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				t.i++
				continue
			}
		}
		switch c {
		case '\\':
			if err := t.escape(false); err != nil {
				return err
			}
		case '[':
			if err := t.class(); err != nil {
				return err
			}
		case '(':
			if err := t.open(); err != nil {
				return err
			}
		case ')':
			if len(t.stack) == 0 {
				return &reError{"unbalanced parenthesis", t.i}
			}
			t.stack = t.stack[:len(t.stack)-1]
			t.out.WriteRune(')')
			t.i++
		case '{':
			t.brace()
		case '}':
			t.out.WriteString(`\}`)
			t.i++
		case '*', '+', '?':
			if t.i == 0 || t.prevIsStart() {
				return &reError{"nothing to repeat", t.i}
			}
			t.out.WriteRune(c)
			t.i++
		case ' ', '#':
			// Literal here; escaped so a future verbose scope cannot eat it.
			t.out.WriteString(`\` + string(c))
			t.i++
		default:
			t.out.WriteRune(c)
			t.i++
		}
	}
	if len(t.stack) > 0 {
		return &reError{"missing ), unterminated subpattern", t.openPos()}
	}
	return nil
}

func (t *reTranslator) openPos() int {
	depth := 0
	for i := len(t.src) - 1; i >= 0; i-- {
		if t.src[i] == ')' {
			depth++
		} else if t.src[i] == '(' {
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return 0
}

func (t *reTranslator) prevIsStart() bool {
	s := t.out.String()
	return strings.HasSuffix(s, "(") || strings.HasSuffix(s, "|") || strings.HasSuffix(s, "(?:")
}

// brace copies a {m,n} quantifier (with Python's {,n} = {0,n}); a brace
// that is not a quantifier is a literal in Python.
func (t *reTranslator) brace() {
	j := t.i + 1
	lo, hi := "", ""
	for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
		lo += string(t.src[j])
		j++
	}
	comma := false
	if j < len(t.src) && t.src[j] == ',' {
		comma = true
		j++
		for j < len(t.src) && t.src[j] >= '0' && t.src[j] <= '9' {
			hi += string(t.src[j])
			j++
		}
	}
	if j < len(t.src) && t.src[j] == '}' && (lo != "" || (comma && hi != "")) {
		if lo == "" {
			lo = "0"
		}
		t.out.WriteString("{" + lo)
		if comma {
			t.out.WriteString("," + hi)
		}
		t.out.WriteString("}")
		t.i = j + 1
		return
	}
	t.out.WriteString(`\{`)
	t.i++
}

func (t *reTranslator) newGroup(name string, pos int) error {
	t.p.groups++
	n := t.p.groups
	parent := 0
	for k := len(t.stack) - 1; k >= 0; k-- {
		if t.stack[k] != 0 {
			parent = t.stack[k]
			break
		}
	}
	t.p.parent = append(t.p.parent, parent)
	if name != "" {
		if !isIdent(name) {
			return &reError{fmt.Sprintf("bad character in group name '%s'", name), pos}
		}
		if _, dup := t.p.names[name]; dup {
			return &reError{fmt.Sprintf("redefinition of group name '%s' as group %d; was group %d", name, n, t.p.names[name]), pos}
		}
		t.p.names[name] = n
		t.p.nameOrder = append(t.p.nameOrder, name)
	}
	t.stack = append(t.stack, n)
	t.out.WriteRune('(')
	return nil
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return s != ""
}

func (t *reTranslator) readUntil(end rune) (string, bool) {
	j := t.i
	for j < len(t.src) && t.src[j] != end {
		j++
	}
	if j >= len(t.src) {
		return "", false
	}
	s := string(t.src[t.i:j])
	t.i = j + 1
	return s, true
}

func (t *reTranslator) groupRef(name string, pos int) (int, error) {
	if n, err := strconv.Atoi(name); err == nil {
		if n < 1 || n > t.p.groups {
			return 0, &reError{"invalid group reference " + name, pos}
		}
		return n, nil
	}
	n, ok := t.p.names[name]
	if !ok {
		return 0, &reError{fmt.Sprintf("unknown group name '%s'", name), pos}
	}
	return n, nil
}

func (t *reTranslator) open() error {
	start := t.i
	if t.peek(1) != '?' {
		t.i++
		return t.newGroup("", start)
	}
	c := t.peek(2)
	switch {
	case c == 'P' && t.peek(3) == '<':
		t.i += 4
		name, ok := t.readUntil('>')
		if !ok {
			return &reError{"missing >, unterminated name", start + 4}
		}
		return t.newGroup(name, start+4)
	case c == 'P' && t.peek(3) == '=':
		t.i += 4
		name, ok := t.readUntil(')')
		if !ok {
			return &reError{"missing ), unterminated name", start + 4}
		}
		n, ok := t.p.names[name]
		if !ok {
			return &reError{fmt.Sprintf("unknown group name '%s'", name), start + 4}
		}
		t.out.WriteString(fmt.Sprintf(`(?:\%d)`, n))
		return nil
	case c == '#':
		t.i += 3
		if _, ok := t.readUntil(')'); !ok {
			return &reError{"missing ), unterminated comment", start}
		}
		return nil
	case c == ':' || c == '=' || c == '!':
		t.out.WriteString("(?" + string(c))
		t.i += 3
		t.stack = append(t.stack, 0)
		return nil
	case c == '<' && (t.peek(3) == '=' || t.peek(3) == '!'):
		t.out.WriteString("(?<" + string(t.peek(3)))
		t.i += 4
		t.stack = append(t.stack, 0)
		return nil
	case c == '(':
		t.i += 3
		name, ok := t.readUntil(')')
		if !ok {
			return &reError{"missing ), unterminated name", start + 3}
		}
		n, err := t.groupRef(name, start+3)
		if err != nil {
			return err
		}
		t.out.WriteString(fmt.Sprintf("(?(%d)", n))
		t.stack = append(t.stack, 0)
		return nil
	case flagLetters[c] != 0 || c == '-':
		// Scoped flags (?i:...) / (?-i:...); a, u, L have no .NET form.
		j := t.i + 2
		var on, off strings.Builder
		neg := false
		for j < len(t.src) && (flagLetters[t.src[j]] != 0 || t.src[j] == '-') {
			r := t.src[j]
			switch {
			case r == '-':
				neg = true
			case r == 'i' || r == 'm' || r == 's' || r == 'x':
				if neg {
					off.WriteRune(r)
				} else {
					on.WriteRune(r)
				}
			}
			j++
		}
		if j < len(t.src) && t.src[j] == ':' {
			t.out.WriteString("(?" + on.String())
			if off.Len() > 0 {
				t.out.WriteString("-" + off.String())
			}
			t.out.WriteString(":")
			t.i = j + 1
			t.stack = append(t.stack, 0)
			return nil
		}
		if j < len(t.src) && t.src[j] == ')' {
			return &reError{"global flags not at the start of the expression", start}
		}
		return &reError{"missing -, : or )", j}
	}
	return &reError{"unknown extension ?" + string(c), start + 1}
}

// escape translates a backslash escape outside (inClass=false) or inside a
// character class.
func (t *reTranslator) escape(inClass bool) error {
	start := t.i
	if t.i+1 >= len(t.src) {
		return &reError{"bad escape (end of pattern)", start}
	}
	c := t.src[t.i+1]
	t.i += 2
	switch c {
	case 'd', 'D', 'w', 'W', 's', 'S':
		if !t.ascii() {
			t.out.WriteString(`\` + string(c))
			return nil
		}
		set := map[rune]string{'d': asciiDigit, 'w': asciiWord, 's': asciiSpace}[unicode.ToLower(c)]
		neg := unicode.IsUpper(c)
		switch {
		case inClass && !neg:
			t.out.WriteString(set)
		case inClass && neg:
			// A negated class inside a class has no .NET spelling without
			// subtraction; the Unicode form is the closest.
			t.out.WriteString(`\` + string(c))
		case neg:
			t.out.WriteString("[^" + set + "]")
		default:
			t.out.WriteString("[" + set + "]")
		}
		return nil
	case 'A', 'b', 'B':
		if inClass {
			if c == 'b' {
				t.out.WriteString(`\x08`)
				return nil
			}
			return &reError{`bad escape \` + string(c), start}
		}
		t.out.WriteString(`\` + string(c))
		return nil
	case 'Z':
		if inClass {
			return &reError{`bad escape \Z`, start}
		}
		t.out.WriteString(`\z`)
		return nil
	case 'n', 't', 'r', 'f', 'v', 'a':
		t.out.WriteString(`\` + string(c))
		return nil
	case 'x':
		return t.hexEscape(start, 2)
	case 'u':
		return t.hexEscape(start, 4)
	case 'U':
		return t.hexEscape(start, 8)
	case 'N':
		return &reError{`bad escape \N`, start}
	case '0':
		// Octal: \0 followed by up to two more octal digits.
		v := 0
		for k := 0; k < 2 && t.i < len(t.src) && t.src[t.i] >= '0' && t.src[t.i] <= '7'; k++ {
			v = v*8 + int(t.src[t.i]-'0')
			t.i++
		}
		t.out.WriteString(fmt.Sprintf(`\x%02x`, v))
		return nil
	}
	if c >= '1' && c <= '9' {
		// Three octal digits make an octal escape; otherwise a group
		// reference of one or two digits.
		if t.i+1 < len(t.src) && isOct(c) && isOct(t.src[t.i]) && isOct(t.src[t.i+1]) {
			v := int(c-'0')*64 + int(t.src[t.i]-'0')*8 + int(t.src[t.i+1]-'0')
			if v > 0o377 {
				return &reError{fmt.Sprintf(`octal escape value \%s outside of range 0-0o377`, string(t.src[start+1:t.i+2])), start}
			}
			t.i += 2
			t.out.WriteString(fmt.Sprintf(`\x%02x`, v))
			return nil
		}
		if inClass {
			return &reError{`bad escape \` + string(c), start}
		}
		num := string(c)
		if t.i < len(t.src) && t.src[t.i] >= '0' && t.src[t.i] <= '9' {
			num += string(t.src[t.i])
			t.i++
		}
		n, _ := strconv.Atoi(num)
		if n > t.p.groups || t.groupOpen(n) {
			return &reError{"invalid group reference " + num, start + 1}
		}
		t.out.WriteString(fmt.Sprintf(`(?:\%d)`, n))
		return nil
	}
	if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return &reError{`bad escape \` + string(c), start}
	}
	// .NET rejects a backslash before a word character it does not know,
	// so only ASCII punctuation keeps its backslash.
	if c < 128 && unicode.IsPunct(c) || unicode.IsSymbol(c) && c < 128 || c == ' ' {
		t.out.WriteString(`\`)
	}
	t.out.WriteRune(c)
	return nil
}

func (t *reTranslator) groupOpen(n int) bool {
	for _, g := range t.stack {
		if g == n {
			return true
		}
	}
	return false
}

func isOct(r rune) bool { return r >= '0' && r <= '7' }

func (t *reTranslator) hexEscape(start, n int) error {
	if t.i+n > len(t.src) {
		return &reError{fmt.Sprintf(`incomplete escape \%s`, string(t.src[start+1:])), start}
	}
	h := string(t.src[t.i : t.i+n])
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return &reError{fmt.Sprintf(`incomplete escape \%s`, string(t.src[start+1:t.i+n])), start}
	}
	t.i += n
	if v > unicode.MaxRune {
		return &reError{fmt.Sprintf(`bad escape \%s`, string(t.src[start+1:t.i])), start}
	}
	if v <= 0xffff {
		t.out.WriteString(fmt.Sprintf(`\u%04x`, v))
	} else {
		t.out.WriteRune(rune(v))
	}
	return nil
}

// class copies a character class, escaping what .NET would read as class
// subtraction or nesting.
func (t *reTranslator) class() error {
	start := t.i
	// The class is translated into its own builder: regexp2 mis-reads a
	// class that holds a negated shorthand (\W, \D, \S) next to other items
	// ([\W\d] matches only \W), so such a class is rewritten below as an
	// alternation, where each negated shorthand stands alone.
	outer := t.out
	t.out = strings.Builder{}
	negated := false
	t.i++
	if t.peek(0) == '^' {
		negated = true
		t.i++
	}
	var shorthands []string // negated shorthands, translated
	first := true
	for {
		if t.i >= len(t.src) {
			t.out = outer
			return &reError{"unterminated character set", start}
		}
		c := t.src[t.i]
		switch {
		case c == ']' && !first:
			t.i++
			body := t.out.String()
			t.out = outer
			t.writeClass(body, negated, shorthands)
			return nil
		case c == ']' || c == '[':
			t.out.WriteString(`\` + string(c))
			t.i++
		case c == '\\' && t.i+1 < len(t.src) && strings.ContainsRune("DWS", rune(t.src[t.i+1])):
			shorthands = append(shorthands, t.negatedShorthand(rune(t.src[t.i+1])))
			t.i += 2
		case c == '\\':
			if err := t.escape(true); err != nil {
				t.out = outer
				return err
			}
		default:
			t.out.WriteRune(c)
			t.i++
		}
		first = false
	}
}

// negatedShorthand translates \D, \W or \S as a stand-alone item.
func (t *reTranslator) negatedShorthand(c rune) string {
	if !t.ascii() {
		return `\` + string(c)
	}
	set := map[rune]string{'D': asciiDigit, 'W': asciiWord, 'S': asciiSpace}[c]
	return "[^" + set + "]"
}

// writeClass writes a translated class: body holds its plain items,
// shorthands its negated shorthands.
func (t *reTranslator) writeClass(body string, negated bool, shorthands []string) {
	if len(shorthands) == 0 {
		t.out.WriteRune('[')
		if negated {
			t.out.WriteRune('^')
		}
		t.out.WriteString(body)
		t.out.WriteRune(']')
		return
	}
	var alt []string
	if body != "" {
		alt = append(alt, "["+body+"]")
	}
	alt = append(alt, shorthands...)
	if negated {
		// Any one character (newlines included) that no item matches.
		t.out.WriteString("(?:(?!" + strings.Join(alt, "|") + ")(?s:.))")
		return
	}
	t.out.WriteString("(?:" + strings.Join(alt, "|") + ")")
}
