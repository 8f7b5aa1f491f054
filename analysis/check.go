package analysis

import (
	"context"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/stelp-dev/stelp/policy"
)

// Check parses src and runs every rule over it. pol may be nil (defaults).
func Check(ctx context.Context, src []byte, pol *policy.Policy) []Finding {
	if ctx.Err() == nil {
		if fs, ok := checkFast(ctx, src, pol); ok {
			return fs
		}
	}
	p := getParser()
	defer putParser(p)
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		return []Finding{internalFinding(src, err.Error())}
	}
	defer t.Close()
	return CheckTree(ctx, t, pol)
}

// parsers keeps parsers (and the node buffers of their last tree) between
// checks: building a tree-sitter parser costs about as much as parsing a
// short program.
var parsers sync.Pool

func getParser() *Parser {
	if p, ok := parsers.Get().(*Parser); ok {
		return p
	}
	return NewParser()
}

// putParser returns p to the pool; the trees it made must be closed.
// A dropped parser's C memory is freed by the binding's finalizer.
func putParser(p *Parser) {
	if p != nil && p.p != nil {
		parsers.Put(p)
	}
}

// checkNested checks code found in a string (eval/exec arguments); nested
// strings inside it are not descended into again.
func (outer *pass) checkNested(src []byte) []Finding {
	ctx, pol, e := outer.ctx, outer.pol, outer.e
	t := fastTreePooled(src)
	if t == nil {
		if outer.nestedParser == nil {
			outer.nestedParser = getParser() // returned by finish
		}
		var err error
		if t, err = outer.nestedParser.Parse(ctx, nil, src); err != nil {
			return nil
		}
	}
	defer t.Close()
	ps := newPass(ctx, t, pol, e)
	ps.nested = true
	ps.run()
	return ps.finish()
}

// internalFinding reports a document the engine could not analyse at all;
// it is an error so that nothing unchecked is ever run.
func internalFinding(src []byte, msg string) Finding {
	r := ruleSyntaxError
	return Finding{Rule: r.ID, Name: r.Name, Severity: r.Severity, CWE: r.CWE, Category: r.Category,
		Message: "could not analyse: " + msg}
}

// CheckTree runs every rule over an already parsed document. Findings are
// sorted by position, then rule ID.
func CheckTree(ctx context.Context, t *Tree, pol *policy.Policy) []Finding {
	if pol == nil {
		pol = policy.Default()
	}
	if t == nil || len(t.nodes) == 0 {
		return nil
	}
	p := newPass(ctx, t, pol, getEngine())
	p.run()
	return p.finish()
}

// pass is the state of one check of one document.
type pass struct {
	ctx   context.Context
	t     *Tree
	src   []byte
	nodes []node
	pol   *policy.Policy
	e     *engine
	raw   []rawFinding
	res   *resolver
	// family state, filled by the families' setup functions
	supReported  int     // suppression findings appended by applySuppressions
	nested       bool    // checking code found in a string: do not descend again
	nestedParser *Parser // parses those strings; one per check
	idx          *docIndex
	// calleeIdx[n] is 1 + the index in calleeNames of call n's resolved
	// callee, 0 when not yet resolved.
	calleeIdx   []int32
	calleeNames []string
	calleeSeen  map[string]int32
	scratch     *passScratch // returned by finish
}

type rawFinding struct {
	Finding
	node int32
	rule *Rule
}

func newPass(ctx context.Context, t *Tree, pol *policy.Policy, e *engine) *pass {
	sc, _ := scratchPool.Get().(*passScratch)
	if sc == nil {
		sc = &passScratch{calleeSeen: map[string]int32{}, binds: map[scopeName][]binding{}, memo: map[scopeName]value{},
			types: map[scopeName]string{}, globals: map[scopeName]bool{}, names: map[string]int32{}}
	}
	n := len(t.nodes)
	p := &pass{ctx: ctx, t: t, src: t.src, nodes: t.nodes, pol: pol, e: e, scratch: sc,
		calleeIdx: sc.ints(&sc.calleeIdx, n), calleeNames: append(sc.calleeNames[:0], ""), calleeSeen: sc.calleeSeen}
	p.calleeSeen[""] = 0
	p.res = newResolver(p)
	return p
}

