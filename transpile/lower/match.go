package lower

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// match lowers a match statement to an if/elif chain at the match's own
// indentation (the case bodies, indented deeper, stay where they are):
//
//	match cmd:                         __stelp_s1__ = cmd
//	    case [x, *rest] if x > 0:      if __stelp_case__(__stelp_s1__, SPEC, (TARGETS)) and (x > 0):
//	        body                               body
//	    case _:                        elif __stelp_case__(__stelp_s1__, ('_',), ()):
//
// SPEC is a tuple description of the pattern (see Prelude) whose value
// patterns are evaluated when the case is tried; TARGETS bind the captures on
// success, before the guard, in the scope CPython binds them (the same
// setters as :=). In a function whose captures are bound by nothing else,
// the match line becomes `for x, rest, __stelp_s1__ in
// __stelp_subject__(cmd): pass`, a loop over nothing that makes those names
// local; it stashes the subject, which the first case stores.
func (l *lowerer) match(n *analysis.Node) (string, bool) {
	body := n.ChildByFieldName("body")
	if body == nil {
		return "", false
	}
	var subjects []*analysis.Node
	for i := 0; i < int(n.ChildCount()); i++ {
		if n.FieldNameForChild(i) == "subject" {
			subjects = append(subjects, n.Child(i))
		}
	}
	if len(subjects) == 0 {
		return "", false
	}
	subj := ""
	for i, sn := range subjects {
		if i > 0 {
			subj += ", "
		}
		subj += l.text(sn)
	}
	if len(subjects) > 1 || hasChildTypeBetween(n, ",", subjects[0].EndByte(), body.StartByte()) {
		subj = "(" + subj + ",)"
	}
	indent := l.indentOf(n)
	sv := fmt.Sprintf("__stelp_s%d__", l.next())
	s := l.cur()

	// Captures of this match that need the never-run for loop.
	var fresh []string
	if s.kind == functionScope {
		seen := map[string]bool{}
		for _, cc := range children(body, true) {
			if cc.Type() != "case_clause" {
				continue
			}
			for _, p := range children(cc, true) {
				if p.Type() != "case_pattern" {
					continue
				}
				for _, name := range l.captureNames(p) {
					if !seen[name] && !s.bound[name] && !s.globals[name] && !s.nonlocals[name] {
						fresh = append(fresh, name)
					}
					seen[name] = true
				}
			}
		}
		sort.Strings(fresh)
	}
	colon := body
	for i := 0; i < int(n.ChildCount()); i++ {
		if c := n.Child(i); c.Type() == ":" && c.EndByte() <= body.StartByte() {
			colon = c
		}
	}
	header := l.between(n.StartByte(), colon.EndByte())
	var b strings.Builder
	firstSubj := sv
	// The subject's own newlines are inside it; keep the header's others.
	nl := strings.Repeat(" \\\n", max(strings.Count(header, "\n")-strings.Count(subj, "\n"), 0))
	if len(fresh) > 0 {
		// The never-run loop evaluates the subject (on the match line) and
		// stashes it; the first case takes it, before any other code runs.
		firstSubj = "__stelp_walrus__(lambda: " + sv + ", __stelp_take__())"
		b.WriteString("for " + strings.Join(append(fresh, sv), ", ") + " in __stelp_subject__(" + subj + "): pass" + nl)
	} else {
		b.WriteString(sv + " = " + subj + nl)
	}
	pos := colon.EndByte()
	first := true
	for _, cc := range children(body, true) {
		if cc.Type() != "case_clause" {
			continue
		}
		gap := l.between(pos, cc.StartByte())
		// Re-indent the case line to the match's indentation.
		if i := strings.LastIndex(gap, "\n"); i >= 0 {
			gap = gap[:i+1] + indent
		}
		b.WriteString(gap)
		kw := "elif "
		subjText := sv
		if first {
			kw = "if "
			subjText = firstSubj
		}
		b.WriteString(l.caseClause(cc, kw, subjText))
		pos = cc.EndByte()
		first = false
	}
	b.WriteString(l.between(pos, n.EndByte()))
	return b.String(), true
}

func hasChildTypeBetween(n *analysis.Node, typ string, from, to uint32) bool {
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.Type() == typ && c.StartByte() >= from && c.EndByte() <= to {
			return true
		}
	}
	return false
}

// indentOf is the whitespace before n on its line.
func (l *lowerer) indentOf(n *analysis.Node) string {
	start := int(n.StartByte())
	i := start
	for i > 0 && l.src[i-1] != '\n' {
		i--
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\f' {
			return r
		}
		return ' '
	}, string(l.src[i:start]))
}

