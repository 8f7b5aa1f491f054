package analysis

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sort"

	sitter "github.com/smacker/go-tree-sitter"
)

// tree-sitter-python misreads two constructs that CPython 3.11 accepts:
//
//   - In an f-string replacement field, a ':' outside brackets always starts
//     the format spec, so f"{x:=10}" formats x with the spec "=10" (a walrus
//     must be parenthesised, f"{(x:=10)}"). tree-sitter reads `x:=10` as a
//     named expression: a silent wrong answer, or an ERROR for specs such
//     as "=^9".
//   - A starred item unpacks a whole bitwise-or expression (`*a.b + c`
//     unpacks `a.b + c`) and may open an unparenthesised tuple (`for v in
//     *xs, 1:`, `return *xs, 1`, `d[*xs]`). tree-sitter often reads `*f()`
//     as a call of `*f` (the callee hidden from the rules), in tuples,
//     subscripts, calls and displays alike (`print(*a, *f())`), and
//     `for v in *[1, 2], 3:` as an ERROR.
//
// Parse repairs both by parsing a copy of the source in which one byte per
// misparse is blanked ("x:=10" becomes "x: 10", "*f()" becomes " f()"), so
// that tree-sitter sees the construct CPython sees, and by giving each
// starred item back its `*` as a synthetic list_splat node. Patches keep the
// length of the source: every offset of the tree is one of the original
// text, which the Tree keeps and from which all node text is read.
//
// A patch is made only where a misparse shows (a ':=' token at bracket
// depth 0 of a replacement field; a list_splat that is an operand; a '*'
// directly in an ERROR) and kept only if the re-parse has the construct it
// stands for at that place: a format spec starting at the ':'; an element,
// clean and of an operand kind CPython allows under '*', of a container
// that takes starred items, right after a comma, a bracket or the start of
// a tuple. Any other patch is undone, so a repair never hides code from
// the rules: the starred element is a node of the tree like any other.
//
// The tree-sitter tree of a repaired Tree is the parse of the patched text.
// Before it serves as the old tree of an incremental parse, the patched
// bytes are edited back (unpatch), so that tree-sitter parses the regions
// around them again from the real text and the misparses are found and
// repaired again: an incremental parse gives the tree of a fresh one.

// patch is one byte of the source that tree-sitter was given blanked.
type patch struct {
	off  uint32
	orig byte // '=' of a format spec's ":=", or '*' of a starred item
}

// blank is what a patched byte becomes: whitespace separates tokens and is
// plain text inside a format spec.
const blank = ' '

// maxRepairRounds bounds the re-parses of one Parse. Repairs settle in one
// or two rounds; a patch undone is not tried again until another is kept,
// so the rounds end anyway, and the bound only guards against a bug.
const maxRepairRounds = 8

// repairSymbols are the grammar symbols repairs look for and build.
type repairSymbols struct {
	watch     []bool // by symbol id, ERROR last: the kinds a misparse involves
	listSplat uint16
	star      uint16
}

func newRepairSymbols(lang *sitter.Language, symbols []string) repairSymbols {
	r := repairSymbols{watch: make([]bool, len(symbols)+1)}
	r.watch[len(symbols)] = true // ERROR
	for i, name := range symbols {
		switch typ := lang.SymbolType(sitter.Symbol(i)); {
		case typ == sitter.SymbolTypeRegular && (name == "interpolation" || name == "format_expression"):
			r.watch[i] = true
		case typ == sitter.SymbolTypeRegular && name == "list_splat":
			r.watch[i] = true
			if r.listSplat == 0 {
				r.listSplat = uint16(i)
			}
		case typ == sitter.SymbolTypeAnonymous && name == "*" && r.star == 0:
			r.star = uint16(i)
		}
	}
	return r
}