// passScratch is the memory of one check that the next check reuses: a
// 2,000-line file needs hundreds of kilobytes of per-node tables and
// thousands of map entries, which would otherwise be allocated, cleared
// and collected on every keystroke.
type passScratch struct {
	calleeIdx, memoIdx, scopeOf []int32
	nameIDs                     []int32
	calleeNames, nameStr        []string
	memoVals                    []value
	calleeSeen                  map[string]int32
	binds                       map[scopeName][]binding
	memo                        map[scopeName]value
	types                       map[scopeName]string
	globals                     map[scopeName]bool
	names                       map[string]int32
}

var scratchPool sync.Pool

// ints returns *buf resized to n zeroes.
func (sc *passScratch) ints(buf *[]int32, n int) []int32 {
	if cap(*buf) < n {
		*buf = make([]int32, n, n+n/8)
	} else {
		*buf = (*buf)[:n]
		clear(*buf)
	}
	return *buf
}

// release hands the scratch back; the pass must not be used afterwards.
func (p *pass) release() {
	sc := p.scratch
	if sc == nil {
		return
	}
	p.scratch = nil
	sc.calleeNames = p.calleeNames[:0]
	sc.memoVals = p.res.memoVals[:0]
	sc.nameStr = p.res.nameStr[:0]
	clear(sc.memoVals[:cap(sc.memoVals)])       // values hold strings and slices
	clear(sc.calleeNames[:cap(sc.calleeNames)]) // strings may point into the source
	clear(sc.nameStr[:cap(sc.nameStr)])
	clear(sc.calleeSeen)
	clear(sc.binds)
	clear(sc.memo)
	clear(sc.types)
	clear(sc.globals)
	clear(sc.names)
	scratchPool.Put(sc)
}

func (p *pass) run() {
	p.syntaxErrors()
	for _, s := range p.e.setups {
		s(p)
	}
	hooks := p.t.lang.hooksBySymbol(p.e)
	for i := range p.nodes {
		if i&1023 == 0 && p.ctx.Err() != nil {
			return
		}
		switch p.nodes[i].kind {
		case "call":
			p.matchCall(int32(i))
			p.matchCallableArg(int32(i))
		case "attribute", "identifier", "subscript":
			p.matchRef(int32(i))
		}
		if hs := hooks[p.nodes[i].sym]; hs != nil {
			for _, h := range hs {
				h.fn(p, h.rule, int32(i))
			}
		}
	}
}

// report records a finding of rule r on node n.
func (p *pass) report(r *Rule, n int32, msg string) {
	p.reportRange(r, n, p.nodes[n].start, p.nodes[n].end, msg)
}

func (p *pass) reportRange(r *Rule, n int32, start, end uint32, msg string) {
	if msg == "" {
		msg = r.Summary
	}
	// messages quote source text, which may be any bytes
	msg = strings.ToValidUTF8(msg, "\uFFFD")
	p.raw = append(p.raw, rawFinding{
		Finding: Finding{Rule: r.ID, Name: r.Name, Severity: r.Severity, CWE: r.CWE, Category: r.Category,
			Message: msg, Range: p.t.rangeOf(start, end), startOff: int(start), endOff: int(end), hasOffsets: true},
		node: n, rule: r,
	})
}

// finish applies suppressions and severity overrides, and sorts.
func (p *pass) finish() []Finding {
	if p.nestedParser != nil {
		putParser(p.nestedParser)
		p.nestedParser = nil
	}
	defer p.release()
	raw := p.applySuppressions(p.raw)
	out := make([]Finding, 0, len(raw))
	seen := map[[5]any]bool{}
	for _, f := range raw {
		sev := f.Severity
		if s, ok := p.pol.Rules[f.Rule]; ok && s != policy.SeverityDefault {
			sev = s
		} else if s, ok := p.pol.Rules[f.Name]; ok && s != policy.SeverityDefault {
			sev = s
		}
		if sev == policy.SeverityOff {
			continue
		}
		f.Severity = sev
		key := [5]any{f.Rule, f.Range.Start.Line, f.Range.Start.Column, f.Range.End.Line, f.Range.End.Column}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, f.Finding)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Range.Start, out[j].Range.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// syntaxErrors reports ERROR and MISSING nodes (outermost only).
func (p *pass) syntaxErrors() {
	for i := 0; i < len(p.nodes); i++ {
		nd := &p.nodes[i]
		switch {
		case nd.kind == "ERROR":
			end := nd.end
			if end == nd.start {
				end = p.extendOne(nd.start)
			}
			p.reportRange(ruleSyntaxError, int32(i), nd.start, end, "syntax error: "+p.snippet(nd.start, nd.end))
			i = int(nd.stop) - 1 // skip nested errors
		case nd.missing:
			p.reportRange(ruleSyntaxError, int32(i), nd.start, p.extendOne(nd.start), "syntax error: missing "+strings.Trim(nd.kind, `"`))
		}
	}
}

// extendOne gives an empty range at off one character to stand on.
func (p *pass) extendOne(off uint32) uint32 {
	if int(off) >= len(p.src) {
		return off
	}
	_, size := decodeRune(p.src[off:])
	return off + uint32(size)
}

func (p *pass) snippet(start, end uint32) string {
	s := string(p.src[start:end])
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + "..."
	}
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	if s == "" {
		return "unexpected end of input"
	}
	return "unexpected " + quoteShort(s)
}

