package analysis

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/stelp-dev/stelp/policy"
)

// The fast parser: a hand-written lexer and recursive-descent parser for
// the Python that real code is made of, writing the same flat tree that
// tree-sitter and flatten produce for the same source (kinds, fields,
// symbol ids, byte ranges, anonymous tokens and comment placement), in a
// fraction of the time. Tree-sitter stays the reference and the fallback:
// the fast parser bails out (errFastBail) on any syntax error, on whatever
// it does not reproduce with certainty, and on the constructs tree-sitter
// reads differently from CPython (repaired in parse.go, or not at all).
// A tree that differs from tree-sitter's without a bail would make the
// rules see code other than what runs: fastparse_test.go checks every
// fixture, the corpora and fuzzed inputs node by node.
//
// Expressions follow CPython's grammar and precedence, which is also
// tree-sitter's except where noted (`&` and `^` are swapped in the
// grammar: mixing them bails). Nodes are built in an arena in the order
// they complete, then written out in pre-order with the comments placed as
// tree-sitter's parser places extras: in the deepest node whose children
// (hidden NEWLINE/INDENT/DEDENT tokens included) surround them.

// errFastBail: the fast parser does not handle the source; parse it with
// tree-sitter.
var errFastBail = errors.New("fast parse: not handled")

// fastParsePanics makes the fast parser re-raise panics other than bails
// (tests set it, so that fuzzing finds them); otherwise a panic is a bail.
var fastParsePanics = false

// maxFastDepth bounds the parser's recursion: deeper code bails instead of
// growing the stack.
const maxFastDepth = 120

// anode is a node of the arena: children are linked in order.
type anode struct {
	start, end        uint32
	first, last, next int32
	tok0, tok1        int32 // first and last token under the node
	sym               uint16
	field             uint8
	flags             uint8
}

// afHidden marks a hidden token: never written, but it bounds its parent.
const afHidden = 1

type fparser struct {
	lx     flexer
	toks   []ftok
	p      int
	a      []anode
	s      *fpSymbols
	src    []byte
	depth  int
	stack  []emitFrame
	target []int32 // scratch for statement items
}

var fparsers = sync.Pool{New: func() any { return new(fparser) }}

// fastParse parses src into flat nodes, appending to buf[:0]. It returns
// errFastBail when the source must go to tree-sitter.
func fastParse(src []byte, buf []node) (nodes []node, err error) {
	s := fastSymbols()
	if s == nil {
		return nil, errFastBail
	}
	if len(src) >= 1<<31 {
		return nil, errFastBail
	}
	p := fparsers.Get().(*fparser)
	defer func() {
		if r := recover(); r != nil {
			if r != errFastBail && fastParsePanics {
				panic(r)
			}
			nodes, err = nil, errFastBail
		}
		p.release()
		fparsers.Put(p)
	}()
	p.reset(src, s)
	p.lx.lex()
	p.toks = p.lx.toks
	root := p.module()
	_, tables := python()
	return p.emit(root, buf[:0], tables), nil
}

func (p *fparser) reset(src []byte, s *fpSymbols) {
	p.src, p.s = src, s
	p.lx = flexer{src: src, s: s, toks: p.lx.toks[:0], extras: p.lx.extras[:0], indents: p.lx.indents[:0],
		quotes: p.lx.quotes[:0], comments: p.lx.comments[:0]}
	p.p, p.depth = 0, 0
	p.a = p.a[:0]
}

// release drops references to the source; the scratch slices stay for
// the next parse.
func (p *fparser) release() {
	p.src, p.lx.src, p.toks = nil, nil, nil
}

func (p *fparser) bail() { fastBail() }

// fastBailSite holds where the last bail happened (a string; tests only:
// it is set when fastParsePanics is).
var fastBailSite atomic.Value

func fastBail() {
	if fastParsePanics {
		_, file, line, _ := runtime.Caller(2)
		fastBailSite.Store(fmt.Sprintf("%s:%d", filepath.Base(file), line))
	}
	panic(errFastBail)
}

func (p *fparser) enter() {
	p.depth++
	if p.depth > maxFastDepth {
		p.bail()
	}
}

// exit leaves a level entered with enter and returns n. A bail does not
// leave: the next parse resets the depth.
func (p *fparser) exit(n int32) int32 {
	p.depth--
	return n
}

// --- tokens

func (p *fparser) tok() *ftok { return &p.toks[p.p] }

func (p *fparser) peek(k int) *ftok {
	if p.p+k < len(p.toks) {
		return &p.toks[p.p+k]
	}
	return &p.toks[len(p.toks)-1]
}

// is reports whether the current token is the operator or keyword sym.
func (p *fparser) is(sym uint16) bool {
	t := &p.toks[p.p]
	return t.sym == sym && (t.kind == tkOp || t.kind == tkKeyword)
}

func (p *fparser) isAt(k int, sym uint16) bool {
	t := p.peek(k)
	return t.sym == sym && (t.kind == tkOp || t.kind == tkKeyword)
}

func (p *fparser) kind() uint8 { return p.toks[p.p].kind }

func (p *fparser) text(t *ftok) string { return string(p.src[t.start:t.end]) }

// isName reports a name token spelled w.
func (p *fparser) isName(t *ftok, w string) bool {
	return t.kind == tkName && int(t.end-t.start) == len(w) && string(p.src[t.start:t.end]) == w
}

// softKeyword reports names that are keywords somewhere in tree-sitter's
// grammar; where the fast parser does not know how the grammar reads
// them, it bails.
func (p *fparser) softKeyword(t *ftok) bool {
	if t.kind != tkName {
		return false
	}
	switch string(p.src[t.start:t.end]) {
	case "print", "exec", "match", "case", "type", "__future__":
		return true
	}
	return false
}

// --- arena

func (p *fparser) newNode(sym uint16) int32 {
	p.a = append(p.a, anode{first: -1, last: -1, next: -1, tok0: -1, tok1: -1, sym: sym})
	return int32(len(p.a) - 1)
}

// leafAt makes a node of token i.
func (p *fparser) leafAt(i int) int32 {
	t := &p.toks[i]
	n := p.newNode(t.sym)
	a := &p.a[n]
	a.start, a.end, a.tok0, a.tok1 = t.start, t.end, int32(i), int32(i)
	switch t.kind {
	case tkNewline, tkIndent, tkDedent, tkSpecText:
		a.flags = afHidden
	}
	return n
}

// take makes a node of the current token and moves past it.
func (p *fparser) take() int32 {
	n := p.leafAt(p.p)
	if p.p < len(p.toks)-1 {
		p.p++
	}
	return n
}

func (p *fparser) expect(sym uint16) int32 {
	if !p.is(sym) {
		p.bail()
	}
	return p.take()
}

func (p *fparser) expectKind(k uint8) int32 {
	if p.kind() != k {
		p.bail()
	}
	return p.take()
}

// add appends child c (in field f) to n and extends n over it.
func (p *fparser) add(n, c int32, f uint8) {
	a, ch := &p.a[n], &p.a[c]
	ch.field = f
	if a.first < 0 {
		a.first = c
		a.start, a.tok0 = ch.start, ch.tok0
	} else {
		p.a[a.last].next = c
	}
	a.last = c
	a.end, a.tok1 = ch.end, ch.tok1
}

