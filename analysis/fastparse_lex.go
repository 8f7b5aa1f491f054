package analysis

import (
	"bytes"
	"unicode/utf8"
)

// The fast parser's lexer. It reproduces the token stream tree-sitter's
// Python grammar produces for ordinary code: its external scanner decides
// where the zero-width NEWLINE, INDENT and DEDENT tokens go relative to
// comments (that placement decides which node a comment lands in), and its
// string scanner how a string splits into start, content, escapes,
// interpolations and end. Anything the lexer does not reproduce with
// certainty makes it bail (errFastBail), and tree-sitter parses instead.

// Token kinds.
const (
	tkEOF uint8 = iota
	tkName
	tkKeyword // a hard keyword; sym is its anonymous token
	tkOp      // an operator or bracket; sym is its anonymous token
	tkInt
	tkFloat
	tkEllipsis
	tkTrue
	tkFalse
	tkNone
	tkStrStart
	tkStrContent  // a string_content node; its n child tokens follow
	tkStrKid      // escape_sequence, escape_interpolation or a lone '\'
	tkInterpOpen  // '{' of a replacement field
	tkInterpClose // '}' of a replacement field
	tkSelfDoc     // '=' of f"{x=}"
	tkConv        // type_conversion "!r"
	tkSpecColon   // ':' that starts a format spec
	tkSpecText    // the hidden text token of a format spec
	tkStrEnd
	tkNewline // zero-width, hidden
	tkIndent  // zero-width, hidden
	tkDedent  // zero-width, hidden
)

// ftok is one token. Comments and line continuations are not tokens: they
// are kept apart (fextra), each with the index of the token it precedes.
type ftok struct {
	start, end uint32
	n          uint32 // tkStrContent: number of child tokens that follow
	sym        uint16
	kind       uint8
}

type fextra struct {
	start, end uint32
	before     int32 // index of the token the extra precedes
	sym        uint16
}

// maxFStringNest bounds nested f-strings and format specs.
const maxFStringNest = 4

type flexer struct {
	src     []byte
	pos     int
	toks    []ftok
	extras  []fextra
	indents []int
	depth   int // bracket depth outside strings
	lastEnd uint32
	hasCode bool // the current logical line has a token
	atLine  bool // the current logical line starts with '@' (a decorator)
	lastSym uint16
	lastKnd uint8
	quotes  []byte // quote characters of the enclosing strings
	// comments is endLine's scratch: the comment lines after a line.
	comments []commentLine
	s        *fpSymbols
}

func (lx *flexer) bail() { fastBail() }

func (lx *flexer) emit(kind uint8, sym uint16, start, end int) {
	lx.toks = append(lx.toks, ftok{start: uint32(start), end: uint32(end), sym: sym, kind: kind})
	lx.lastEnd = uint32(end)
}

func (lx *flexer) emitExtra(sym uint16, start, end int) {
	lx.extras = append(lx.extras, fextra{start: uint32(start), end: uint32(end), before: int32(len(lx.toks)), sym: sym})
	lx.lastEnd = uint32(end)
}

// phantom emits a zero-width hidden token where tree-sitter's scanner puts
// it: at the end of whatever was lexed last.
func (lx *flexer) phantom(kind uint8) {
	lx.toks = append(lx.toks, ftok{start: lx.lastEnd, end: lx.lastEnd, kind: kind})
}