// repair finds the misparses among the suspects of the parse that made t
// and re-parses with patches until none is left; t then holds the repaired
// tree. It is called only when the parse walked a suspect.
func (p *Parser) repair(ctx context.Context, t *Tree) error {
	cands := t.misparses(p.scratch.suspects, nil)
	if len(cands) == 0 {
		return nil
	}
	text := append([]byte(nil), t.src...)
	var patches []patch
	var rejected []uint32 // patches undone, not to be tried again
	skip := func(off uint32) bool {
		return slices.Contains(rejected, off) || slices.ContainsFunc(patches, func(pt patch) bool { return pt.off == off })
	}
	undo := func(pt patch) {
		text[pt.off] = pt.orig
		t.t.Edit(byteEdit(t.lines, pt.off))
	}
	for round := 0; ; round++ {
		if round == maxRepairRounds {
			// Give up: the tree is the parse of the source as it is.
			for _, pt := range patches {
				undo(pt)
			}
			patches = nil
			if err := p.reparse(ctx, t, text); err != nil {
				return err
			}
			break
		}
		p.scratch.tried += len(cands)
		for _, off := range cands {
			patches = append(patches, patch{off: off, orig: t.src[off]})
			text[off] = blank
			t.t.Edit(byteEdit(t.lines, off))
		}
		slices.SortFunc(patches, func(a, b patch) int { return int(a.off) - int(b.off) })
		if err := p.reparse(ctx, t, text); err != nil {
			return err
		}
		kept, undone := patches[:0], []patch(nil)
		progress := false
		for _, pt := range patches {
			if t.repaired(pt, text) {
				kept = append(kept, pt)
				progress = progress || slices.Contains(cands, pt.off)
			} else {
				undone = append(undone, pt)
			}
		}
		patches = kept
		if progress {
			// A new repair can make one undone before right.
			rejected = rejected[:0]
		}
		for _, pt := range undone {
			undo(pt)
			rejected = append(rejected, pt.off)
		}
		cands = t.misparses(p.scratch.suspects, skip)
		if len(undone) == 0 && len(cands) == 0 {
			break
		}
	}
	p.wrapStars(t, text, patches)
	t.patches = patches
	return nil
}

// reparse parses text (t's source with patches) incrementally from t's
// tree, on which every patch has been recorded with Edit, and replaces t's
// trees.
func (p *Parser) reparse(ctx context.Context, t *Tree, text []byte) error {
	st, err := p.parse(ctx, t.t, text)
	if err != nil {
		return err
	}
	if st == nil {
		return errors.New("tree-sitter returned no tree")
	}
	nodes, bigs, err := p.flatten(st.RootNode(), t)
	if err != nil {
		st.Close()
		return err
	}
	t.t.Close()
	p.recycle(t.nodes, t.bigs)
	t.t, t.nodes, t.bigs = st, nodes, bigs
	return nil
}

// unpatch records on t's tree-sitter tree that its patched bytes are back
// to the source's, so that t serves as the old tree of the next parse (of
// a text of size bytes with line starts lines): t's patches have followed
// the edits since. The next parse repairs again what still needs it.
func (t *Tree) unpatch(lines []uint32, size int) {
	for _, pt := range t.patches {
		if int(pt.off) < size {
			t.t.Edit(byteEdit(lines, pt.off))
		}
	}
	t.patches = nil
}

// shiftPatches moves patches along an edit of the source; a patched byte
// the edit replaced is gone.
func shiftPatches(ps []patch, e sitter.EditInput) []patch {
	out := ps[:0]
	for _, pt := range ps {
		switch {
		case pt.off < e.StartIndex:
		case pt.off < e.OldEndIndex:
			continue
		default:
			pt.off = pt.off - e.OldEndIndex + e.NewEndIndex
		}
		out = append(out, pt)
	}
	return out
}