func (p *fparser) wrap(sym uint16, c int32, f uint8) int32 {
	n := p.newNode(sym)
	p.add(n, c, f)
	return n
}

// childSym returns the symbol of n's k-th child (0 if none).
func (p *fparser) childSym(n int32, k int) uint16 {
	c := p.a[n].first
	for ; c >= 0 && k > 0; k-- {
		c = p.a[c].next
	}
	if c < 0 {
		return 0
	}
	return p.a[c].sym
}

// --- statements

func (p *fparser) module() int32 {
	m := p.newNode(p.s.module)
	for p.kind() != tkEOF {
		p.statement(m)
	}
	if p.a[m].first < 0 {
		p.bail()
	}
	return m
}

// statement parses one statement (or one line of simple statements) into
// parent.
func (p *fparser) statement(parent int32) {
	s := p.s
	t := p.tok()
	if t.kind == tkKeyword {
		switch t.sym {
		case s.if_:
			p.add(parent, p.ifStatement(), 0)
			return
		case s.for_, s.while_, s.try_, s.with, s.def, s.class:
			p.add(parent, p.compound(-1), 0)
			return
		case s.async:
			a := p.take()
			if !p.is(s.for_) && !p.is(s.with) && !p.is(s.def) {
				p.bail()
			}
			p.add(parent, p.compound(a), 0)
			return
		}
	}
	if t.kind == tkOp && t.sym == s.at {
		p.add(parent, p.decorated(), 0)
		return
	}
	p.simpleStatements(parent)
}

// simpleStatements parses `stmt (; stmt)* [;] NEWLINE` into parent.
func (p *fparser) simpleStatements(parent int32) {
	for {
		p.add(parent, p.simpleStatement(), 0)
		if p.is(p.s.semi) {
			p.add(parent, p.take(), 0)
			if p.kind() != tkNewline {
				continue
			}
		}
		p.add(parent, p.expectKind(tkNewline), 0)
		return
	}
}

func (p *fparser) atStmtEnd() bool {
	k := p.kind()
	return k == tkNewline || k == tkEOF || k == tkDedent || k == tkIndent || p.is(p.s.semi)
}

// suite parses a block after ':' for owner: an indented block (whose
// INDENT belongs to owner) or simple statements on the same line.
func (p *fparser) suite(owner int32) int32 {
	p.enter()
	b := p.newNode(p.s.block)
	if p.kind() == tkIndent {
		p.add(owner, p.take(), 0)
		for p.kind() != tkDedent {
			if p.kind() == tkEOF {
				p.bail()
			}
			p.statement(b)
		}
		p.add(b, p.take(), 0)
		return p.exit(b)
	}
	p.simpleStatements(b)
	return p.exit(b)
}

func (p *fparser) colonSuite(n int32, f uint8) {
	p.add(n, p.expect(p.s.colon), 0)
	p.add(n, p.suite(n), f)
}

func (p *fparser) ifStatement() int32 {
	s := p.s
	n := p.newNode(s.ifStmt)
	p.add(n, p.take(), 0)
	p.add(n, p.expression(true), s.fCondition)
	p.colonSuite(n, s.fConsequence)
	for p.is(s.elif) {
		e := p.newNode(s.elifClause)
		p.add(e, p.take(), 0)
		p.add(e, p.expression(true), s.fCondition)
		p.colonSuite(e, s.fConsequence)
		p.add(n, e, s.fAlternative)
	}
	if p.is(s.else_) {
		p.add(n, p.elseClause(), s.fAlternative)
	}
	return n
}

func (p *fparser) elseClause() int32 {
	e := p.newNode(p.s.elseClause)
	p.add(e, p.take(), 0)
	p.colonSuite(e, p.s.fBody)
	return e
}

// compound parses for, while, try, with, def and class statements; async
// is the node of a leading `async`, or -1.
func (p *fparser) compound(async int32) int32 {
	s := p.s
	kw := p.tok().sym
	var n int32
	switch kw {
	case s.for_:
		n = p.newNode(s.forStmt)
	case s.while_:
		n = p.newNode(s.whileStmt)
	case s.try_:
		n = p.newNode(s.tryStmt)
	case s.with:
		n = p.newNode(s.withStmt)
	case s.def:
		n = p.newNode(s.funcDef)
	default:
		n = p.newNode(s.classDef)
	}
	if async >= 0 {
		p.add(n, async, 0)
	}
	p.add(n, p.take(), 0)
	switch kw {
	case s.for_:
		p.add(n, p.targets(s.in), s.fLeft)
		p.add(n, p.expect(s.in), 0)
		p.add(n, p.expressions(), s.fRight)
		p.colonSuite(n, s.fBody)
		if p.is(s.else_) {
			p.add(n, p.elseClause(), s.fAlternative)
		}
	case s.while_:
		p.add(n, p.expression(true), s.fCondition)
		p.colonSuite(n, s.fBody)
		if p.is(s.else_) {
			p.add(n, p.elseClause(), s.fAlternative)
		}
	case s.try_:
		p.colonSuite(n, s.fBody)
		handlers := 0
		for p.is(s.except) {
			p.add(n, p.exceptClause(), 0)
			handlers++
		}
		if p.is(s.else_) {
			if handlers == 0 {
				p.bail()
			}
			p.add(n, p.elseClause(), 0)
		}
		if p.is(s.finally) {
			f := p.newNode(s.finallyClause)
			p.add(f, p.take(), 0)
			p.colonSuite(f, 0)
			p.add(n, f, 0)
			handlers++
		}
		if handlers == 0 {
			p.bail()
		}
	case s.with:
		if p.is(s.lparen) {
			p.bail() // parenthesised with items or a tuple: ambiguous
		}
		c := p.newNode(s.withClause)
		for {
			item := p.newNode(s.withItem)
			v := p.expression(false)
			if p.is(s.as) {
				v = p.asPattern(v, false)
			}
			p.add(item, v, s.fValue)
			p.add(c, item, 0)
			if !p.is(s.comma) {
				break
			}
			p.add(c, p.take(), 0)
		}
		p.add(n, c, 0)
		p.colonSuite(n, s.fBody)
	case s.def:
		p.add(n, p.expectKind(tkName), s.fName)
		p.add(n, p.parameters(), s.fParameters)
		if p.is(s.arrow) {
			p.add(n, p.take(), 0)
			p.add(n, p.typeExpr(), s.fReturnType)
			if p.is(s.colon) && p.peek(1).kind == tkName {
				// `-> T: x[0]` on one line: tree-sitter tries to read
				// T: x[0] as a constrained_type and ends in an ERROR.
				p.bail()
			}
		}
		p.colonSuite(n, s.fBody)
	default: // class
		if async >= 0 {
			p.bail()
		}
		p.add(n, p.expectKind(tkName), s.fName)
		if p.is(s.lparen) {
			p.add(n, p.arguments(false), s.fSuperclasses)
		}
		p.colonSuite(n, s.fBody)
	}
	return n
}

