package lower

import (
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// Every dict and set display is built by the runtime's own types, which
// accept any hashable key and keep insertion order (gpython's dict takes
// only str keys).

func (l *lowerer) pair(p *analysis.Node) string {
	k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
	gap := keepLines(l.between(k.EndByte(), v.StartByte()))
	if gap == "" {
		gap = " "
	}
	return "(" + l.text(k) + "," + gap + l.text(v) + ")"
}

func (l *lowerer) dict(n *analysis.Node) (string, bool) {
	elems := elements(n)
	open, close := n.Child(0), n.Child(int(n.ChildCount())-1)
	if len(elems) == 0 {
		return "__stelp_dict__(" + keepLines(l.between(open.EndByte(), close.StartByte())) + ")", true
	}
	hasSplat := false
	for _, e := range elems {
		if e.Type() == "dictionary_splat" {
			hasSplat = true
		}
	}
	if !hasSplat {
		body, tail := l.joinElems(elems, l.pair, open.EndByte(), close.StartByte())
		return "__stelp_dict__((" + body + "," + tail + "))", true
	}
	// {**a, 'k': v, **b}: consecutive pairs become one dict, then merge.
	groups := l.grouped(elems, l.gaps(elems, open.EndByte()), "dictionary_splat", l.pair, func(items []string) string {
		return "__stelp_dict__((" + strings.Join(items, ", ") + ",))"
	})
	return "__stelp_dict_merge__(" + strings.Join(groups, ", ") + keepLines(l.between(lastEnd(elems, open.EndByte()), close.StartByte())) + ")", true
}

func (l *lowerer) dictComp(n *analysis.Node) (string, bool) {
	return l.inComprehension(n, func() string {
		body := n.ChildByFieldName("body")
		close := n.Child(int(n.ChildCount()) - 1)
		open := n.Child(0)
		var b strings.Builder
		b.WriteString("__stelp_dict__([")
		b.WriteString(keepLines(l.between(open.EndByte(), body.StartByte())))
		b.WriteString(l.pair(body))
		b.WriteString(l.restOf(n, body, close))
		b.WriteString("])")
		return b.String()
	}), true
}

// restOf lowers the children of n after `after` and before `before`,
// keeping the text between them.
func (l *lowerer) restOf(n, after, before *analysis.Node) string {
	var b strings.Builder
	pos := after.EndByte()
	for _, c := range kidsOf(n) {
		if c.StartByte() < after.EndByte() || c.StartByte() >= before.StartByte() {
			continue
		}
		b.WriteString(l.between(pos, c.StartByte()))
		b.WriteString(l.text(c))
		pos = c.EndByte()
	}
	b.WriteString(l.between(pos, before.StartByte()))
	return b.String()
}

func (l *lowerer) set(n *analysis.Node) (string, bool) {
	elems := elements(n)
	open, close := n.Child(0), n.Child(int(n.ChildCount())-1)
	if hasChildType(n, "list_splat") {
		return "__stelp_set__(" + l.starParts(elems, open.EndByte(), close.StartByte(), "__stelp_star_list__") + ")", true
	}
	body, tail := l.joinElems(elems, l.text, open.EndByte(), close.StartByte())
	return "__stelp_set__((" + body + "," + tail + "))", true
}

func (l *lowerer) setComp(n *analysis.Node) (string, bool) {
	return l.inComprehension(n, func() string {
		open, close := n.Child(0), n.Child(int(n.ChildCount())-1)
		return "__stelp_set__([" + l.restOf(n, open, close) + "])"
	}), true
}

func (l *lowerer) comprehension(n *analysis.Node) (string, bool) {
	return l.inComprehension(n, func() string { return l.generic(n) }), true
}

func hasChildType(n *analysis.Node, typ string) bool {
	for _, c := range kidsOf(n) {
		if c.Type() == typ {
			return true
		}
	}
	return false
}

// isTarget reports whether n is the target of an assignment or loop, where
// a starred element is gpython's own unpacking and stays.
func isTarget(n *analysis.Node) bool {
	p := n.Parent()
	for p != nil && (p.Type() == "parenthesized_expression" || p.Type() == "pattern_list" ||
		p.Type() == "tuple_pattern" || p.Type() == "list_pattern") {
		n, p = p, p.Parent()
	}
	if p == nil {
		return false
	}
	switch p.Type() {
	case "assignment", "augmented_assignment", "for_statement", "for_in_clause":
		left := p.ChildByFieldName("left")
		return left != nil && left.StartByte() == n.StartByte() && left.EndByte() == n.EndByte()
	case "delete_statement":
		return true
	}
	return false
}

// starDisplay lowers [*a, 1], (*a, 1) and `return *a, 1`.
func (l *lowerer) starDisplay(n *analysis.Node) (string, bool) {
	if !hasChildType(n, "list_splat") || isTarget(n) {
		return "", false
	}
	fn := "__stelp_star_tuple__"
	if n.Type() == "list" {
		fn = "__stelp_star_list__"
	}
	start, end := n.StartByte(), n.EndByte()
	if n.Type() != "expression_list" {
		start, end = n.Child(0).EndByte(), n.Child(int(n.ChildCount())-1).StartByte()
	}
	return l.starParts(elements(n), start, end, fn), true
}

// starParts turns display elements into helper(part, part, ...) where a
// starred element is passed as is and runs of plain elements as tuples.
func (l *lowerer) starParts(elems []*analysis.Node, start, end uint32, fn string) string {
	gaps := l.gaps(elems, start)
	groups := l.grouped(elems, gaps, "list_splat", l.text, tupleRun)
	return fn + "(" + strings.Join(groups, ", ") + keepLines(l.between(lastEnd(elems, start), end)) + ")"
}

func tupleRun(items []string) string { return "(" + strings.Join(items, ", ") + ",)" }

func kwRun(items []string) string { return "__stelp_kw__(" + strings.Join(items, ", ") + ")" }

// gaps maps each element (by start byte) to the lines of the original
// text before it, from the end of the element before it (or from start).
func (l *lowerer) gaps(elems []*analysis.Node, start uint32) map[uint32]string {
	out := make(map[uint32]string, len(elems))
	pos := start
	for _, e := range elems {
		out[e.StartByte()] = keepLines(l.between(pos, e.StartByte()))
		pos = e.EndByte()
	}
	return out
}

func lastEnd(elems []*analysis.Node, start uint32) uint32 {
	if len(elems) == 0 {
		return start
	}
	return elems[len(elems)-1].EndByte()
}

// grouped writes items as helper arguments: each starred item (of type
// starred) as its parenthesised operand, each run of other items through run.
func (l *lowerer) grouped(items []*analysis.Node, gaps map[uint32]string, starred string, item func(*analysis.Node) string, run func([]string) string) []string {
	var groups, cur []string
	for _, e := range items {
		if e.Type() == starred {
			if len(cur) > 0 {
				groups = append(groups, run(cur))
				cur = nil
			}
			groups = append(groups, gaps[e.StartByte()]+"("+l.text(e.NamedChild(0))+")")
			continue
		}
		cur = append(cur, gaps[e.StartByte()]+item(e))
	}
	if len(cur) > 0 {
		groups = append(groups, run(cur))
	}
	return groups
}

// argList makes a call's arguments fit gpython's grammar (positional, then
// keywords, then at most one *args, then at most one **kwargs): extra stars
// are merged by helpers.
func (l *lowerer) argList(n *analysis.Node) (string, bool) {
	elems := elements(n)
	stars, dstars := 0, 0
	positionalAfterStar := false
	keywordAfterDstar := false
	for _, e := range elems {
		switch e.Type() {
		case "list_splat":
			stars++
		case "dictionary_splat":
			dstars++
		case "keyword_argument":
			if dstars > 0 {
				keywordAfterDstar = true
			}
		default:
			if stars > 0 {
				positionalAfterStar = true
			}
		}
	}
	if stars == 0 && dstars == 0 {
		return "", false
	}
	open, close := n.Child(0), n.Child(int(n.ChildCount())-1)
	gaps := l.gaps(elems, open.EndByte())
	var pos []*analysis.Node // positional and starred, in order
	var kw []*analysis.Node  // keyword and double-starred, in order
	for _, e := range elems {
		if e.Type() == "keyword_argument" || e.Type() == "dictionary_splat" {
			kw = append(kw, e)
		} else {
			pos = append(pos, e)
		}
	}
	var out []string
	// Positional arguments: plain ones up to the first star stay.
	i := 0
	for ; i < len(pos) && pos[i].Type() != "list_splat"; i++ {
		out = append(out, gaps[pos[i].StartByte()]+l.text(pos[i]))
	}
	switch {
	case stars > 1 || positionalAfterStar:
		out = append(out, "*__stelp_star_tuple__("+strings.Join(l.grouped(pos[i:], gaps, "list_splat", l.text, tupleRun), ", ")+")")
	case i < len(pos):
		e := pos[i]
		out = append(out, gaps[e.StartByte()]+"*"+l.text(e.NamedChild(0)))
	}
	// Keywords before a single last ** stay, and so does that ** (the
	// runtime accepts any mapping there, and reads its key order); other
	// mixes merge into one ordered dict.
	i = 0
	if !keywordAfterDstar && dstars <= 1 {
		for ; i < len(kw) && kw[i].Type() == "keyword_argument"; i++ {
			out = append(out, gaps[kw[i].StartByte()]+l.text(kw[i]))
		}
		if i == len(kw)-1 {
			e := kw[i]
			out = append(out, gaps[e.StartByte()]+"**"+l.text(e.NamedChild(0)))
			i++
		}
	}
	if i < len(kw) {
		out = append(out, "**__stelp_kwargs__("+strings.Join(l.grouped(kw[i:], gaps, "dictionary_splat", l.text, kwRun), ", ")+")")
	}
	return "(" + strings.Join(out, ", ") + keepLines(l.between(lastEnd(elems, open.EndByte()), close.StartByte())) + ")", true
}