func quoteShort(s string) string {
	return "`" + strings.ToValidUTF8(s, "\uFFFD") + "`"
}

// --- node helpers ---------------------------------------------------------

func (p *pass) kind(n int32) string {
	if n < 0 {
		return ""
	}
	return p.nodes[n].kind
}

// text returns the source of n without copying: the Tree owns an
// immutable copy of the source, so the string stays valid.
func (p *pass) text(n int32) string {
	if n < 0 {
		return ""
	}
	b := p.src[p.nodes[n].start:p.nodes[n].end]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// field returns the first child of n in field f, or -1.
func (p *pass) field(n int32, f string) int32 {
	if n < 0 {
		return -1
	}
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].field == f {
			return c
		}
	}
	return -1
}

// namedChildren returns the named children of n that are not comments.
func (p *pass) namedChildren(n int32) []int32 {
	var out []int32
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].named && p.nodes[c].kind != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// firstNamed returns the first named non-comment child, or -1.
func (p *pass) firstNamed(n int32) int32 {
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].named && p.nodes[c].kind != "comment" {
			return c
		}
	}
	return -1
}

// childOfKind returns the first child of n of kind k, or -1.
func (p *pass) childOfKind(n int32, k string) int32 {
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].kind == k {
			return c
		}
	}
	return -1
}

// unparen strips parentheses around an expression.
func (p *pass) unparen(n int32) int32 {
	for n >= 0 && p.nodes[n].kind == "parenthesized_expression" {
		n = p.firstNamed(n)
	}
	return n
}

// isScope reports node kinds that open a Python scope.
func isScope(k string) bool {
	return k == "function_definition" || k == "lambda" || k == "class_definition"
}

// enclosingFunc returns the function_definition whose scope holds n, or
// -1 (module, class body or lambda).
func (p *pass) enclosingFunc(n int32) int32 {
	s := p.res.scopeOf[n]
	if s > 0 && p.nodes[s].kind == "function_definition" {
		return s
	}
	return -1
}

// callArgs returns the positional and keyword arguments of a call node.
func (p *pass) callArgs(call int32) (pos []int32, kw map[string]int32) {
	args := p.field(call, "arguments")
	if args < 0 {
		return nil, nil
	}
	if p.nodes[args].kind == "generator_expression" {
		return []int32{args}, nil
	}
	for _, c := range p.namedChildren(args) {
		if p.nodes[c].kind == "keyword_argument" {
			if kw == nil {
				kw = map[string]int32{}
			}
			kw[normIdent(p.text(p.field(c, "name")))] = p.field(c, "value")
			continue
		}
		pos = append(pos, c)
	}
	return pos, kw
}

// arg returns positional argument i or keyword name, or -1.
func (p *pass) arg(call int32, i int, name string) int32 {
	pos, kw := p.callArgs(call)
	if i >= 0 && i < len(pos) && p.nodes[pos[i]].kind != "list_splat" && p.nodes[pos[i]].kind != "dictionary_splat" {
		return pos[i]
	}
	if name != "" {
		if v, ok := kw[name]; ok {
			return v
		}
	}
	return -1
}

// inLoop reports whether n sits inside a for/while loop body (or a
// comprehension) of the same function.
func (p *pass) inLoop(n int32) bool {
	for c := p.nodes[n].parent; c >= 0; c = p.nodes[c].parent {
		switch p.nodes[c].kind {
		case "for_statement", "while_statement", "list_comprehension", "set_comprehension",
			"dictionary_comprehension", "generator_expression":
			return true
		case "function_definition", "lambda", "class_definition":
			return false
		}
	}
	return false
}