// byteEdit describes the change of the one byte at off (never a newline)
// in a text with line starts lines.
func byteEdit(lines []uint32, off uint32) sitter.EditInput {
	row := sort.Search(len(lines), func(i int) bool { return lines[i] > off }) - 1
	at := sitter.Point{Row: uint32(row), Column: off - lines[row]}
	after := sitter.Point{Row: at.Row, Column: at.Column + 1}
	return sitter.EditInput{StartIndex: off, OldEndIndex: off + 1, NewEndIndex: off + 1,
		StartPoint: at, OldEndPoint: after, NewEndPoint: after}
}

// misparses returns the offsets to patch (sorted) for the misparses among
// suspects, except those skip refuses.
func (t *Tree) misparses(suspects []int32, skip func(uint32) bool) []uint32 {
	var offs []uint32
	add := func(off uint32, star bool) {
		if (!star || starCandidate(t.src, off)) && (skip == nil || !skip(off)) && !slices.Contains(offs, off) {
			offs = append(offs, off)
		}
	}
	for _, i := range suspects {
		n := &t.nodes[i]
		switch n.kind {
		case "interpolation", "format_expression":
			if off, ok := t.specWalrus(i); ok {
				add(off, false)
			}
		case "list_splat":
			if t.splatMisread(i) {
				add(n.start, true)
			}
		case "ERROR":
			for c := n.first; c >= 0; c = t.nodes[c].next {
				if t.nodes[c].kind == "*" {
					add(t.nodes[c].start, true)
				}
			}
		}
	}
	slices.Sort(offs)
	return offs
}

// specWalrus finds, in the replacement field i, a ':=' token outside
// brackets, where CPython starts the format spec, and returns the offset
// of its '='.
func (t *Tree) specWalrus(i int32) (uint32, bool) {
	n := &t.nodes[i]
	if !bytes.Contains(t.src[n.start:n.end], []byte(":=")) {
		return 0, false
	}
	depth := 0 // the field's own brace counts
	for j := i + 1; j < n.stop; {
		c := &t.nodes[j]
		switch c.kind {
		case "string":
			j = c.stop // a nested f-string's fields are suspects of their own
			continue
		case "format_specifier", "type_conversion":
			return 0, false
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ":=":
			if depth == 1 {
				return c.start + 1, true
			}
		}
		j++
	}
	return 0, false
}

// splatMisread reports a list_splat that is no starred item: an operand
// (tree-sitter's `*f` of `*f()`), or one that ends in an ERROR.
func (t *Tree) splatMisread(i int32) bool {
	n := &t.nodes[i]
	if n.first < 0 || t.nodes[n.first].kind != "*" {
		return false
	}
	if n.parent < 0 || !takesStarred(t.nodes[n.parent].kind, n.field) {
		return true
	}
	for c := n.first; c >= 0; c = t.nodes[c].next {
		if t.nodes[c].kind == "ERROR" {
			return true
		}
	}
	return false
}

// takesStarred reports a node kind whose child (in field) may be a starred
// item. An expression_list takes one only in some statements (see
// starContainer).
func takesStarred(kind, field string) bool {
	switch kind {
	case "argument_list", "list", "tuple", "set", "expression_list":
		return true
	case "subscript":
		return field == "subscript"
	}
	return false
}