func (p *fparser) exceptClause() int32 {
	s := p.s
	e := p.newNode(s.exceptClause)
	p.add(e, p.take(), 0)
	if p.is(s.star) {
		p.bail() // except*
	}
	if !p.is(s.colon) {
		v := p.expression(false)
		if p.is(s.as) {
			v = p.asPattern(v, true)
		}
		p.add(e, v, 0)
	}
	p.colonSuite(e, 0)
	return e
}

// asPattern parses `as target` after v. In an except clause the target
// is a name.
func (p *fparser) asPattern(v int32, nameOnly bool) int32 {
	s := p.s
	if sym := p.a[v].sym; sym == s.condExpr || sym == s.lambda {
		// tree-sitter reads `a if b else c as d` as a if b else (c as d).
		p.bail()
	}

	ap := p.newNode(s.asPattern)
	p.add(ap, v, 0)
	p.add(ap, p.take(), 0)
	var t int32
	if nameOnly {
		t = p.expectKind(tkName)
	} else {
		t = p.primary()
		switch p.a[t].sym {
		case s.identifier, s.attribute, s.subscript, s.tuple, s.list:
		default:
			p.bail()
		}
	}
	p.add(ap, p.wrap(s.asPatternTarget, t, 0), s.fAlias)
	return ap
}

func (p *fparser) decorated() int32 {
	s := p.s
	n := p.newNode(s.decorated)
	for p.is(s.at) {
		d := p.newNode(s.decorator)
		p.add(d, p.take(), 0)
		p.add(d, p.expression(true), 0)
		p.add(d, p.expectKind(tkNewline), 0)
		p.add(n, d, 0)
	}
	async := int32(-1)
	if p.is(s.async) {
		async = p.take()
		if !p.is(s.def) {
			p.bail()
		}
	}
	if !p.is(s.def) && !p.is(s.class) {
		p.bail()
	}
	p.add(n, p.compound(async), s.fDefinition)
	return n
}

// parameters parses a def's parameter list, parentheses included.
func (p *fparser) parameters() int32 {
	s := p.s
	n := p.newNode(s.parameters)
	p.add(n, p.expect(s.lparen), 0)
	p.paramList(n, s.rparen, true)
	p.add(n, p.expect(s.rparen), 0)
	return n
}

// paramList parses parameters up to (not including) the closing token.
func (p *fparser) paramList(n int32, closing uint16, typed bool) {
	s := p.s
	for !p.is(closing) {
		var prm int32
		switch {
		case p.is(s.star) && (p.isAt(1, s.comma) || p.isAt(1, closing)):
			prm = p.wrap(s.kwSep, p.take(), 0)
		case p.is(s.slash):
			prm = p.wrap(s.posSep, p.take(), 0)
		case p.is(s.star) || p.is(s.starstar):
			sym := s.listSplatPattern
			if p.is(s.starstar) {
				sym = s.dictSplatPattern
			}
			prm = p.newNode(sym)
			p.add(prm, p.take(), 0)
			p.add(prm, p.paramName(), 0)
			if typed && p.is(s.colon) {
				tp := p.newNode(s.typedParam)
				p.add(tp, prm, 0)
				p.add(tp, p.take(), 0)
				p.add(tp, p.typeExpr(), s.fType)
				prm = tp
			}
		default:
			name := p.paramName()
			switch {
			case typed && p.is(s.colon):
				colon := p.take()
				ty := p.typeExpr()
				if p.is(s.eq) {
					prm = p.newNode(s.typedDefaultParam)
					p.add(prm, name, s.fName)
					p.add(prm, colon, 0)
					p.add(prm, ty, s.fType)
					p.add(prm, p.take(), 0)
					p.add(prm, p.expression(false), s.fValue)
				} else {
					prm = p.newNode(s.typedParam)
					p.add(prm, name, 0)
					p.add(prm, colon, 0)
					p.add(prm, ty, s.fType)
				}
			case p.is(s.eq):
				prm = p.newNode(s.defaultParam)
				p.add(prm, name, s.fName)
				p.add(prm, p.take(), 0)
				p.add(prm, p.expression(false), s.fValue)
			default:
				prm = name
			}
		}
		p.add(n, prm, 0)
		if !p.is(s.comma) {
			break
		}
		p.add(n, p.take(), 0)
	}
}

func (p *fparser) paramName() int32 { return p.expectKind(tkName) }

// typeExpr parses an annotation into a `type` node: tree-sitter reads
// `Name[...]` as a generic_type whose parameters are types again, and
// anything else as an expression.
func (p *fparser) typeExpr() int32 {
	s := p.s
	p.enter()
	t := p.newNode(s.typ)
	if p.kind() == tkName && p.isAt(1, s.lbrack) {
		if p.softKeyword(p.tok()) {
			p.bail()
		}
		g := p.newNode(s.genericType)
		p.add(g, p.take(), 0)
		tp := p.newNode(s.typeParam)
		p.add(tp, p.take(), 0)
		for {
			p.add(tp, p.typeExpr(), 0)
			if !p.more(tp, s.rbrack) {
				break
			}
		}
		p.add(tp, p.expect(s.rbrack), 0)
		p.add(g, tp, 0)
		if p.is(s.dot) || p.is(s.lparen) || p.is(s.lbrack) {
			p.bail()
		}
		if !p.is(s.pipe) {
			p.add(t, g, 0)
			return p.exit(t)
		}
		u := p.newNode(s.unionType)
		p.add(u, p.wrap(s.typ, g, 0), 0)
		p.add(u, p.take(), 0)
		r := p.typeExpr()
		if p.childSym(r, 0) == s.unionType {
			p.bail() // A[x] | B[y] | C: tree-sitter's grouping is not checked
		}
		p.add(u, r, 0)
		p.add(t, u, 0)
		return p.exit(t)
	}
	p.add(t, p.expression(false), 0)
	return p.exit(t)
}

