package server

import (
	"bytes"
	"strings"
)

// lineInfo is what a light lexical scan of Python knows about one physical
// line. The code actions and lenses need only statement boundaries and
// top-level definitions, which the scan gets right without a tree (the
// analysis goroutine owns the document's tree).
type lineInfo struct {
	stmtStart bool // the line begins a logical line (statement)
	endInStr  bool // the line ends inside a (triple-quoted) string
	endCont   bool // the line ends with a backslash continuation
	comment   int  // byte offset in the line of a '#' comment, -1 if none
	blank     bool // nothing but white space or a comment
}

// scanLines lexes src just enough to tell strings, comments, brackets and
// continuations apart.
func scanLines(src []byte) []lineInfo {
	lines := []lineInfo{{stmtStart: true, comment: -1}}
	depth := 0
	var quote byte // current string's quote, 0 outside strings
	triple := false
	cont := false
	lineStart := 0
	sawCode := false
	cur := &lines[0]
	for i := 0; i < len(src); i++ {
		c := src[i]
		if quote != 0 {
			switch {
			case c == '\\':
				i++ // an escape (in raw strings too, it hides a quote)
				if i < len(src) && src[i] == '\n' {
					i-- // let the newline below start the next line
				}
			case c == quote && (!triple || (i+2 < len(src) && src[i+1] == quote && src[i+2] == quote)):
				if triple {
					i += 2
				}
				quote = 0
			case c == '\n':
				if !triple { // unterminated single-quoted string: recover
					quote = 0
				}
			}
			if c != '\n' {
				continue
			}
		}
		switch c {
		case '#':
			cur.comment = i - lineStart
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
			continue
		case '\'', '"':
			quote = c
			triple = i+2 < len(src) && src[i+1] == c && src[i+2] == c
			if triple {
				i += 2
			}
			sawCode = true
		case '(', '[', '{':
			depth++
			sawCode = true
		case ')', ']', '}':
			depth = max(depth-1, 0)
			sawCode = true
		case '\\':
			if i+1 < len(src) && (src[i+1] == '\n' || (src[i+1] == '\r' && i+2 < len(src) && src[i+2] == '\n')) {
				cont = true
				continue
			}
		case '\n':
			cur.endInStr = quote != 0
			cur.endCont = cont
			cur.blank = !sawCode
			lines = append(lines, lineInfo{comment: -1, stmtStart: quote == 0 && depth == 0 && !cont})
			cur = &lines[len(lines)-1]
			lineStart = i + 1
			cont, sawCode = false, false
			continue
		case ' ', '\t', '\r', '\f':
			continue
		default:
			sawCode = true
		}
		cont = false
	}
	cur.endInStr = quote != 0
	cur.blank = !sawCode
	return lines
}

// statementLines returns the first and last physical line of the statement
// that contains line.
func statementLines(info []lineInfo, line int) (first, last int) {
	line = max(0, min(line, len(info)-1))
	first = line
	for first > 0 && !info[first].stmtStart {
		first--
	}
	last = line
	for last+1 < len(info) && !info[last+1].stmtStart {
		last++
	}
	return first, last
}

// commentLine picks the line of a statement where a trailing comment can go:
// the first one that does not end inside a string or in a backslash.
func commentLine(info []lineInfo, line int) int {
	first, last := statementLines(info, line)
	for l := first; l <= last; l++ {
		if !info[l].endInStr && !info[l].endCont {
			return l
		}
	}
	return line
}

// function is a top-level def with what is needed to call it.
type function struct {
	name      string
	line      int       // 0-based line of `def`
	nameCol   int       // byte column of the name
	zeroArgs  bool      // callable without arguments
	examples  []example // doctest `>>>` examples from the docstring
	bodyUntil int       // last line of the function (inclusive)
}