// caseClause writes `if|elif __stelp_case__(subj, SPEC, TARGETS) and (guard):`
// followed by the case body.
func (l *lowerer) caseClause(cc *analysis.Node, kw, subj string) string {
	var pats []*analysis.Node
	var guard, body *analysis.Node
	for i := 0; i < int(cc.ChildCount()); i++ {
		c := cc.Child(i)
		switch {
		case c.Type() == "case_pattern":
			pats = append(pats, c)
		case cc.FieldNameForChild(i) == "guard":
			guard = c
		case cc.FieldNameForChild(i) == "consequence":
			body = c
		}
	}
	if len(pats) == 0 || body == nil {
		l.problem(cc, "match", "case clause without pattern")
		return l.raw(cc)
	}
	pb := &patBuilder{l: l, slots: map[string]int{}}
	var spec string
	if len(pats) == 1 && !hasChildTypeBetween(cc, ",", pats[0].EndByte(), body.StartByte()) {
		spec = pb.pattern(pats[0])
	} else {
		spec = pb.sequence(pats)
	}
	patEnd := pats[len(pats)-1].EndByte()
	var targets []string
	for _, name := range pb.names {
		targets = append(targets, l.setter(name))
	}
	tt := "()"
	if len(targets) > 0 {
		tt = "(" + strings.Join(targets, ", ") + ",)"
	}
	nl := strings.Repeat("\n", strings.Count(l.between(cc.StartByte(), patEnd), "\n"))
	cond := "__stelp_case__(" + subj + ", " + spec + ", " + tt + nl + ")"
	rest := l.between(patEnd, body.StartByte())
	if guard != nil {
		g := guard.NamedChild(0)
		cond += " and (" + l.text(g) + ")"
		rest = l.between(guard.EndByte(), body.StartByte())
	}
	// rest is `:` plus the whitespace (and maybe comment) before the body.
	return kw + cond + rest + l.text(body)
}

// captureNames lists the names a pattern binds, in order of appearance.
func (l *lowerer) captureNames(p *analysis.Node) []string {
	pb := &patBuilder{l: l, slots: map[string]int{}, dry: true}
	pb.pattern(p)
	return pb.names
}

// patBuilder writes a pattern as the tuple spec __stelp_case__ reads:
//
//	('_',)                      wildcard
//	('c', slot)                 capture
//	('v', value) / ('is', x)    literal or value pattern (== / is)
//	('s', (pats), star, slot)   sequence; star is the index of *x or -1
//	('m', ((key, pat),), slot)  mapping; slot receives **rest or -1
//	('k', cls, (pats), (('attr', pat),))  class pattern
//	('|', (pats))  ('as', pat, slot)
type patBuilder struct {
	l     *lowerer
	slots map[string]int
	names []string
	dry   bool // only collect names
}

func (pb *patBuilder) slot(name string) int {
	if i, ok := pb.slots[name]; ok {
		return i
	}
	pb.slots[name] = len(pb.names)
	pb.names = append(pb.names, name)
	return pb.slots[name]
}

func (pb *patBuilder) text(n *analysis.Node) string {
	if pb.dry {
		return ""
	}
	return pb.l.text(n)
}

// pattern writes the spec of one pattern node.
func (pb *patBuilder) pattern(n *analysis.Node) string {
	switch n.Type() {
	case "case_pattern":
		kids := children(n, false)
		if len(kids) == 1 {
			return pb.pattern(kids[0])
		}
		return pb.alternative(kids)
	case "_":
		return "('_',)"
	case "dotted_name":
		ids := elements(n)
		if len(ids) == 1 {
			name := pb.l.raw(ids[0])
			if name == "_" {
				return "('_',)"
			}
			return fmt.Sprintf("('c', %d)", pb.slot(name))
		}
		return "('v', " + pb.l.raw(n) + ")"
	case "identifier":
		name := pb.l.raw(n)
		if name == "_" {
			return "('_',)"
		}
		return fmt.Sprintf("('c', %d)", pb.slot(name))
	case "integer", "float", "string", "concatenated_string", "complex_pattern":
		return "('v', " + pb.text(n) + ")"
	case "none", "true", "false":
		return "('is', " + pb.l.raw(n) + ")"
	case "union_pattern":
		var alts []string
		var cur []*analysis.Node
		for _, c := range children(n, false) {
			if c.Type() == "|" {
				alts = append(alts, pb.alternative(cur))
				cur = nil
				continue
			}
			cur = append(cur, c)
		}
		alts = append(alts, pb.alternative(cur))
		return "('|', (" + strings.Join(alts, ", ") + ",))"
	case "as_pattern":
		var inner, alias *analysis.Node
		for _, c := range children(n, true) {
			if c.Type() == "case_pattern" && inner == nil {
				inner = c
			} else if c.Type() == "identifier" {
				alias = c
			}
		}
		if inner == nil || alias == nil {
			return pb.unsupported(n)
		}
		in := pb.pattern(inner)
		return fmt.Sprintf("('as', %s, %d)", in, pb.slot(pb.l.raw(alias)))
	case "tuple_pattern", "list_pattern":
		var items []*analysis.Node
		for _, c := range children(n, true) {
			if !isComment(c) {
				items = append(items, c)
			}
		}
		if n.Type() == "tuple_pattern" && len(items) == 1 && !hasChildType(n, ",") {
			return pb.pattern(items[0]) // (p) groups
		}
		return pb.sequence(items)
	case "dict_pattern":
		return pb.mapping(n)
	case "class_pattern":
		return pb.class(n)
	}
	return pb.unsupported(n)
}