func (p *fparser) simpleStatement() int32 {
	s := p.s
	t := p.tok()
	if t.kind == tkKeyword {
		switch t.sym {
		case s.pass:
			return p.wrap(s.passStmt, p.take(), 0)
		case s.break_:
			return p.wrap(s.breakStmt, p.take(), 0)
		case s.continue_:
			return p.wrap(s.continueStmt, p.take(), 0)
		case s.return_:
			n := p.wrap(s.returnStmt, p.take(), 0)
			if !p.atStmtEnd() {
				p.add(n, p.expressions(), 0)
			}
			return n
		case s.raise:
			n := p.wrap(s.raiseStmt, p.take(), 0)
			if !p.atStmtEnd() {
				p.add(n, p.expression(false), 0)
				if p.is(s.from) {
					p.add(n, p.take(), 0)
					p.add(n, p.expression(false), s.fCause)
				}
			}
			return n
		case s.global, s.nonlocal:
			sym := s.globalStmt
			if t.sym == s.nonlocal {
				sym = s.nonlocalStmt
			}
			n := p.wrap(sym, p.take(), 0)
			for {
				p.add(n, p.expectKind(tkName), 0)
				if !p.is(s.comma) {
					break
				}
				p.add(n, p.take(), 0)
			}
			return n
		case s.del:
			n := p.wrap(s.deleteStmt, p.take(), 0)
			p.add(n, p.expressions(), 0)
			return n
		case s.assert:
			n := p.wrap(s.assertStmt, p.take(), 0)
			p.add(n, p.expression(false), 0)
			if p.is(s.comma) {
				p.add(n, p.take(), 0)
				p.add(n, p.expression(false), 0)
			}
			return n
		case s.import_:
			n := p.wrap(s.importStmt, p.take(), 0)
			p.importList(n, true, false)
			return n
		case s.from:
			return p.fromImport()
		}
	}
	if t.kind == tkName && p.softKeyword(t) {
		// print/exec statements, match statements and type aliases are
		// parsed by tree-sitter; as plain names, only forms that cannot
		// start one of those stay here.
		next := p.peek(1)
		// type(a).x = 1 reads as a type alias statement in tree-sitter.
		ok := next.kind == tkNewline || next.kind == tkOp && (next.sym == s.dot || next.sym == s.eq || next.sym == s.semi ||
			next.sym == s.lparen && !p.isName(t, "match") && !p.isName(t, "type"))
		if !ok || p.isName(t, "__future__") || p.isName(t, "case") {
			p.bail()
		}
	}
	return p.expressionStatement()
}

// importList parses `name [as alias], ...` into n (dotted names when
// dotted is set, for `import`; single names after `from ... import`,
// where parens allows a trailing comma).
func (p *fparser) importList(n int32, dotted, parens bool) {
	s := p.s
	for {
		var name int32
		if dotted {
			name = p.dottedName()
		} else {
			if p.kind() != tkName || p.softKeyword(p.tok()) {
				p.bail()
			}
			name = p.wrap(s.dottedName, p.take(), 0)
		}
		if p.is(s.as) {
			ai := p.newNode(s.aliasedImport)
			p.add(ai, name, s.fName)
			p.add(ai, p.take(), 0)
			if p.kind() != tkName || p.softKeyword(p.tok()) {
				p.bail()
			}
			p.add(ai, p.take(), s.fAlias)
			name = ai
		}
		p.add(n, name, s.fName)
		if !p.is(s.comma) {
			return
		}
		p.add(n, p.take(), 0)
		if parens && p.is(s.rparen) {
			return
		}
	}
}

func (p *fparser) dottedName() int32 {
	s := p.s
	d := p.newNode(s.dottedName)
	for {
		if p.kind() != tkName || p.softKeyword(p.tok()) {
			p.bail()
		}
		p.add(d, p.take(), 0)
		if !p.is(s.dot) {
			return d
		}
		p.add(d, p.take(), 0)
	}
}

func (p *fparser) fromImport() int32 {
	s := p.s
	from := p.take()
	if p.isName(p.tok(), "__future__") {
		n := p.wrap(s.futureImport, from, 0)
		t := p.take()
		p.a[t].sym, p.a[t].flags = s.future, 0
		p.add(n, t, 0)
		p.add(n, p.expect(s.import_), 0)
		p.importNames(n)
		return n
	}
	n := p.wrap(s.importFrom, from, 0)
	var mod int32
	if p.is(s.dot) || p.kind() == tkEllipsis {
		mod = p.newNode(s.relImport)
		pre := p.newNode(s.importPrefix)
		for p.is(s.dot) || p.kind() == tkEllipsis {
			if p.kind() == tkEllipsis {
				// tree-sitter lexes the dots of a relative import one by one.
				t := p.tok()
				for k := uint32(0); k < 3; k++ {
					d := p.newNode(s.dot)
					a := &p.a[d]
					a.start, a.end, a.tok0, a.tok1 = t.start+k, t.start+k+1, int32(p.p), int32(p.p)
					p.add(pre, d, 0)
				}
				p.p++
				continue
			}
			p.add(pre, p.take(), 0)
		}
		p.add(mod, pre, 0)
		if p.kind() == tkName {
			p.add(mod, p.dottedName(), 0)
		}
	} else {
		mod = p.dottedName()
	}
	p.add(n, mod, s.fModuleName)
	p.add(n, p.expect(s.import_), 0)
	if p.is(s.star) {
		p.add(n, p.wrap(s.wildcardImport, p.take(), 0), 0)
		return n
	}
	p.importNames(n)
	return n
}

// importNames parses the names after `from ... import`, parenthesised or
// not.
func (p *fparser) importNames(n int32) {
	s := p.s
	if p.is(s.lparen) {
		p.add(n, p.take(), 0)
		p.importList(n, false, true)
		p.add(n, p.expect(s.rparen), 0)
		return
	}
	p.importList(n, false, false)
}

// expressionStatement parses an expression statement, an assignment or an
// augmented assignment.
func (p *fparser) expressionStatement() int32 {
	s := p.s
	n := p.newNode(s.exprStmt)
	if p.is(s.yieldKw) {
		p.add(n, p.yield(), 0)
		if p.is(s.eq) {
			p.bail()
		}
		return n
	}
	items, multi := p.starItems()
	switch {
	case p.is(s.eq):
		p.add(n, p.assignment(p.targetOf(items, multi)), 0)
	case p.isAugOp():
		if multi || p.a[items].sym == s.listSplat {
			p.bail()
		}
		p.checkSingleTarget(items)
		a := p.newNode(s.augAssignment)
		p.add(a, items, s.fLeft)
		p.add(a, p.take(), s.fOperator)
		p.add(a, p.rightSide(), s.fRight)
		p.add(n, a, 0)
	case p.is(s.colon):
		if multi {
			p.bail()
		}
		p.checkSingleTarget(items)
		a := p.newNode(s.assignment)
		p.add(a, items, s.fLeft)
		p.add(a, p.take(), 0)
		p.add(a, p.typeExpr(), s.fType)
		if p.is(s.eq) {
			p.add(a, p.take(), 0)
			p.add(a, p.rightSide(), s.fRight)
		}
		p.add(n, a, 0)
	default:
		if p.hasSplat(items, multi) {
			p.bail()
		}
		if multi {
			// A bare tuple statement: its items are the statement's
			// children, with no expression_list.
			p.a[n] = p.a[items]
			p.a[n].sym, p.a[n].field = s.exprStmt, 0
		} else {
			p.add(n, items, 0)
		}
	}
	return n
}

func (p *fparser) isAugOp() bool {
	t := p.tok()
	if t.kind != tkOp {
		return false
	}
	for _, op := range p.s.augOps {
		if t.sym == op {
			return true
		}
	}
	return false
}

// checkSingleTarget accepts the targets of annotated and augmented
// assignments.
func (p *fparser) checkSingleTarget(n int32) {
	switch p.a[n].sym {
	case p.s.identifier, p.s.attribute, p.s.subscript:
	default:
		p.bail()
	}
}

