package lower

import (
	"fmt"
	"strings"
	"sync"

	"github.com/stelp-dev/stelp/analysis"
	"golang.org/x/text/unicode/runenames"
)

// strPrefix splits a string_start token (`rf"""`) into prefix and quote.
func strPrefix(start string) (prefix, quote string) {
	i := strings.IndexAny(start, `"'`)
	if i < 0 {
		return start, `"`
	}
	return start[:i], start[i:]
}

// str lowers one string literal: f-strings become concatenations of
// literals and __stelp_format__ calls; \N{...} escapes (unknown to gpython)
// become \U escapes.
func (l *lowerer) str(n *analysis.Node) (string, bool) {
	if n.ChildCount() == 0 {
		return "", false
	}
	prefix, quote := strPrefix(l.raw(n.Child(0)))
	lp := strings.ToLower(prefix)
	if strings.Contains(lp, "f") {
		return l.fstring(n, lp, quote), true
	}
	if strings.ContainsAny(lp, "rb") || !strings.Contains(l.raw(n), `\N{`) {
		return "", false
	}
	return l.namedEscapes(n, l.raw(n)), true
}

// namedEscapes replaces every \N{NAME} escape_sequence under n in text
// (which starts at n's first byte).
func (l *lowerer) namedEscapes(n *analysis.Node, text string) string {
	var b strings.Builder
	pos := n.StartByte()
	base := n.StartByte()
	var walk func(c *analysis.Node)
	walk = func(c *analysis.Node) {
		if c.Type() == "escape_sequence" && strings.HasPrefix(l.raw(c), `\N{`) {
			b.WriteString(text[pos-base : c.StartByte()-base])
			b.WriteString(l.namedEscape(c))
			pos = c.EndByte()
			return
		}
		for i := 0; i < int(c.ChildCount()); i++ {
			walk(c.Child(i))
		}
	}
	walk(n)
	b.WriteString(text[pos-base:])
	return b.String()
}

var runeByName = sync.OnceValue(func() map[string]rune {
	m := make(map[string]rune, 40000)
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		name := runenames.Name(r)
		if name == "" || strings.HasPrefix(name, "<") {
			continue
		}
		m[name] = r
	}
	return m
})

func (l *lowerer) namedEscape(c *analysis.Node) string {
	raw := l.raw(c)
	name := strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(raw, `\N{`), "}"))
	r, ok := runeByName()[name]
	if !ok {
		l.problem(c, "string", fmt.Sprintf("unknown character name in %s", raw))
		return raw
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// concatenated lowers implicit concatenation: when one part is an f-string
// the parts are joined with + (in parentheses, keeping the text between
// them, comments and newlines included).
func (l *lowerer) concatenated(n *analysis.Node) (string, bool) {
	parts := children(n, true)
	hasF := false
	for _, p := range parts {
		if p.Type() == "string" && p.ChildCount() > 0 {
			pre, _ := strPrefix(l.raw(p.Child(0)))
			if strings.ContainsAny(pre, "fF") {
				hasF = true
			}
		}
	}
	if !hasF {
		return "", false
	}
	var b strings.Builder
	b.WriteString("(")
	pos := n.StartByte()
	first := true
	for _, p := range parts {
		gap := l.between(pos, p.StartByte())
		if isComment(p) {
			continue
		}
		if !first {
			b.WriteString(" +")
		}
		b.WriteString(gap)
		b.WriteString(l.text(p))
		pos = p.EndByte()
		first = false
	}
	b.WriteString(l.between(pos, n.EndByte()))
	b.WriteString(")")
	return b.String(), true
}

// fstring turns f"a{x!r:>{w}}" into ('a' + __stelp_format__(x, '>' +
// __stelp_format__(w, ”, ”), 'r')).
func (l *lowerer) fstring(n *analysis.Node, prefix, quote string) string {
	litPrefix := strings.ReplaceAll(prefix, "f", "")
	raw := strings.Contains(litPrefix, "r")
	var parts []string
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, literal(lit.String(), litPrefix, quote, raw))
			lit.Reset()
		}
	}
	kids := children(n, false)
	if len(kids) < 2 {
		return "''"
	}
	pos := kids[0].EndByte()
	for _, c := range kids[1 : len(kids)-1] {
		lit.WriteString(l.between(pos, c.StartByte()))
		switch c.Type() {
		case "interpolation":
			flush()
			parts = append(parts, l.interpolation(c, litPrefix, quote, raw)...)
		case "string_content":
			text := l.raw(c)
			if !raw && strings.Contains(text, `\N{`) {
				text = l.namedEscapes(c, text)
			}
			text = strings.ReplaceAll(strings.ReplaceAll(text, "{{", "{"), "}}", "}")
			lit.WriteString(text)
		default:
			lit.WriteString(l.raw(c))
		}
		pos = c.EndByte()
	}
	lit.WriteString(l.between(pos, kids[len(kids)-1].StartByte()))
	// tree-sitter folds trailing backslashes into the string_end token.
	endText := l.raw(kids[len(kids)-1])
	if len(endText) > len(quote) {
		lit.WriteString(endText[:len(endText)-len(quote)])
	}
	flush()
	switch len(parts) {
	case 0:
		return "''"
	case 1:
		// A literal or a call: atomic either way.
		return parts[0]
	}
	return "(" + strings.Join(parts, " + ") + ")"
}