// starCandidate reports whether the '*' at off in src stands where a
// starred item can start: after a comma, an opening bracket, '=' (an
// assignment's, not a comparison's), ':' or ';', or the keywords in,
// return and yield, and before an operand. Anything else (a product,
// `**`, a '*' at the start of a line, whose blanking would indent it) is
// not patched.
func starCandidate(src []byte, off uint32) bool {
	k := skipBlanks(src, int(off)+1)
	if k >= len(src) || bytes.IndexByte([]byte("*=,)]}:;#\\\r\n"), src[k]) >= 0 {
		return false
	}
	j := int(off) - 1
	for j >= 0 {
		switch {
		case src[j] == ' ' || src[j] == '\t' || src[j] == '\f':
			j--
			continue
		case src[j] == '\n' && j >= 1 && src[j-1] == '\\':
			j -= 2
			continue
		case src[j] == '\n' && j >= 2 && src[j-1] == '\r' && src[j-2] == '\\':
			j -= 3
			continue
		}
		break
	}
	if j < 0 {
		return false
	}
	switch c := src[j]; {
	case bytes.IndexByte([]byte(",([{:;"), c) >= 0:
		return true
	case c == '=':
		if j == 0 {
			return false
		}
		switch b := src[j-1]; b {
		case '=', '!':
			return false
		case '<', '>':
			return j >= 2 && src[j-2] == b // <<= and >>=, not <= and >=
		}
		return true
	case isWordByte(c):
		w := j
		for w > 0 && isWordByte(src[w-1]) {
			w--
		}
		if w > 0 && src[w-1] == '.' {
			return false
		}
		switch string(src[w : j+1]) {
		case "in", "return", "yield":
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// skipBlanks returns the offset of the first byte at or after i that is
// not a space, a tab or a form feed. A line continuation after a '*' stops
// the repair: tree-sitter makes it a node of the statement, which a
// list_splat starting before it would overlap.
func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	return i
}

// repaired reports whether the tree (parsed from text) has at pt the
// construct the patch stands for.
func (t *Tree) repaired(pt patch, text []byte) bool {
	if pt.orig == '=' {
		return t.specAt(pt.off - 1)
	}
	_, ok := t.starElement(pt.off, text)
	return ok
}

// firstAt returns the index of the first node (in pre-order, so the
// outermost) that starts at or after off: starts never decrease in
// pre-order.
func (t *Tree) firstAt(off uint32) int {
	return sort.Search(len(t.nodes), func(i int) bool { return t.nodes[i].start >= off })
}

// specAt reports a format spec of a replacement field starting at off.
func (t *Tree) specAt(off uint32) bool {
	for j := t.firstAt(off); j < len(t.nodes) && t.nodes[j].start == off; j++ {
		n := &t.nodes[j]
		if n.kind == "format_specifier" && n.parent >= 0 {
			switch t.nodes[n.parent].kind {
			case "interpolation", "format_expression":
				return true
			}
		}
	}
	return false
}

// starElement finds the element that the '*' at off (blanked in text)
// unpacks: the node right after it that is an element of a container
// taking starred items, where CPython accepts it.
func (t *Tree) starElement(off uint32, text []byte) (int32, bool) {
	s := uint32(skipBlanks(text, int(off)+1))
	for j := t.firstAt(s); j < len(t.nodes) && t.nodes[j].start == s; j++ {
		e := &t.nodes[j]
		if e.parent < 0 || !e.named || e.end == e.start || !t.starContainer(e.parent, e.field) {
			continue
		}
		ok := starOperand(e.kind, t.nodes[e.parent].kind == "argument_list") &&
			t.clean(int32(j)) && t.afterSeparator(e.parent, int32(j))
		return int32(j), ok
	}
	return -1, false
}

// starContainer reports a node whose child (in field) may be a starred
// item: CPython's star_expressions of an unparenthesised tuple (in a
// statement or an f-string field), a subscript (3.11), a call's
// arguments, a display.
func (t *Tree) starContainer(c int32, field string) bool {
	n := &t.nodes[c]
	if n.kind != "expression_list" {
		return takesStarred(n.kind, field)
	}
	if n.parent < 0 {
		return false
	}
	switch t.nodes[n.parent].kind {
	case "return_statement", "yield", "expression_statement", "interpolation":
		return true
	case "for_statement", "assignment", "augmented_assignment":
		return n.field == "right"
	}
	return false
}

// starOperand reports whether CPython accepts a node kind after '*':
// a bitwise_or expression, or any expression among a call's arguments.
func starOperand(kind string, inArguments bool) bool {
	switch kind {
	case "named_expression", "keyword_argument", "list_splat", "dictionary_splat",
		"expression_list", "yield", "slice", "comment":
		return false
	case "conditional_expression", "boolean_operator", "not_operator", "comparison_operator", "lambda":
		return inArguments
	}
	return true
}

// clean reports a subtree without ERROR or MISSING nodes.
func (t *Tree) clean(i int32) bool {
	for j := i; j < t.nodes[i].stop; j++ {
		if t.nodes[j].missing || t.nodes[j].kind == "ERROR" {
			return false
		}
	}
	return true
}

// afterSeparator reports whether child e of c comes right after a comma or
// c's opening bracket, or first in an expression_list (comments aside).
func (t *Tree) afterSeparator(c, e int32) bool {
	prev := int32(-1)
	for k := t.nodes[c].first; k >= 0 && k != e; k = t.nodes[k].next {
		if t.nodes[k].kind != "comment" {
			prev = k
		}
	}
	if prev < 0 {
		return t.nodes[c].kind == "expression_list"
	}
	switch t.nodes[prev].kind {
	case ",", "(", "[", "{":
		return true
	}
	return false
}

// wrapStars gives the element of every kept '*' patch its list_splat node
// (and the '*' token) in t's flat tree, as tree-sitter builds one for
// `*a, b`. Subtrees holding a new node are no longer copied by the next
// parse: tree-sitter's tree has no such node.
func (p *Parser) wrapStars(t *Tree, text []byte, patches []patch) {
	type target struct {
		elem int32
		star uint32
	}
	var targets []target
	for _, pt := range patches {
		if pt.orig != '*' {
			continue
		}
		if e, ok := t.starElement(pt.off, text); ok {
			targets = append(targets, target{e, pt.off})
		}
	}
	if len(targets) == 0 {
		return
	}
	slices.SortFunc(targets, func(a, b target) int { return int(a.elem) - int(b.elem) })
	// before(i) counts the targets at or before node i: each moves the
	// nodes from it on by two.
	before := func(i int32) int32 {
		return int32(sort.Search(len(targets), func(k int) bool { return targets[k].elem > i }))
	}
	isTarget := func(i int32) bool {
		k := before(i)
		return k > 0 && targets[k-1].elem == i
	}
	at := func(i int32) int32 { return i + 2*before(i) }
	// link is where a parent's or sibling's link to node i now points: a
	// target's list_splat stands in its place.
	link := func(i int32) int32 {
		switch {
		case i < 0:
			return -1
		case isTarget(i):
			return at(i) - 2
		}
		return at(i)
	}
	old := t.nodes
	nodes := make([]node, len(old)+2*len(targets))
	sym := &t.lang.repair
	k := 0
	for i := range old {
		nd := old[i]
		ni := at(int32(i))
		if nd.parent >= 0 {
			nd.parent = at(nd.parent)
		}
		nd.first, nd.next = link(nd.first), link(nd.next)
		nd.stop += 2 * before(nd.stop-1)
		if k < len(targets) && targets[k].elem == int32(i) {
			star := targets[k].star
			k++
			splat, tok := ni-2, ni-1
			nodes[splat] = node{kind: t.lang.symbols[sym.listSplat], field: nd.field, start: star, end: nd.end,
				parent: nd.parent, first: tok, next: nd.next, stop: nd.stop, sym: sym.listSplat, named: true}
			nodes[tok] = node{kind: t.lang.symbols[sym.star], start: star, end: star + 1,
				parent: splat, first: -1, next: ni, stop: tok + 1, sym: sym.star}
			nd.field, nd.parent, nd.next = "", splat, -1
			// The '*' now opens the tuple or statement that began with
			// the element.
			for a := nodes[splat].parent; a >= 0 && nodes[a].start > star; a = nodes[a].parent {
				nodes[a].start = star
			}
		}
		nodes[ni] = nd
	}
	bigs := t.bigs[:0]
	for _, b := range t.bigs {
		if before(b.idx+b.size-1) == before(b.idx-1) {
			b.idx = at(b.idx)
			bigs = append(bigs, b)
		}
	}
	p.recycle(old, nil)
	t.nodes, t.bigs = nodes, bigs
}