// starItems parses a comma-separated list of expressions or starred
// expressions. With multi, the result is a temporary expression_list node
// holding the items and commas; otherwise it is the single item.
func (p *fparser) starItems() (n int32, multi bool) {
	s := p.s
	first := p.starItem()
	if !p.is(s.comma) {
		return first, false
	}
	l := p.wrap(s.exprList, first, 0)
	for p.is(s.comma) {
		p.add(l, p.take(), 0)
		if p.atStmtEnd() || p.is(s.eq) || p.is(s.colon) || p.isAugOp() || p.is(s.rparen) {
			break
		}
		p.add(l, p.starItem(), 0)
	}
	return l, true
}

func (p *fparser) starItem() int32 {
	if p.is(p.s.star) {
		return p.splat()
	}
	return p.expression(false)
}

// splat parses `*operand` into a list_splat.
func (p *fparser) splat() int32 {
	n := p.wrap(p.s.listSplat, p.take(), 0)
	p.add(n, p.bitOr(), 0)
	return n
}

func (p *fparser) hasSplat(n int32, multi bool) bool {
	if !multi {
		return p.a[n].sym == p.s.listSplat
	}
	for c := p.a[n].first; c >= 0; c = p.a[c].next {
		if p.a[c].sym == p.s.listSplat {
			return true
		}
	}
	return false
}

// targetOf converts parsed items to assignment targets.
func (p *fparser) targetOf(items int32, multi bool) int32 {
	if multi {
		p.a[items].sym = p.s.patternList
		for c := p.a[items].first; c >= 0; c = p.a[c].next {
			if p.s.named[p.a[c].sym] {
				p.pattern(c)
			}
		}
		return items
	}
	if p.a[items].sym == p.s.listSplat {
		p.bail()
	}
	p.pattern(items)
	return items
}

// pattern turns an expression node into the pattern tree-sitter reads at
// a target position.
func (p *fparser) pattern(n int32) {
	s := p.s
	a := &p.a[n]
	switch a.sym {
	case s.identifier, s.attribute, s.subscript:
	case s.tuple, s.list:
		if a.sym == s.tuple {
			a.sym = s.tuplePattern
		} else {
			a.sym = s.listPattern
		}
		elems := 0
		for c := a.first; c >= 0; c = p.a[c].next {
			if p.s.named[p.a[c].sym] {
				p.pattern(c)
				elems++
			}
		}
		if elems == 0 {
			p.bail()
		}
	case s.listSplat:
		a.sym = s.listSplatPattern
		c := p.a[a.first].next
		switch p.a[c].sym {
		case s.identifier, s.attribute, s.subscript:
		default:
			p.bail()
		}
	default:
		// (a) = 1 reads as a one-element tuple_pattern in tree-sitter.
		p.bail()
	}
}

// assignment parses `= right` after the target left.
func (p *fparser) assignment(left int32) int32 {
	s := p.s
	a := p.newNode(s.assignment)
	p.add(a, left, s.fLeft)
	p.add(a, p.take(), 0)
	if p.is(s.yieldKw) {
		p.add(a, p.yield(), s.fRight)
		if p.is(s.eq) {
			p.bail()
		}
		return a
	}
	items, multi := p.starItems()
	if p.is(s.eq) {
		p.add(a, p.assignment(p.targetOf(items, multi)), s.fRight)
		return a
	}
	if p.hasSplat(items, multi) || p.isAugOp() {
		p.bail()
	}
	p.add(a, items, s.fRight)
	return a
}

// rightSide parses the value of an annotated or augmented assignment.
func (p *fparser) rightSide() int32 {
	if p.is(p.s.yieldKw) {
		return p.yield()
	}
	items, multi := p.starItems()
	if p.hasSplat(items, multi) || p.is(p.s.eq) || p.isAugOp() {
		p.bail()
	}
	return items
}

// expressions parses `expression (, expression)* [,]` (no starred items)
// into an expression or an expression_list.
func (p *fparser) expressions() int32 {
	items, multi := p.starItems()
	if p.hasSplat(items, multi) {
		p.bail() // for x in *a, b and the like: tree-sitter misreads them
	}
	return items
}

func (p *fparser) yield() int32 {
	s := p.s
	y := p.wrap(s.yield, p.take(), 0)
	if p.is(s.from) {
		p.add(y, p.take(), 0)
		p.add(y, p.expression(false), 0)
		return y
	}
	if p.atStmtEnd() || p.is(s.rparen) || p.is(s.eq) {
		return y
	}
	p.add(y, p.expressions(), 0)
	return y
}

// targets parses the target list of a for statement or clause, up to the
// `in`.
func (p *fparser) targets(stop uint16) int32 {
	s := p.s
	first := p.starTarget()
	if !p.is(s.comma) {
		if p.a[first].sym == s.listSplat {
			p.bail()
		}
		p.pattern(first)
		return first
	}
	l := p.wrap(s.patternList, first, 0)
	for p.is(s.comma) {
		p.add(l, p.take(), 0)
		if p.is(stop) {
			break
		}
		p.add(l, p.starTarget(), 0)
	}
	for c := p.a[l].first; c >= 0; c = p.a[c].next {
		if p.s.named[p.a[c].sym] {
			p.pattern(c)
		}
	}
	return l
}

func (p *fparser) starTarget() int32 {
	if p.is(p.s.star) {
		return p.splat()
	}
	return p.bitOr()
}

// --- expressions

// expression parses tree-sitter's `expression`: a lambda, a conditional
// expression or anything below; walrus allows `name := value` where
// CPython does.
func (p *fparser) expression(walrus bool) int32 {
	s := p.s
	p.enter()
	if p.is(s.lambdaKw) {
		return p.exit(p.lambda())
	}
	if walrus && p.kind() == tkName && p.isAt(1, s.walrus) {
		n := p.newNode(s.namedExpr)
		p.add(n, p.take(), s.fName)
		p.add(n, p.take(), 0)
		v := p.expression(false)
		if sym := p.a[v].sym; sym == s.condExpr || sym == s.lambda {
			// tree-sitter reads (x := a if b else c) as
			// (x := a) if b else c.
			p.bail()
		}
		p.add(n, v, s.fValue)
		return p.exit(n)
	}
	x := p.or()
	if !p.is(s.if_) {
		return p.exit(x)
	}
	c := p.wrap(s.condExpr, x, 0)
	p.add(c, p.take(), 0)
	p.add(c, p.or(), 0)
	p.add(c, p.expect(s.else_), 0)
	p.add(c, p.expression(false), 0)
	return p.exit(c)
}

func (p *fparser) lambda() int32 {
	s := p.s
	n := p.wrap(s.lambda, p.take(), 0)
	if !p.is(s.colon) {
		params := p.newNode(s.lambdaParams)
		p.paramList(params, s.colon, false)
		p.add(n, params, s.fParameters)
	}
	p.add(n, p.expect(s.colon), 0)
	p.add(n, p.expression(false), s.fBody)
	return n
}

func (p *fparser) or() int32 { return p.boolean(p.not(), 1) }

// boolean parses the `or` (level 1) and `and` (level 2) operators of
// level min and tighter after the operand x, left-associative.
func (p *fparser) boolean(x int32, min int) int32 {
	s := p.s
	for {
		lv := 0
		switch {
		case p.is(s.or):
			lv = 1
		case p.is(s.and):
			lv = 2
		}
		if lv == 0 || lv < min {
			return x
		}
		n := p.wrap(s.boolOp, x, s.fLeft)
		p.add(n, p.take(), s.fOperator)
		p.add(n, p.boolean(p.not(), lv+1), s.fRight)
		x = n
	}
}