// literal writes text (source text of a string body) as a literal with the
// given prefix and quote, keeping its escapes and newlines.
func literal(text, prefix, quote string, raw bool) string {
	q := quote[:1]
	triple := len(quote) == 3
	var tail string
	// A body that ends in a backslash or (triple-quoted) in the quote
	// character would swallow the closing quote.
	trailing := len(text) - len(strings.TrimRight(text, `\`))
	if trailing > 0 {
		if raw {
			tail = " + '" + strings.Repeat(`\\`, trailing) + "'"
			text = text[:len(text)-trailing]
		} else if trailing%2 == 1 {
			// f"\{x}" keeps its backslash in CPython.
			text += `\`
		}
	}
	if triple && strings.HasSuffix(text, q) && backslashesBefore(text, len(text)-1)%2 == 0 {
		text = text[:len(text)-1]
		if raw {
			tail = " + '\\" + q + "'"
		} else {
			text += `\` + q
		}
	}
	if text == "" && tail != "" {
		return strings.TrimPrefix(tail, " + ")
	}
	return prefix + quote + text + quote + tail
}

// backslashesBefore counts the backslashes right before text[i].
func backslashesBefore(text string, i int) int {
	n := 0
	for i > 0 && text[i-1] == '\\' {
		n++
		i--
	}
	return n
}

// interpolation lowers one {expr!c:spec} (or a nested {expr} in a spec) to
// the parts it adds: the __stelp_format__ call, after the literal text of a
// {expr=} debug field.
func (l *lowerer) interpolation(n *analysis.Node, prefix, quote string, raw bool) []string {
	expr := n.ChildByFieldName("expression")
	if expr == nil {
		// tree-sitter names the expression field on interpolation; fall
		// back to the first named child.
		expr = n.NamedChild(0)
	}
	conv := ""
	spec := "''"
	debug := ""
	kids := children(n, false)
	for i, c := range kids {
		switch c.Type() {
		case "=":
			// CPython keeps the text up to what follows the =, spaces
			// included.
			end := c.EndByte()
			if i+1 < len(kids) {
				end = kids[i+1].StartByte()
			}
			debug = l.between(n.StartByte()+1, end)
		case "type_conversion":
			conv = strings.TrimPrefix(l.raw(c), "!")
		case "format_specifier":
			spec = l.formatSpec(c, prefix, quote, raw)
		}
	}
	if debug != "" && conv == "" && spec == "''" {
		conv = "r"
	}
	call := "__stelp_format__((" + l.text(expr) + "), " + spec + ", '" + conv + "')"
	if debug != "" {
		return []string{pyQuote(debug), call}
	}
	return []string{call}
}

func (l *lowerer) formatSpec(n *analysis.Node, prefix, quote string, raw bool) string {
	var parts []string
	pos := n.StartByte() + 1 // after ':'
	addLit := func(s string) {
		if s != "" {
			parts = append(parts, literal(s, prefix, quote, raw))
		}
	}
	for _, c := range children(n, true) {
		if c.Type() != "format_expression" {
			continue
		}
		addLit(l.between(pos, c.StartByte()))
		parts = append(parts, l.interpolation(c, prefix, quote, raw)...)
		pos = c.EndByte()
	}
	addLit(l.between(pos, n.EndByte()))
	if len(parts) == 0 {
		return "''"
	}
	return strings.Join(parts, " + ")
}

// pyQuote writes s as a Python str literal; newlines stay real newlines (in
// a triple-quoted literal) so the line count does not change.
func pyQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\t", `\t`, "\r", `\r`)
	if strings.Contains(s, "\n") {
		return "'''" + r.Replace(s) + "'''"
	}
	return "'" + r.Replace(s) + "'"
}

// number drops the digit separators (1_000) that gpython does not accept.
func (l *lowerer) number(n *analysis.Node) (string, bool) {
	raw := l.raw(n)
	if !strings.Contains(raw, "_") {
		return "", false
	}
	return strings.ReplaceAll(raw, "_", ""), true
}