// topLevelFunctions finds `def` statements at column 0.
func topLevelFunctions(src []byte) []function {
	info := scanLines(src)
	ix := newLineIndex(src)
	var out []function
	for l := 0; l < len(info); l++ {
		if !info[l].stmtStart {
			continue
		}
		text := src[ix.starts[l]:ix.lineEnd(l)]
		rest, ok := bytes.CutPrefix(text, []byte("def "))
		if !ok {
			if rest, ok = bytes.CutPrefix(text, []byte("async def ")); !ok {
				continue
			}
		}
		trim := bytes.TrimLeft(rest, " \t")
		nameEnd := 0
		for nameEnd < len(trim) && isIdentByte(trim[nameEnd]) {
			nameEnd++
		}
		if nameEnd == 0 {
			continue
		}
		f := function{name: string(trim[:nameEnd]), line: l, nameCol: len(text) - len(trim)}
		// The parameters: from the '(' after the name to its match.
		open := ix.starts[l] + f.nameCol + nameEnd
		for open < len(src) && (src[open] == ' ' || src[open] == '\t') {
			open++
		}
		if open < len(src) && src[open] == '(' {
			if params, ok := bracketed(src, open); ok {
				f.zeroArgs = noRequiredParams(params)
			}
		}
		// The body: up to the next statement that starts at column 0.
		end := l
		for k := l + 1; k < len(info); k++ {
			if info[k].stmtStart && !info[k].blank {
				if c := src[ix.starts[k]:ix.lineEnd(k)]; len(c) > 0 && c[0] != ' ' && c[0] != '\t' {
					break
				}
			}
			end = k
		}
		for end > l && info[end].blank {
			end--
		}
		f.bodyUntil = end
		f.examples = doctestExamples(src, ix, l+1, end)
		out = append(out, f)
	}
	return out
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// structure calls visit for each byte of s outside string literals and
// comments, with the bracket depth before that byte, until visit returns
// false.
func structure(s string, visit func(i int, c byte, depth int) bool) {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		if c == '#' {
			for i < len(s) && s[i] != '\n' {
				i++
			}
			continue
		}
		if !visit(i, c, depth) {
			return
		}
		switch c {
		case '\'', '"':
			quote = c
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		}
	}
}

// bracketed returns the text between src[open] (a bracket) and its match.
func bracketed(src []byte, open int) (inner string, ok bool) {
	s := string(src[open:])
	structure(s, func(i int, c byte, depth int) bool {
		if depth == 1 && (c == ')' || c == ']' || c == '}') {
			inner, ok = s[1:i], true
			return false
		}
		return true
	})
	return inner, ok
}

// splitTop splits s at top-level occurrences of sep (outside brackets and
// strings).
func splitTop(s string, sep byte) []string {
	var parts []string
	start := 0
	structure(s, func(i int, c byte, depth int) bool {
		if c == sep && depth == 0 {
			parts = append(parts, s[start:i])
			start = i + 1
		}
		return true
	})
	return append(parts, s[start:])
}

func noRequiredParams(params string) bool {
	for _, p := range splitTop(params, ',') {
		p = strings.TrimSpace(p)
		if p == "" || p == "/" || strings.HasPrefix(p, "*") {
			continue
		}
		if len(splitTop(p, '=')) < 2 {
			return false
		}
	}
	return true
}

// example is one doctest example: the source after `>>>` (with `...`
// continuations) and the output the docstring shows for it.
type example struct {
	src  string
	want string // "" when the docstring shows none
}

// doctestExamples collects the examples in lines [from, to]. The expected
// output runs to the next blank line, `>>>` line or docstring end.
func doctestExamples(src []byte, ix *lineIndex, from, to int) []example {
	line := func(l int) string { return strings.TrimSpace(string(src[ix.starts[l]:ix.lineEnd(l)])) }
	var out []example
	for l := from; l <= to && l < len(ix.starts); l++ {
		code, ok := strings.CutPrefix(strings.TrimSpace(trimQuotes(line(l))), ">>>")
		if !ok {
			continue
		}
		code = strings.TrimPrefix(code, " ")
		for l+1 <= to {
			more, ok := strings.CutPrefix(line(l+1), "...")
			if !ok {
				break
			}
			code += "\n" + strings.TrimPrefix(more, " ")
			l++
		}
		var want []string
		for l+1 <= to {
			next := line(l + 1)
			if next == "" || strings.HasPrefix(next, ">>>") || strings.HasPrefix(next, `"""`) || strings.HasPrefix(next, "'''") {
				break
			}
			next = strings.TrimSuffix(strings.TrimSuffix(next, `"""`), "'''")
			want = append(want, strings.TrimSpace(next))
			l++
		}
		if strings.TrimSpace(code) != "" {
			out = append(out, example{src: code, want: strings.Join(want, "\n")})
		}
	}
	return out
}

// trimQuotes drops a docstring's opening quotes, for `""">>> f(1)`.
func trimQuotes(s string) string {
	for _, q := range []string{`"""`, `'''`, `r"""`, `r'''`} {
		if t, ok := strings.CutPrefix(s, q); ok {
			return t
		}
	}
	return s
}