func (p *fparser) not() int32 {
	s := p.s
	if !p.is(s.not) {
		return p.comparison()
	}
	p.enter()
	n := p.wrap(s.notOp, p.take(), 0)
	p.add(n, p.not(), s.fArgument)
	return p.exit(n)
}

// comparison parses a chain of comparisons into one flat
// comparison_operator, as tree-sitter does.
func (p *fparser) comparison() int32 {
	s := p.s
	x := p.bitOr()
	var n int32 = -1
	for {
		var op int32
		t := p.tok()
		switch {
		case t.kind == tkOp && (t.sym == s.lt || t.sym == s.le || t.sym == s.eqeq || t.sym == s.ne || t.sym == s.ge || t.sym == s.gt):
			op = p.take()
		case p.is(s.in):
			op = p.take()
		case p.is(s.not) && p.isAt(1, s.in):
			op = p.wrap(s.notIn, p.take(), 0)
			p.add(op, p.take(), 0)
		case p.is(s.is):
			is := p.take()
			if p.is(s.not) {
				op = p.wrap(s.isNot, is, 0)
				p.add(op, p.take(), 0)
			} else {
				op = is
			}
		default:
			if n < 0 {
				return x
			}
			return n
		}
		if n < 0 {
			n = p.wrap(s.cmpOp, x, 0)
		}
		p.add(n, op, s.fOperators)
		p.add(n, p.bitOr(), 0)
	}
}

// Binary operator levels, loosest first, in CPython's order (binLevel of
// a symbol; 0 for none).
const (
	lvOr = 1 + iota
	lvXor
	lvAnd
	lvShift
	lvArith
	lvTerm
)

func (p *fparser) bitOr() int32 { return p.binary(p.factor(), lvOr) }

// binary parses the binary operators of level min and tighter after the
// left operand x (precedence climbing; all levels are left-associative).
func (p *fparser) binary(x int32, min uint8) int32 {
	s := p.s
	for {
		t := &p.toks[p.p]
		if t.kind != tkOp {
			return x
		}
		lv := s.binLevel[t.sym]
		if lv < min || lv == 0 {
			return x
		}
		n := p.wrap(s.binOp, x, s.fLeft)
		p.add(n, p.take(), s.fOperator)
		r := p.binary(p.factor(), lv+1)
		p.add(n, r, s.fRight)
		if lv == lvXor && (p.isBinOp(x, s.amp) || p.isBinOp(r, s.amp)) {
			p.bail() // tree-sitter binds ^ tighter than &
		}
		x = n
	}
}

func (p *fparser) isBinOp(n int32, op uint16) bool {
	return p.a[n].sym == p.s.binOp && p.childSym(n, 1) == op
}

func (p *fparser) factor() int32 {
	s := p.s
	t := p.tok()
	if t.kind == tkOp && (t.sym == s.minus || t.sym == s.plus || t.sym == s.tilde) {
		p.enter()
		n := p.newNode(s.unOp)
		p.add(n, p.take(), s.fOperator)
		p.add(n, p.factor(), s.fArgument)
		return p.exit(n)
	}
	return p.power()
}

func (p *fparser) power() int32 {
	s := p.s
	var x int32
	if p.is(s.awaitKw) {
		x = p.wrap(s.await, p.take(), 0)
		p.add(x, p.primary(), 0)
		if p.is(s.starstar) {
			p.bail() // (await a) ** b in CPython, await (a ** b) in tree-sitter
		}
		return x
	}
	x = p.primary()
	if !p.is(s.starstar) {
		return x
	}
	p.enter()
	n := p.wrap(s.binOp, x, s.fLeft)
	p.add(n, p.take(), s.fOperator)
	p.add(n, p.factor(), s.fRight)
	return p.exit(n)
}

// primary parses an atom and its trailers (attributes, calls, subscripts).
func (p *fparser) primary() int32 {
	s := p.s
	x := p.atom()
	for {
		t := p.tok()
		if t.kind != tkOp {
			return x
		}
		switch t.sym {
		case s.dot:
			n := p.wrap(s.attribute, x, s.fObject)
			p.add(n, p.take(), 0)
			if p.kind() != tkName {
				p.bail()
			}
			p.add(n, p.take(), s.fAttribute)
			x = n
		case s.lparen:
			n := p.wrap(s.call, x, s.fFunction)
			p.add(n, p.arguments(true), s.fArguments)
			x = n
		case s.lbrack:
			n := p.wrap(s.subscript, x, s.fValue)
			p.subscriptItems(n)
			x = n
		default:
			return x
		}
	}
}

// subscriptItems parses `[item, ...]` into the subscript n.
func (p *fparser) subscriptItems(n int32) {
	s := p.s
	p.enter()
	p.add(n, p.take(), 0)
	for {
		if p.is(s.star) {
			p.bail() // a[*b]: tree-sitter misreads it
		}
		var item int32
		if p.is(s.colon) {
			item = p.slice(-1)
		} else {
			x := p.expression(true)
			if p.is(s.colon) {
				if p.a[x].sym == s.namedExpr {
					p.bail()
				}
				item = p.slice(x)
			} else {
				item = x
			}
		}
		p.add(n, item, s.fSubscript)
		if !p.more(n, s.rbrack) {
			break
		}
	}
	p.add(n, p.expect(s.rbrack), 0)
	p.depth--
}

// more adds a comma after an item of n and reports whether another item
// follows (not without a comma, nor at the closing token).
func (p *fparser) more(n int32, closing uint16) bool {
	if !p.is(p.s.comma) {
		return false
	}
	p.add(n, p.take(), 0)
	return !p.is(closing)
}

// slice parses `[lower] : [upper] [: [step]]`; lower is parsed already
// (or -1).
func (p *fparser) slice(lower int32) int32 {
	s := p.s
	n := p.newNode(s.slice)
	if lower >= 0 {
		p.add(n, lower, 0)
	}
	p.add(n, p.take(), 0)
	end := func() bool { return p.is(s.comma) || p.is(s.rbrack) || p.is(s.colon) }
	if !end() {
		p.add(n, p.expression(false), 0)
	}
	if p.is(s.colon) {
		p.add(n, p.take(), 0)
		if !p.is(s.comma) && !p.is(s.rbrack) {
			p.add(n, p.expression(false), 0)
		}
	}
	return n
}