// lex tokenizes the whole source.
func (lx *flexer) lex() {
	src := lx.src
	if !utf8.Valid(src) || bytes.IndexByte(src, 0) >= 0 || bytes.IndexByte(src, '\r') >= 0 {
		lx.bail() // decoding and line ending corner cases: tree-sitter's business
	}
	lx.indents = append(lx.indents[:0], 0)
	// The first line of code must not be indented; comment lines before
	// it may be.
	lx.skipToFirstCode()
	for {
		lx.skipSpace()
		if lx.pos >= len(src) {
			break
		}
		c := src[lx.pos]
		switch {
		case c == '\n':
			if lx.depth > 0 {
				lx.pos++
				lx.checkBracketLine()
				continue
			}
			lx.endLine()
		case c == '#':
			lx.comment()
		case c == '\\':
			lx.continuation()
		default:
			lx.code()
		}
	}
	if lx.depth > 0 || len(lx.quotes) > 0 {
		lx.bail()
	}
	if lx.hasCode {
		lx.endLine()
	}
	lx.toks = append(lx.toks, ftok{start: uint32(len(src)), end: uint32(len(src)), kind: tkEOF})
}

func (lx *flexer) skipSpace() {
	for lx.pos < len(lx.src) {
		switch lx.src[lx.pos] {
		case ' ', '\t':
			lx.pos++
		case '\f', '\v':
			lx.bail()
		default:
			return
		}
	}
}

// skipToFirstCode emits the comments before the first line of code and
// checks that line is not indented.
func (lx *flexer) skipToFirstCode() {
	src := lx.src
	for lx.pos < len(src) {
		ind, ok := lx.indentAt(lx.pos)
		if !ok {
			lx.bail()
		}
		p := lx.pos + ind
		switch {
		case p >= len(src):
			lx.bail() // no code at all: tree-sitter's module range is odd
		case src[p] == '\n':
			lx.pos = p + 1
		case src[p] == '#':
			lx.pos = p
			lx.comment()
			if lx.pos < len(src) {
				lx.pos++ // the newline
			}
		default:
			if ind != 0 {
				lx.bail()
			}
			lx.pos = p
			return
		}
	}
	lx.bail()
}

// indentAt counts the spaces at p; ok is false for tabs and form feeds,
// whose indentation tree-sitter and CPython count differently.
func (lx *flexer) indentAt(p int) (n int, ok bool) {
	for p+n < len(lx.src) {
		switch lx.src[p+n] {
		case ' ':
			n++
		case '\t', '\f', '\v':
			return n, false
		default:
			return n, true
		}
	}
	return n, true
}

func (lx *flexer) comment() {
	start := lx.pos
	end := bytes.IndexByte(lx.src[start:], '\n')
	if end < 0 {
		end = len(lx.src)
	} else {
		end += start
	}
	lx.emitExtra(lx.s.comment, start, end)
	lx.pos = end
}

// continuation lexes a backslash that joins two lines.
func (lx *flexer) continuation() {
	p := lx.pos
	if p+1 >= len(lx.src) || lx.src[p+1] != '\n' {
		lx.bail()
	}
	// The next line must hold code: tree-sitter's scanner and CPython
	// disagree about blank and comment lines after a continuation.
	ind, ok := lx.indentAt(p + 2)
	q := p + 2 + ind
	if !ok || q >= len(lx.src) || lx.src[q] == '\n' || lx.src[q] == '#' || lx.src[q] == '\\' {
		lx.bail()
	}
	if !lx.hasCode {
		lx.bail() // a line starting with a continuation
	}
	// Before a string, tree-sitter's scanner skips the continuation as
	// whitespace while it looks for the string's start: no node.
	if !lx.stringStartsAt(q) {
		lx.emitExtra(lx.s.lineCont, p, p+2)
	}
	lx.pos = p + 2
}

// stringStartsAt reports a string literal (with or without prefix) at p.
func (lx *flexer) stringStartsAt(p int) bool {
	for ; p < len(lx.src); p++ {
		switch lx.src[p] {
		case '\'', '"':
			return true
		case 'f', 'F', 'r', 'R', 'b', 'B', 'u', 'U':
		default:
			return false
		}
	}
	return false
}