func (pb *patBuilder) unsupported(n *analysis.Node) string {
	if !pb.dry {
		pb.l.problem(n, "match", "unsupported pattern "+n.Type())
	}
	return "('_',)"
}

// alternative writes a pattern given as sibling tokens (`-`, `1`).
func (pb *patBuilder) alternative(nodes []*analysis.Node) string {
	if len(nodes) == 1 {
		return pb.pattern(nodes[0])
	}
	if len(nodes) == 2 && nodes[0].Type() == "-" {
		return "('v', -" + pb.text(nodes[1]) + ")"
	}
	if len(nodes) > 0 {
		return pb.unsupported(nodes[0])
	}
	return "('_',)"
}

func (pb *patBuilder) sequence(items []*analysis.Node) string {
	var subs []string
	star, starSlot := -1, -1
	for i, it := range items {
		sp := it
		if sp.Type() == "case_pattern" && sp.NamedChildCount() == 1 && sp.NamedChild(0).Type() == "splat_pattern" {
			sp = sp.NamedChild(0)
		}
		if sp.Type() == "splat_pattern" {
			star = i
			if id := sp.NamedChild(0); id != nil && id.Type() == "identifier" && pb.l.raw(id) != "_" {
				starSlot = pb.slot(pb.l.raw(id))
			}
			subs = append(subs, "None")
			continue
		}
		subs = append(subs, pb.pattern(it))
	}
	tup := "()"
	if len(subs) > 0 {
		tup = "(" + strings.Join(subs, ", ") + ",)"
	}
	return fmt.Sprintf("('s', %s, %d, %d)", tup, star, starSlot)
}

func (pb *patBuilder) mapping(n *analysis.Node) string {
	var items []string
	rest := -1
	var key *analysis.Node
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		switch n.FieldNameForChild(i) {
		case "key":
			key = c
			continue
		case "value":
			k := pb.keyText(n, key, c)
			items = append(items, "("+k+", "+pb.pattern(c)+")")
			key = nil
			continue
		}
		if c.Type() == "splat_pattern" {
			if id := c.NamedChild(0); id != nil && pb.l.raw(id) != "_" {
				rest = pb.slot(pb.l.raw(id))
			}
		}
	}
	tup := "()"
	if len(items) > 0 {
		tup = "(" + strings.Join(items, ", ") + ",)"
	}
	return fmt.Sprintf("('m', %s, %d)", tup, rest)
}

// keyText is a mapping key: a literal (maybe negative) or a value pattern.
func (pb *patBuilder) keyText(n, key, value *analysis.Node) string {
	if key == nil {
		return "None"
	}
	// A negative key is `-` followed by the key node.
	start := key.StartByte()
	for i := 0; i < int(n.ChildCount()); i++ {
		c := n.Child(i)
		if c.Type() == "-" && c.EndByte() <= key.StartByte() && c.StartByte() >= start-2 {
			return "-" + pb.text(key)
		}
	}
	if key.Type() == "dotted_name" {
		return pb.l.raw(key)
	}
	return pb.text(key)
}

func (pb *patBuilder) class(n *analysis.Node) string {
	var cls string
	var pos, kw []string
	for _, c := range children(n, true) {
		switch c.Type() {
		case "dotted_name":
			if cls == "" {
				cls = pb.l.raw(c)
				continue
			}
			pos = append(pos, pb.pattern(c))
		case "case_pattern":
			if c.NamedChildCount() == 1 && c.NamedChild(0).Type() == "keyword_pattern" {
				kw = append(kw, pb.keyword(c.NamedChild(0)))
			} else {
				pos = append(pos, pb.pattern(c))
			}
		case "keyword_pattern":
			kw = append(kw, pb.keyword(c))
		case "comment":
		default:
			pos = append(pos, pb.pattern(c))
		}
	}
	tp := "()"
	if len(pos) > 0 {
		tp = "(" + strings.Join(pos, ", ") + ",)"
	}
	tk := "()"
	if len(kw) > 0 {
		tk = "(" + strings.Join(kw, ", ") + ",)"
	}
	return "('k', " + cls + ", " + tp + ", " + tk + ")"
}

func (pb *patBuilder) keyword(k *analysis.Node) string {
	kids := children(k, false)
	if len(kids) < 3 {
		return pb.unsupported(k)
	}
	attr := pb.l.raw(kids[0])
	return "('" + attr + "', " + pb.alternative(kids[2:]) + ")"
}