// arguments parses a call's `(...)`: an argument_list, or for a call
// with a lone generator argument, the generator_expression. genOK is
// false for class bases.
func (p *fparser) arguments(genOK bool) int32 {
	s := p.s
	p.enter()
	lp := p.take()
	n := p.wrap(s.argList, lp, 0)
	kw, dstar := false, false
	first := true
	for !p.is(s.rparen) {
		var arg int32
		switch {
		case p.is(s.star):
			if dstar {
				p.bail()
			}
			arg = p.wrap(s.listSplat, p.take(), 0)
			p.add(arg, p.expression(false), 0)
		case p.is(s.starstar):
			dstar = true
			arg = p.wrap(s.dictSplat, p.take(), 0)
			p.add(arg, p.expression(false), 0)
		case p.kind() == tkName && p.isAt(1, s.eq):
			kw = true
			arg = p.newNode(s.kwArg)
			p.add(arg, p.take(), s.fName)
			p.add(arg, p.take(), 0)
			p.add(arg, p.expression(false), s.fValue)
		default:
			if kw || dstar {
				p.bail() // positional argument after keyword arguments
			}
			arg = p.expression(true)
			if first && (p.is(s.for_) || p.is(s.async)) {
				if !genOK {
					p.bail()
				}
				return p.exit(p.comprehension(s.genExpr, lp, arg, s.rparen))
			}
		}
		first = false
		p.add(n, arg, 0)
		if !p.is(s.comma) {
			break
		}
		p.add(n, p.take(), 0)
	}
	p.add(n, p.expect(s.rparen), 0)
	return p.exit(n)
}

// clauses parses the for and if clauses of a comprehension into n.
func (p *fparser) clauses(n int32) {
	s := p.s
	if !p.is(s.for_) && !p.is(s.async) {
		p.bail()
	}
	for {
		switch {
		case p.is(s.for_) || p.is(s.async) && p.isAt(1, s.for_):
			c := p.newNode(s.forIn)
			if p.is(s.async) {
				p.add(c, p.take(), 0)
			}
			p.add(c, p.take(), 0)
			p.add(c, p.targets(s.in), s.fLeft)
			p.add(c, p.expect(s.in), 0)
			p.add(c, p.or(), s.fRight)
			if p.is(s.comma) {
				p.bail()
			}
			p.add(n, c, 0)
		case p.is(s.if_):
			c := p.wrap(s.ifClause, p.take(), 0)
			p.add(c, p.or(), 0)
			p.add(n, c, 0)
		default:
			return
		}
	}
}

// atom parses literals, names and displays.
func (p *fparser) atom() int32 {
	s := p.s
	t := p.tok()
	switch t.kind {
	case tkName:
		if p.isName(t, "__future__") {
			p.bail()
		}
		return p.take()
	case tkInt, tkFloat, tkTrue, tkFalse, tkNone, tkEllipsis:
		return p.take()
	case tkStrStart:
		return p.strings()
	case tkOp:
		switch t.sym {
		case s.lparen, s.lbrack, s.lbrace:
			p.enter()
			var n int32
			switch t.sym {
			case s.lparen:
				n = p.parens()
			case s.lbrack:
				n = p.brackets()
			default:
				n = p.braces()
			}
			return p.exit(n)
		}
	}
	p.bail()
	return -1
}

// starNamed parses an element of a display: a starred expression or an
// expression, walrus allowed.
func (p *fparser) starNamed() int32 {
	if p.is(p.s.star) {
		return p.splat()
	}
	return p.expression(true)
}

// display parses a tuple, list or set (a node of sym) after its opening
// token and first element.
func (p *fparser) display(sym uint16, open, first int32, closing uint16) int32 {
	n := p.wrap(sym, open, 0)
	p.add(n, first, 0)
	for p.more(n, closing) {
		p.add(n, p.starNamed(), 0)
	}
	p.add(n, p.expect(closing), 0)
	return n
}

func (p *fparser) parens() int32 {
	s := p.s
	lp := p.take()
	if n := p.empty(lp, s.rparen, s.tuple); n >= 0 {
		return n
	}
	if p.is(s.yieldKw) {
		n := p.wrap(s.parenExpr, lp, 0)
		p.add(n, p.yield(), 0)
		p.add(n, p.expect(s.rparen), 0)
		return n
	}
	first := p.starNamed()
	switch {
	case p.is(s.for_) || p.is(s.async):
		return p.comprehension(s.genExpr, lp, first, s.rparen)
	case p.is(s.comma):
		return p.display(s.tuple, lp, first, s.rparen)
	}
	if p.a[first].sym == s.listSplat {
		p.bail() // (*a): parenthesized_list_splat
	}
	n := p.wrap(s.parenExpr, lp, 0)
	p.add(n, first, 0)
	p.add(n, p.expect(s.rparen), 0)
	return n
}

func (p *fparser) brackets() int32 {
	s := p.s
	lb := p.take()
	if n := p.empty(lb, s.rbrack, s.list); n >= 0 {
		return n
	}
	first := p.starNamed()
	if p.is(s.for_) || p.is(s.async) {
		return p.comprehension(s.listComp, lb, first, s.rbrack)
	}
	return p.display(s.list, lb, first, s.rbrack)
}

func (p *fparser) braces() int32 {
	s := p.s
	lb := p.take()
	if n := p.empty(lb, s.rbrace, s.dict); n >= 0 {
		return n
	}
	var first int32
	isDict := false
	if p.is(s.starstar) {
		first = p.dictSplat()
		isDict = true
	} else {
		first = p.starNamed()
		if p.is(s.colon) {
			if p.a[first].sym == s.listSplat || p.a[first].sym == s.namedExpr {
				p.bail()
			}
			pair := p.wrap(s.pair, first, s.fKey)
			p.add(pair, p.take(), 0)
			p.add(pair, p.expression(false), s.fValue)
			first = pair
			isDict = true
		}
	}
	if p.is(s.for_) || p.is(s.async) {
		sym := s.setComp
		if isDict {
			if p.a[first].sym != s.pair {
				p.bail()
			}
			sym = s.dictComp
		}
		return p.comprehension(sym, lb, first, s.rbrace)
	}
	if !isDict {
		return p.display(s.set, lb, first, s.rbrace)
	}
	n := p.wrap(s.dict, lb, 0)
	p.add(n, first, 0)
	for p.more(n, s.rbrace) {
		if p.is(s.starstar) {
			p.add(n, p.dictSplat(), 0)
			continue
		}
		key := p.expression(false)
		pair := p.wrap(s.pair, key, s.fKey)
		p.add(pair, p.expect(s.colon), 0)
		p.add(pair, p.expression(false), s.fValue)
		p.add(n, pair, 0)
	}
	p.add(n, p.expect(s.rbrace), 0)
	return n
}

// empty parses the closing token of an empty display (a node of sym) that
// opens with open; -1 when the display is not empty.
func (p *fparser) empty(open int32, closing, sym uint16) int32 {
	if !p.is(closing) {
		return -1
	}
	n := p.wrap(sym, open, 0)
	p.add(n, p.take(), 0)
	return n
}

// comprehension parses the clauses and the closing token of a
// comprehension (a node of sym) after its opening token and body.
func (p *fparser) comprehension(sym uint16, open, body int32, closing uint16) int32 {
	if p.a[body].sym == p.s.listSplat {
		p.bail()
	}
	n := p.wrap(sym, open, 0)
	p.add(n, body, p.s.fBody)
	p.clauses(n)
	p.add(n, p.expect(closing), 0)
	return n
}