// checkBracketLine runs after a newline inside brackets. tree-sitter's
// scanner may emit a DEDENT inside brackets when a continuation line is
// indented less than the current block; CPython ignores that indentation.
func (lx *flexer) checkBracketLine() {
	p := lx.pos
	for {
		ind, ok := lx.indentAt(p)
		if !ok {
			lx.bail()
		}
		q := p + ind
		if q >= len(lx.src) {
			lx.bail()
		}
		if lx.src[q] == '\n' {
			p = q + 1
			continue
		}
		if ind < lx.indents[len(lx.indents)-1] {
			lx.bail()
		}
		return
	}
}

type commentLine struct{ indent, start, end int }

// endLine ends a logical line at lx.pos (a newline or the end of input):
// it emits NEWLINE or INDENT, then DEDENTs interleaved with the comment
// lines that follow exactly as tree-sitter's scanner does, and moves to
// the next line of code.
func (lx *flexer) endLine() {
	src := lx.src
	if !lx.hasCode {
		// A line with only a comment (or nothing) before any statement
		// of the line: skip it.
		if lx.pos < len(src) {
			lx.pos++
		}
		return
	}
	// Find the next line of code and the comment lines before it.
	comments := lx.comments[:0]
	defer func() { lx.comments = comments[:0] }()
	p := lx.pos
	level, next := 0, len(src)
	for p < len(src) {
		p++ // the newline
		ind, ok := lx.indentAt(p)
		if !ok {
			lx.bail()
		}
		q := p + ind
		if q >= len(src) {
			break
		}
		switch src[q] {
		case '\n':
			p = q
			continue
		case '#':
			e := bytes.IndexByte(src[q:], '\n')
			if e < 0 {
				e = len(src)
			} else {
				e += q
			}
			comments = append(comments, commentLine{ind, q, e})
			p = e
			continue
		case '\\':
			lx.bail()
		}
		level, next = ind, q
		break
	}
	top := lx.indents[len(lx.indents)-1]
	if lx.atLine {
		// After a decorator neither NEWLINE nor DEDENT is expected, so the
		// scanner does not skip comment lines; one indented less than
		// the block makes it emit a stray DEDENT (an ERROR).
		for _, c := range comments {
			if c.indent < top {
				lx.bail()
			}
		}
	}
	ci := 0
	if lx.lastKnd == tkOp && lx.lastSym == lx.s.colon {
		// A block opens: INDENT right after the header line, before the
		// comment lines.
		if level <= top || next >= len(src) {
			lx.bail()
		}
		lx.indents = append(lx.indents, level)
		lx.phantom(tkIndent)
	} else {
		lx.phantom(tkNewline)
		for level < top {
			// The scanner holds the DEDENT back while the first comment
			// line ahead is indented at least as deep as the block.
			fc := -1
			if ci < len(comments) {
				fc = comments[ci].indent
			}
			if fc < top {
				lx.phantom(tkDedent)
				lx.indents = lx.indents[:len(lx.indents)-1]
				top = lx.indents[len(lx.indents)-1]
				continue
			}
			lx.emitExtra(lx.s.comment, comments[ci].start, comments[ci].end)
			ci++
		}
		if level != top {
			lx.bail() // unexpected indent or a dedent to no enclosing level
		}
	}
	for ; ci < len(comments); ci++ {
		lx.emitExtra(lx.s.comment, comments[ci].start, comments[ci].end)
	}
	lx.pos = next
	lx.hasCode = false
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// code lexes one token of code.
func (lx *flexer) code() {
	src := lx.src
	c := src[lx.pos]
	if !lx.hasCode {
		lx.atLine = c == '@'
	}
	lx.hasCode = true
	start := lx.pos
	switch {
	case isIdentStart(c):
		p := start + 1
		for p < len(src) && isIdentChar(src[p]) {
			p++
		}
		if p < len(src) {
			if src[p] >= 0x80 {
				lx.bail() // non-ASCII identifier
			}
			if src[p] == '"' || src[p] == '\'' {
				lx.str(start, p)
				return
			}
		}
		word := src[start:p]
		if k, ok := lx.keyword(word); ok {
			lx.setLast(k.kind, k.sym)
			lx.emit(k.kind, k.sym, start, p)
		} else {
			lx.setLast(tkName, lx.s.identifier)
			lx.emit(tkName, lx.s.identifier, start, p)
		}
		lx.pos = p
	case c >= '0' && c <= '9' || c == '.' && start+1 < len(src) && src[start+1] >= '0' && src[start+1] <= '9':
		lx.number()
	case c == '"' || c == '\'':
		lx.str(start, start)
	case c >= 0x80:
		lx.bail()
	default:
		lx.op()
	}
}

func (lx *flexer) setLast(kind uint8, sym uint16) { lx.lastKnd, lx.lastSym = kind, sym }

type fkw struct {
	kind uint8
	sym  uint16
}

// keyword classifies a word. Soft keywords (match, case, type, print,
// exec, _) are names; the parser looks at their text where it matters.
func (lx *flexer) keyword(w []byte) (fkw, bool) {
	s := lx.s
	if len(w) < 2 || len(w) > 8 {
		return fkw{}, false
	}
	var sym uint16
	kind := tkKeyword
	switch string(w) {
	case "False":
		kind, sym = tkFalse, s.false_
	case "None":
		kind, sym = tkNone, s.none
	case "True":
		kind, sym = tkTrue, s.true_
	case "and":
		sym = s.and
	case "as":
		sym = s.as
	case "assert":
		sym = s.assert
	case "async":
		sym = s.async
	case "await":
		sym = s.awaitKw
	case "break":
		sym = s.break_
	case "class":
		sym = s.class
	case "continue":
		sym = s.continue_
	case "def":
		sym = s.def
	case "del":
		sym = s.del
	case "elif":
		sym = s.elif
	case "else":
		sym = s.else_
	case "except":
		sym = s.except
	case "finally":
		sym = s.finally
	case "for":
		sym = s.for_
	case "from":
		sym = s.from
	case "global":
		sym = s.global
	case "if":
		sym = s.if_
	case "import":
		sym = s.import_
	case "in":
		sym = s.in
	case "is":
		sym = s.is
	case "lambda":
		sym = s.lambdaKw
	case "nonlocal":
		sym = s.nonlocal
	case "not":
		sym = s.not
	case "or":
		sym = s.or
	case "pass":
		sym = s.pass
	case "raise":
		sym = s.raise
	case "return":
		sym = s.return_
	case "try":
		sym = s.try_
	case "while":
		sym = s.while_
	case "with":
		sym = s.with
	case "yield":
		sym = s.yieldKw
	default:
		return fkw{}, false
	}
	return fkw{kind, sym}, true
}

// number lexes a numeric literal by CPython's rules and classifies it as
// tree-sitter does (an imaginary literal of digits alone is an integer).
func (lx *flexer) number() {
	src := lx.src
	start, p := lx.pos, lx.pos
	digits := func(ok func(byte) bool) bool { // digit (['_'] digit)*
		if p >= len(src) || !ok(src[p]) {
			return false
		}
		p++
		for p < len(src) {
			if ok(src[p]) {
				p++
			} else if src[p] == '_' && p+1 < len(src) && ok(src[p+1]) {
				p += 2
			} else {
				break
			}
		}
		return true
	}
	dec := func(c byte) bool { return c >= '0' && c <= '9' }
	kind := tkInt
	if src[p] == '0' && p+1 < len(src) && (src[p+1]|0x20 == 'x' || src[p+1]|0x20 == 'o' || src[p+1]|0x20 == 'b') {
		var ok func(byte) bool
		switch src[p+1] | 0x20 {
		case 'x':
			ok = func(c byte) bool { return dec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
		case 'o':
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		p += 2
		if p < len(src) && src[p] == '_' {
			p++
		}
		if !digits(ok) {
			lx.bail()
		}
	} else {
		intPart := digits(dec)
		if intPart {
			// CPython rejects leading zeros in a non-zero decimal integer.
			if src[start] == '0' && bytes.ContainsFunc(src[start:p], func(r rune) bool { return r >= '1' && r <= '9' }) {
				isInt := p >= len(src) || (src[p] != '.' && src[p]|0x20 != 'e' && src[p]|0x20 != 'j')
				if isInt {
					lx.bail()
				}
			}
		}
		if p < len(src) && src[p] == '.' {
			if p+1 < len(src) && src[p+1] == '.' {
				lx.bail() // "1.." and the like
			}
			p++
			kind = tkFloat
			frac := digits(dec)
			if !intPart && !frac {
				lx.bail()
			}
		}
		if p < len(src) && src[p]|0x20 == 'e' {
			p++
			if p < len(src) && (src[p] == '+' || src[p] == '-') {
				p++
			}
			if !digits(dec) {
				lx.bail()
			}
			kind = tkFloat
		}
		if p < len(src) && src[p]|0x20 == 'j' {
			p++
		}
	}
	if p < len(src) && (isIdentChar(src[p]) || src[p] == '.' || src[p] >= 0x80) {
		lx.bail() // "1if", "1.real", "0x1L": tokenizers disagree
	}
	sym := lx.s.integer
	if kind == tkFloat {
		sym = lx.s.float
	}
	lx.setLast(kind, sym)
	lx.emit(kind, sym, start, p)
	lx.pos = p
}

// op lexes an operator or a bracket.
func (lx *flexer) op() {
	src := lx.src
	s := lx.s
	p := lx.pos
	c := src[p]
	var c1, c2 byte
	if p+1 < len(src) {
		c1 = src[p+1]
	}
	if p+2 < len(src) {
		c2 = src[p+2]
	}
	n, sym, kind := 1, uint16(0), tkOp
	switch c {
	case '(', '[', '{':
		sym = [...]uint16{s.lparen, s.lbrack, s.lbrace}[bracketIndex(c)]
		lx.depth++
	case ')', ']', '}':
		sym = [...]uint16{s.rparen, s.rbrack, s.rbrace}[bracketIndex(c)]
		lx.depth--
	case ',':
		sym = s.comma
	case ';':
		sym = s.semi
	case '~':
		sym = s.tilde
	case '.':
		if c1 == '.' && c2 == '.' {
			n, sym, kind = 3, s.ellipsis, tkEllipsis
		} else {
			sym = s.dot
		}
	case ':':
		if c1 == '=' {
			n, sym = 2, s.walrus
		} else {
			sym = s.colon
		}
	case '=':
		if c1 == '=' {
			n, sym = 2, s.eqeq
		} else {
			sym = s.eq
		}
	case '!':
		if c1 != '=' {
			lx.bail()
		}
		n, sym = 2, s.ne
	case '-':
		switch c1 {
		case '>':
			n, sym = 2, s.arrow
		case '=':
			n, sym = 2, s.augOps[1]
		default:
			sym = s.minus
		}
	case '<', '>', '*', '/', '+', '@', '%', '&', '^', '|':
		// c, c=, and for some cc and cc=
		f := opForms(c, s)
		switch {
		case c == '<' && c1 == '>':
			lx.bail() // Python 2's <>
		case c1 == c && f[2] != 0 && c2 == '=':
			n, sym = 3, f[3]
		case c1 == c && f[2] != 0:
			n, sym = 2, f[2]
		case c1 == '=':
			n, sym = 2, f[1]
		default:
			sym = f[0]
		}
	default:
		lx.bail() // '$', '?', '`' ...
	}
	if lx.depth < 0 {
		lx.bail()
	}
	lx.setLast(kind, sym)
	lx.emit(kind, sym, p, p+n)
	lx.pos = p + n
}

// bracketIndex numbers the kinds of brackets: 0 for ( ), 1 for [ ], 2
// for { }.
func bracketIndex(c byte) int {
	switch c {
	case '(', ')':
		return 0
	case '[', ']':
		return 1
	}
	return 2
}

// opForms returns the symbols of the operators spelled c, c=, cc and cc=
// (0 where there is none).
func opForms(c byte, s *fpSymbols) [4]uint16 {
	switch c {
	case '<':
		return [4]uint16{s.lt, s.le, s.lshift, s.augOps[9]}
	case '>':
		return [4]uint16{s.gt, s.ge, s.rshift, s.augOps[8]}
	case '*':
		return [4]uint16{s.star, s.augOps[2], s.starstar, s.augOps[7]}
	case '/':
		return [4]uint16{s.slash, s.augOps[3], s.slashslash, s.augOps[5]}
	case '+':
		return [4]uint16{s.plus, s.augOps[0]}
	case '@':
		return [4]uint16{s.at, s.augOps[4]}
	case '%':
		return [4]uint16{s.percent, s.augOps[6]}
	case '&':
		return [4]uint16{s.amp, s.augOps[10]}
	case '^':
		return [4]uint16{s.caret, s.augOps[11]}
	default:
		return [4]uint16{s.pipe, s.augOps[12]}
	}
}

// String delimiter flags (as tree-sitter's scanner keeps them).
const (
	sfRaw = 1 << iota
	sfFormat
	sfBytes
	sfTriple
)

// str lexes a string literal whose prefix is src[start:q] and whose quote
// is at q.
func (lx *flexer) str(start, q int) {
	src := lx.src
	flags := 0
	switch prefixKey(src[start:q]) {
	case "":
	case "r":
		flags = sfRaw
	case "u":
	case "f":
		flags = sfFormat
	case "b":
		flags = sfBytes
	case "br", "rb":
		flags = sfBytes | sfRaw
	case "fr", "rf":
		flags = sfFormat | sfRaw
	default:
		lx.bail() // an identifier glued to a string, or "ur"
	}
	quote := src[q]
	for _, e := range lx.quotes {
		if e == quote {
			lx.bail() // a quote of an enclosing f-string (valid only in 3.12)
		}
	}
	p := q + 1
	if p+1 < len(src) && src[p] == quote && src[p+1] == quote {
		flags |= sfTriple
		p += 2
	}
	lx.hasCode = true
	lx.setLast(tkStrStart, lx.s.strStart)
	lx.emit(tkStrStart, lx.s.strStart, start, p)
	lx.pos = p
	if len(lx.quotes) >= maxFStringNest {
		lx.bail()
	}
	lx.quotes = append(lx.quotes, quote)
	lx.strBody(quote, flags)
	lx.quotes = lx.quotes[:len(lx.quotes)-1]
	lx.setLast(tkStrEnd, lx.s.strEnd)
}

func prefixKey(p []byte) string {
	if len(p) > 2 {
		return "?"
	}
	var b [2]byte
	for i, c := range p {
		b[i] = c | 0x20
	}
	return string(b[:len(p)])
}

// strBody lexes a string after its start up to and including its end.
func (lx *flexer) strBody(quote byte, flags int) {
	src := lx.src
	s := lx.s
	run := -1 // index of the open string_content token, or -1
	open := func(at int) {
		if run < 0 {
			lx.toks = append(lx.toks, ftok{start: uint32(at), kind: tkStrContent, sym: s.strContent})
			run = len(lx.toks) - 1
		}
	}
	kid := func(sym uint16, a, b int) {
		open(a)
		lx.toks = append(lx.toks, ftok{start: uint32(a), end: uint32(b), kind: tkStrKid, sym: sym})
		lx.toks[run].n++
	}
	closeRun := func(at int) {
		if run >= 0 {
			lx.toks[run].end = uint32(at)
			run = -1
		}
	}
	// Raw strings: tree-sitter's scanner steps over a backslash and the
	// quote or backslash after it without counting them as content; a
	// scan that meets the end (or a brace) having consumed only such pairs
	// yields a broken token. scanHas/scanUsed follow one scan.
	scanHas, scanUsed := false, false
	resetScan := func() { scanHas, scanUsed = false, false }
	raw, format, bytesStr, triple := flags&sfRaw != 0, flags&sfFormat != 0, flags&sfBytes != 0, flags&sfTriple != 0
	end := func(at, n int) {
		if raw && scanUsed && !scanHas {
			lx.bail()
		}
		closeRun(at)
		lx.emit(tkStrEnd, s.strEnd, at, at+n)
		lx.pos = at + n
	}

	p := lx.pos
	for {
		if p >= len(src) {
			lx.bail()
		}
		c := src[p]
		switch {
		case format && (c == '{' || c == '}'):
			if raw && scanUsed && !scanHas {
				lx.bail()
			}
			if p+1 < len(src) && src[p+1] == c {
				kid(s.escInterp, p, p+2)
				p += 2
				resetScan()
				continue
			}
			if c == '}' {
				lx.bail()
			}
			closeRun(p)
			lx.pos = p
			lx.interpolation(0)
			p = lx.pos
			resetScan()
		case c == '\\':
			if raw {
				open(p)
				p++
				// As the scanner: an escaped quote or backslash, then a
				// newline, none of them counted as content.
				if p < len(src) && (src[p] == quote || src[p] == '\\') {
					p++
				}
				if p < len(src) && src[p] == '\n' {
					p++
				}
				scanUsed = true
				continue
			}
			n := escapeLen(src[p:], bytesStr)
			switch {
			case n < 0:
				lx.bail()
			case n == 0:
				if p+1 < len(src) && src[p+1] >= 0x80 {
					lx.bail() // keep a lone backslash to ASCII neighbours
				}
				kid(s.backslash, p, p+1)
				p++
			default:
				kid(s.escape, p, p+n)
				p += n
			}
			resetScan()
		case c == quote:
			if triple {
				if p+2 < len(src) && src[p+1] == quote && src[p+2] == quote {
					end(p, 3)
					return
				}
				// One or two quotes inside: content, and a new scan.
				open(p)
				p++
				if p < len(src) && src[p] == quote {
					p++
				}
				resetScan()
				continue
			}
			end(p, 1)
			return
		case c == '\n' && !triple:
			lx.bail()
		default:
			open(p)
			p++
			scanHas, scanUsed = true, true
		}
	}
}

// escapeLen is the length of the escape sequence at b (b[0] == '\\') as
// tree-sitter's escape_sequence token matches it, 0 for a backslash that
// starts none, -1 for escapes CPython rejects or reads differently.
func escapeLen(b []byte, isBytes bool) int {
	if len(b) < 2 {
		return -1
	}
	hex := func(n int) int {
		if len(b) < 2+n {
			return -1
		}
		for _, c := range b[2 : 2+n] {
			if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f') {
				return -1
			}
		}
		return 2 + n
	}
	switch c := b[1]; c {
	case 'x':
		return hex(2)
	case 'u', 'U', 'N':
		if isBytes {
			return -1 // the scanner reads these as content, unevenly
		}
		switch c {
		case 'u':
			return hex(4)
		case 'U':
			return hex(8)
		}
		return -1 // \N{...}: names tree-sitter cannot check
	case '\n', '\'', '"', 'a', 'b', 'f', 'r', 'n', 't', 'v', '\\':
		return 2
	}
	if b[1] >= '0' && b[1] <= '9' {
		n := 1
		for n < 3 && 1+n < len(b) && b[1+n] >= '0' && b[1+n] <= '9' {
			n++
		}
		for _, c := range b[1 : 1+n] {
			if c > '7' {
				return -1 // tree-sitter takes \8 and \128 as one escape
			}
		}
		return 1 + n
	}
	return 0
}

// interpolation lexes a replacement field from its '{' to its '}'.
// nest counts the format specs it is inside.
func (lx *flexer) interpolation(nest int) {
	src := lx.src
	s := lx.s
	start := lx.pos
	lx.emit(tkInterpOpen, s.lbrace, start, start+1)
	lx.pos++
	depth0 := lx.depth
	seenEq := false
	for {
		for lx.pos < len(src) && src[lx.pos] == ' ' {
			lx.pos++
		}
		if lx.pos >= len(src) {
			lx.bail()
		}
		p := lx.pos
		c := src[p]
		atTop := lx.depth == depth0
		switch {
		case c == '\n' || c == '\\' || c == '#' || c == '\t' || c == '\f' || c == '\v':
			lx.bail() // not allowed in a 3.11 replacement field
		case atTop && c == '}':
			lx.emit(tkInterpClose, s.rbrace, p, p+1)
			lx.pos = p + 1
			return
		case atTop && c == ':':
			if p+1 < len(src) && src[p+1] == '=' {
				lx.bail() // f"{x:=5}": CPython's format spec, tree-sitter's walrus
			}
			lx.emit(tkSpecColon, s.colon, p, p+1)
			lx.pos = p + 1
			lx.formatSpec(nest)
			return
		case atTop && c == '!' && !(p+1 < len(src) && src[p+1] == '='):
			if p+2 >= len(src) || (src[p+1] != 'r' && src[p+1] != 's' && src[p+1] != 'a') || (src[p+2] != '}' && src[p+2] != ':') {
				lx.bail()
			}
			lx.emit(tkConv, s.typeConv, p, p+2)
			lx.pos = p + 2
			if src[p+2] == ':' {
				lx.emit(tkSpecColon, s.colon, p+2, p+3)
				lx.pos = p + 3
				lx.formatSpec(nest)
				return
			}
		case atTop && c == '=' && !(p+1 < len(src) && src[p+1] == '='):
			if seenEq {
				lx.bail()
			}
			seenEq = true
			lx.emit(tkSelfDoc, s.eq, p, p+1)
			lx.pos = p + 1
		default:
			if seenEq {
				lx.bail() // only a conversion, a spec or the end after '='
			}
			if atTop && isIdentStart(c) && bytes.HasPrefix(src[p:], []byte("lambda")) &&
				(p+6 >= len(src) || !isIdentChar(src[p+6])) {
				lx.bail() // an unparenthesised lambda ends at ':' in CPython
			}
			lx.code()
			if lx.depth < depth0 {
				lx.bail()
			}
		}
	}
}

// formatSpec lexes a format spec after its ':' up to and including the
// '}' that closes the replacement field.
func (lx *flexer) formatSpec(nest int) {
	src := lx.src
	for {
		p := lx.pos
		if p >= len(src) {
			lx.bail()
		}
		switch c := src[p]; c {
		case '}':
			lx.emit(tkInterpClose, lx.s.rbrace, p, p+1)
			lx.pos = p + 1
			return
		case '{':
			if nest > 0 || p+1 < len(src) && src[p+1] == '{' {
				lx.bail()
			}
			lx.interpolation(nest + 1)
		default:
			// The spec text is one hidden token; tree-sitter skips the
			// whitespace before it as it does between any tokens.
			q := p
			for q < len(src) && src[q] == ' ' {
				q++
			}
			e := q
			for e < len(src) && src[e] != '{' && src[e] != '}' {
				switch src[e] {
				case '\n', '\\', '\'', '"', '\t', '\f', '\v':
					lx.bail()
				}
				e++
			}
			if e == q {
				lx.bail() // only whitespace: tree-sitter's spec range ends early
			}
			lx.emit(tkSpecText, 0, q, e)
			lx.pos = e
		}
	}
}