func (p *fparser) dictSplat() int32 {
	n := p.wrap(p.s.dictSplat, p.take(), 0)
	p.add(n, p.bitOr(), 0)
	return n
}

// strings parses one string or adjacent strings (concatenated_string).
func (p *fparser) strings() int32 {
	first := p.str()
	if p.kind() != tkStrStart {
		return first
	}
	n := p.wrap(p.s.concatStr, first, 0)
	for p.kind() == tkStrStart {
		p.add(n, p.str(), 0)
	}
	return n
}

func (p *fparser) str() int32 {
	s := p.s
	p.enter()
	n := p.wrap(s.str, p.take(), 0)
	for {
		switch p.kind() {
		case tkStrContent:
			i := p.p
			t := p.toks[i]
			c := p.newNode(s.strContent)
			p.p++
			for k := uint32(0); k < t.n; k++ {
				p.add(c, p.take(), 0)
			}
			a := &p.a[c]
			a.start, a.end, a.tok0, a.tok1 = t.start, t.end, int32(i), int32(i)+int32(t.n)
			p.add(n, c, 0)
		case tkInterpOpen:
			p.add(n, p.interpolation(s.interpolation), 0)
		case tkStrEnd:
			p.add(n, p.take(), 0)
			return p.exit(n)
		default:
			p.bail()
		}
	}
}

// interpolation parses a replacement field (sym is interpolation, or
// format_expression inside a format spec).
func (p *fparser) interpolation(sym uint16) int32 {
	s := p.s
	p.enter()
	n := p.wrap(sym, p.take(), 0)
	x := p.expression(false)
	if p.is(s.comma) {
		p.bail() // f"{a, b}": expression_list or pattern_list
	}
	p.add(n, x, s.fExpression)
	if p.kind() == tkSelfDoc {
		p.add(n, p.take(), 0)
	}
	if p.kind() == tkConv {
		p.add(n, p.take(), s.fTypeConversion)
	}
	if p.kind() == tkSpecColon {
		spec := p.wrap(s.formatSpec, p.take(), 0)
		for {
			switch p.kind() {
			case tkSpecText:
				p.add(spec, p.take(), 0)
				continue
			case tkInterpOpen:
				p.add(spec, p.interpolation(s.formatExpr), 0)
				continue
			}
			break
		}
		p.add(n, spec, s.fFormatSpecifier)
	}
	p.add(n, p.expectKind(tkInterpClose), 0)
	return p.exit(n)
}

// --- output

type emitFrame struct {
	a     int32 // arena node
	out   int32 // its index in the output
	child int32 // next arena child to visit
	prev  int32 // output index of the last child written, or -1
}

// emit writes the arena tree rooted at root in pre-order, placing the
// comments and line continuations.
func (p *fparser) emit(root int32, out []node, tables *langTables) []node {
	extras := p.lx.extras
	arena := p.a
	symbols, fields, named := tables.symbols, tables.fields, p.s.named

	// Every arena node is written at most once: size the output up front.
	if need := len(arena) + len(extras); cap(out) < need {
		out = make([]node, need, need+need/8)
	} else {
		out = out[:need]
	}
	n := int32(0) // nodes written
	ei := 0       // next extra to place
	put := func(parent int32, prev *int32) int32 {
		if *prev >= 0 {
			out[*prev].next = n
		} else {
			out[parent].first = n
		}
		*prev = n
		n++
		return n - 1
	}
	// The module starts at its first token or comment and ends at the end
	// of the input: tree-sitter's root holds the end-of-input token.
	r := &arena[root]
	start := r.start
	if len(extras) > 0 {
		start = min(start, extras[0].start)
	}
	out[0] = node{kind: symbols[r.sym], start: start, end: uint32(len(p.src)), parent: -1, first: -1, next: -1,
		sym: r.sym, named: true}
	n = 1
	stack := append(p.stack[:0], emitFrame{a: root, out: 0, child: r.first, prev: -1})
	started := true // the root takes the extras before its first child
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		c := f.child
		if c < 0 {
			if len(stack) == 1 {
				for ; ei < len(extras); ei++ {
					e := &extras[ei]
					i := put(f.out, &f.prev)
					out[i] = node{kind: symbols[e.sym], start: e.start, end: e.end, parent: f.out, first: -1, next: -1, stop: i + 1, sym: e.sym, named: true}
				}
			}
			out[f.out].stop = n
			stack = stack[:len(stack)-1]
			started = true
			continue
		}
		ca := &arena[c]
		if started {
			// Extras before this child, after the previous one: children
			// of this node.
			for ei < len(extras) && extras[ei].before <= ca.tok0 {
				e := &extras[ei]
				i := put(f.out, &f.prev)
				out[i] = node{kind: symbols[e.sym], start: e.start, end: e.end, parent: f.out, first: -1, next: -1, stop: i + 1, sym: e.sym, named: true}
				ei++
			}
		}
		f.child = ca.next
		if ca.flags&afHidden != 0 {
			started = true
			continue
		}
		i := put(f.out, &f.prev)
		out[i] = node{kind: symbols[ca.sym], field: fields[ca.field], start: ca.start, end: ca.end,
			parent: f.out, first: -1, next: -1, stop: i + 1, sym: ca.sym, named: named[ca.sym]}
		if ca.first >= 0 {
			stack = append(stack, emitFrame{a: c, out: i, child: ca.first, prev: -1})
			started = false
		} else {
			started = true
		}
	}
	p.stack = stack[:0]
	if ei != len(extras) {
		panic(fmt.Sprintf("fast parse: %d extras not placed", len(extras)-ei))
	}
	return out[:n]
}

// fastTree returns the tree of src from the fast parser, nil when it
// bails. The tree has no tree-sitter tree (Sitter returns nil; Edit and
// Close have nothing to release) and uses src as is.
func fastTree(src []byte, buf []node) *Tree {
	nodes, err := fastParse(src, buf)
	if err != nil {
		return nil
	}
	_, tables := python()
	return &Tree{lang: tables, src: src, nodes: nodes, lines: lineStarts(src)}
}

// fastNodes keeps node buffers of fast-parsed trees whose lifetime the
// caller controls (Check), as Parser keeps the tree-sitter path's.
var fastNodes sync.Pool

// checkFast runs the rules on src's fast-parsed tree; ok is false when
// the fast parser bailed.
func checkFast(ctx context.Context, src []byte, pol *policy.Policy) (fs []Finding, ok bool) {
	t := fastTreePooled(src)
	if t == nil {
		return nil, false
	}
	// Findings hold no reference to the tree: its nodes can be reused.
	defer t.Close()
	return CheckTree(ctx, t, pol), true
}

// fastTreePooled is fastTree on a node buffer from fastNodes, which the
// tree's Close gives back (a CLI check of many files, a transpilation per
// run would otherwise allocate and collect one per parse).
func fastTreePooled(src []byte) *Tree {
	var buf []node
	if b, _ := fastNodes.Get().(*[]node); b != nil {
		buf = *b
	}
	t := fastTree(src, buf)
	if t == nil {
		if buf != nil {
			fastNodes.Put(&buf)
		}
		return nil
	}
	t.fastPooled = true
	return t
}
