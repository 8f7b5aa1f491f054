package fix

import (
	"bytes"
	"context"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

// doc is one document being fixed: its source, tree and line table.
type doc struct {
	src   []byte
	root  *analysis.Node
	lines []int
	unit  string // indentUnit, once computed
	pol   *policy.Policy
	// hugeLoops counts the document's huge-iteration findings (-1: not
	// yet), which a loop bound must not add to.
	hugeLoops int
	rebound   map[string]bool // rebinds, by name
	// tree is the document's analysis tree (nil when the doc was built
	// from a tree-sitter node alone); parser parses variants of the
	// document (made on first use, closed by close).
	tree   *analysis.Tree
	parser *analysis.Parser
	// parsed holds the fixes already known to parse: a fixer that parsed
	// its result to choose it (boundedLoop) spares the validator.
	parsed map[*analysis.Fix]bool
}

// close releases the parser of the document's variants.
func (d *doc) close() {
	if d.parser != nil {
		d.parser.Close()
		d.parser = nil
	}
}

func newDoc(src []byte, root *analysis.Node) *doc {
	return &doc{src: src, root: root, lines: lineStarts(src), hugeLoops: -1}
}

func lineStarts(src []byte) []int {
	ls := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return ls
		}
		i += j + 1
		ls = append(ls, i)
	}
}

// offset converts a 0-based line and byte column to a byte offset; ok is
// false when the position is outside the source.
func offset(src []byte, ls []int, p analysis.Position) (int, bool) {
	if p.Line < 0 || p.Line >= len(ls) || p.Column < 0 {
		return 0, false
	}
	off := ls[p.Line] + p.Column
	if off > len(src) {
		return 0, false
	}
	return off, true
}

func position(ls []int, off int) analysis.Position {
	i := sort.Search(len(ls), func(i int) bool { return ls[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return analysis.Position{Line: i, Column: off - ls[i]}
}

// nodeAt returns the smallest named node covering r.
func (d *doc) nodeAt(r analysis.Range) *analysis.Node {
	start, ok1 := offset(d.src, d.lines, r.Start)
	end, ok2 := offset(d.src, d.lines, r.End)
	if !ok1 || !ok2 {
		return nil
	}
	return d.root.NamedDescendantForByteRange(uint32(start), uint32(end))
}

func (d *doc) text(n *analysis.Node) string {
	return string(d.src[n.StartByte():n.EndByte()])
}

// edit makes a TextEdit replacing bytes [start, end).
func (d *doc) edit(start, end int, text string) analysis.TextEdit {
	return analysis.TextEdit{Range: analysis.Range{Start: position(d.lines, start), End: position(d.lines, end)}, NewText: text}
}

func (d *doc) replace(n *analysis.Node, text string) analysis.TextEdit {
	return d.edit(int(n.StartByte()), int(n.EndByte()), text)
}

// validator re-parses a document with a fix's edits applied, reusing the
// document's tree so that only the edited region is parsed again.
type validator struct {
	p    *sitter.Parser
	tree *sitter.Tree
}

func newValidator(t *analysis.Tree) *validator {
	p := sitter.NewParser()
	p.SetLanguage(python.GetLanguage())
	return &validator{p: p, tree: t.Sitter()}
}

func (v *validator) close() { v.p.Close() }

// parses reports whether d's source with edits applied parses without errors.
func (v *validator) parses(ctx context.Context, d *doc, edits []analysis.TextEdit) bool {
	es, ok := toByteEdits(d.src, d.lines, edits)
	if !ok {
		return false
	}
	sort.SliceStable(es, func(i, j int) bool { return lessEdit(es[i], es[j]) })
	var old *sitter.Tree // nil: the document has no tree-sitter tree to reuse
	if v.tree != nil {
		old = v.tree.Copy()
		defer old.Close()
	}
	// Last edit first: earlier offsets stay valid in the original's terms.
	for i := len(es) - 1; old != nil && i >= 0; i-- {
		e := es[i]
		start := position(d.lines, e.start)
		oldEnd := position(d.lines, e.end)
		old.Edit(sitter.EditInput{
			StartIndex: uint32(e.start), OldEndIndex: uint32(e.end), NewEndIndex: uint32(e.start + len(e.text)),
			StartPoint:  point(start),
			OldEndPoint: point(oldEnd),
			NewEndPoint: point(advance(start, e.text)),
		})
	}
	t, err := v.p.ParseCtx(ctx, old, applyBytes(d.src, es))
	if err != nil || t == nil {
		return false
	}
	defer t.Close()
	return !t.RootNode().HasError()
}

func point(p analysis.Position) sitter.Point {
	return sitter.Point{Row: uint32(p.Line), Column: uint32(p.Column)}
}

// advance is the position after text inserted at p.
func advance(p analysis.Position, text string) analysis.Position {
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		return analysis.Position{Line: p.Line + strings.Count(text, "\n"), Column: len(text) - i - 1}
	}
	return analysis.Position{Line: p.Line, Column: p.Column + len(text)}
}

// byteEdit is a TextEdit resolved to byte offsets.
type byteEdit struct {
	start, end int
	text       string
	isImport   bool // an import line added at the module's import point
}

func toByteEdits(src []byte, ls []int, edits []analysis.TextEdit) ([]byteEdit, bool) {
	out := make([]byteEdit, 0, len(edits))
	for _, e := range edits {
		s, ok1 := offset(src, ls, e.Range.Start)
		t, ok2 := offset(src, ls, e.Range.End)
		if !ok1 || !ok2 || t < s {
			return nil, false
		}
		out = append(out, byteEdit{start: s, end: t, text: e.NewText, isImport: s == t && isImportLine(e.NewText)})
	}
	return out, true
}

func isImportLine(s string) bool {
	s = strings.TrimPrefix(s, "\n")
	return strings.HasPrefix(s, "import ") && strings.HasSuffix(s, "\n") && strings.Count(s, "\n") == 1
}

// overlaps reports whether two edits cannot both be applied: their
// replaced spans intersect, an insertion falls inside the other's span, or
// both insert at the same point (their order would be arbitrary), except
// import lines, which go in sorted order.
func overlaps(a, b byteEdit) bool {
	if a.start < b.end && b.start < a.end {
		return true
	}
	if a.start == a.end && b.start < a.start && a.start < b.end {
		return true
	}
	if b.start == b.end && a.start < b.start && b.start < a.end {
		return true
	}
	if a.start == a.end && b.start == b.end && a.start == b.start && !(a.isImport && b.isImport) {
		return true
	}
	return false
}

func lessEdit(a, b byteEdit) bool {
	if a.start != b.start {
		return a.start < b.start
	}
	if a.end != b.end {
		return a.end < b.end
	}
	if a.isImport != b.isImport {
		return a.isImport
	}
	return a.text < b.text
}

// applyBytes applies non-overlapping edits.
func applyBytes(src []byte, edits []byteEdit) []byte {
	es := append([]byteEdit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return lessEdit(es[i], es[j]) })
	var b strings.Builder
	b.Grow(len(src) + 64)
	last := 0
	for _, e := range es {
		if e.start < last {
			continue // defensive: callers never pass overlapping edits
		}
		b.Write(src[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return []byte(b.String())
}

func sortEdits(es []analysis.TextEdit) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Range.Start, es[j].Range.Start
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// --- imports ------------------------------------------------------------

// importEdit returns the edit adding `import module` at the module's import
// point (after the docstring and the leading imports), or ok=false when the
// module is already imported at top level under its own name.
func (d *doc) importEdit(module string) (analysis.TextEdit, bool) {
	if d.imports(module) {
		return analysis.TextEdit{}, false
	}
	at := 0
	first := true
	for i := 0; i < int(d.root.NamedChildCount()); i++ {
		c := d.root.NamedChild(i)
		switch c.Type() {
		case "comment":
			continue
		case "import_statement", "import_from_statement", "future_import_statement":
			at = d.lineAfter(int(c.EndByte()))
			first = false
			continue
		case "expression_statement":
			if first && c.NamedChildCount() == 1 && c.NamedChild(0).Type() == "string" {
				at = d.lineAfter(int(c.EndByte()))
				first = false
				continue
			}
		}
		if first {
			at = d.lineStart(int(c.StartByte()))
		}
		break
	}
	text := "import " + module + "\n"
	if at == len(d.src) && at > 0 && d.src[at-1] != '\n' {
		text = "\n" + text
	}
	return d.edit(at, at, text), true
}

// imports reports whether a top-level import binds module under its name.
func (d *doc) imports(module string) bool {
	for i := 0; i < int(d.root.NamedChildCount()); i++ {
		c := d.root.NamedChild(i)
		if c.Type() != "import_statement" {
			continue
		}
		for j := 0; j < int(c.NamedChildCount()); j++ {
			n := c.NamedChild(j)
			if n.Type() == "dotted_name" {
				t := d.text(n)
				if t == module || strings.HasPrefix(t, module+".") && !strings.Contains(module, ".") {
					return true
				}
			}
		}
	}
	return false
}

// lineAfter is the start of the line after the one holding off (or the end
// of the source).
func (d *doc) lineAfter(off int) int {
	for i := off; i < len(d.src); i++ {
		if d.src[i] == '\n' {
			return i + 1
		}
	}
	return len(d.src)
}

func (d *doc) lineStart(off int) int {
	for off > 0 && d.src[off-1] != '\n' {
		off--
	}
	return off
}

// lineEnd is the offset of the newline ending the line holding off (or the
// end of the source).
func (d *doc) lineEnd(off int) int {
	for i := off; i < len(d.src); i++ {
		if d.src[i] == '\n' {
			return i
		}
	}
	return len(d.src)
}

// indentOf returns the whitespace that starts the line holding off.
func (d *doc) indentOf(off int) string {
	s := d.lineStart(off)
	e := s
	for e < len(d.src) && (d.src[e] == ' ' || d.src[e] == '\t') {
		e++
	}
	return string(d.src[s:e])
}

// startsLine reports whether only whitespace precedes n on its line.
func (d *doc) startsLine(n *analysis.Node) bool {
	s := int(n.StartByte())
	return len(d.indentOf(s)) == s-d.lineStart(s)
}

// endsLine reports whether only whitespace or a comment follows n on its line.
func (d *doc) endsLine(n *analysis.Node) bool {
	rest := strings.TrimLeft(string(d.src[n.EndByte():d.lineEnd(int(n.EndByte()))]), " \t\r")
	return rest == "" || strings.HasPrefix(rest, "#")
}

// indentUnit guesses one level of indentation from the file: the first
// increase of indentation between two code lines; four spaces by default.
func (d *doc) indentUnit() string {
	if d.unit == "" {
		d.unit = guessIndentUnit(d.src)
	}
	return d.unit
}

func guessIndentUnit(src []byte) string {
	prev := ""
	for _, line := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(line, " \t")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		ind := line[:len(line)-len(t)]
		if len(ind) > len(prev) && strings.HasPrefix(ind, prev) {
			return ind[len(prev):]
		}
		prev = ind
	}
	return "    "
}

// --- calls --------------------------------------------------------------

// enclosing walks up from n (inclusive) to the first node of kind k.
func enclosing(n *analysis.Node, k string) *analysis.Node {
	for ; n != nil; n = n.Parent() {
		if n.Type() == k {
			return n
		}
	}
	return nil
}

// callParts splits a call's arguments into positional ones and keyword
// arguments (by name); splat is true when *args or **kwargs appear.
type callParts struct {
	args  *analysis.Node
	list  []*analysis.Node // every argument, in order
	pos   []*analysis.Node
	kw    map[string]*analysis.Node // keyword_argument nodes
	splat bool
}

func (d *doc) call(call *analysis.Node) (callParts, bool) {
	var cp callParts
	if call == nil || call.Type() != "call" {
		return cp, false
	}
	cp.args = call.ChildByFieldName("arguments")
	if cp.args == nil || cp.args.Type() != "argument_list" {
		return cp, false
	}
	cp.kw = map[string]*analysis.Node{}
	for i := 0; i < int(cp.args.NamedChildCount()); i++ {
		a := cp.args.NamedChild(i)
		switch a.Type() {
		case "comment":
			continue
		case "keyword_argument":
			if nm := a.ChildByFieldName("name"); nm != nil {
				cp.kw[d.text(nm)] = a
			}
		case "list_splat", "dictionary_splat":
			cp.splat = true
		default:
			cp.pos = append(cp.pos, a)
		}
		cp.list = append(cp.list, a)
	}
	return cp, true
}

// removeArg deletes one argument and its separating comma.
func (d *doc) removeArg(cp callParts, arg *analysis.Node) analysis.TextEdit {
	idx := -1
	for i, a := range cp.list {
		if a.Equal(arg) {
			idx = i
		}
	}
	switch {
	case idx >= 0 && idx+1 < len(cp.list):
		return d.edit(int(arg.StartByte()), int(cp.list[idx+1].StartByte()), "")
	case idx > 0:
		return d.edit(int(cp.list[idx-1].EndByte()), int(arg.EndByte()), "")
	default:
		return d.replace(arg, "")
	}
}

// calleeName returns the dotted text of a call's function when it is a
// plain name or attribute chain of names ("os.system"), else "".
func (d *doc) calleeName(call *analysis.Node) string {
	f := call.ChildByFieldName("function")
	if f == nil {
		return ""
	}
	return dottedText(d, f)
}

func dottedText(d *doc, n *analysis.Node) string {
	switch n.Type() {
	case "identifier":
		return d.text(n)
	case "attribute":
		obj := n.ChildByFieldName("object")
		attr := n.ChildByFieldName("attribute")
		if obj == nil || attr == nil {
			return ""
		}
		o := dottedText(d, obj)
		if o == "" {
			return ""
		}
		return o + "." + d.text(attr)
	}
	return ""
}

// --- string literals ----------------------------------------------------

// constString decodes a string literal whose value is fixed in the text:
// a plain literal, or an f-string whose only interpolations are integer
// literals (`f"n >= {8}"`). Bytes, implicit concatenation and escapes
// this decoder does not know give ok=false.
func (d *doc) constString(n *analysis.Node) (string, bool) {
	if n == nil || n.Type() != "string" {
		return "", false
	}
	lit := d.text(n)
	prefix := strings.ToLower(lit[:strings.IndexAny(lit+"'", "'\"")])
	if !strings.Contains(prefix, "f") {
		for i := 0; i < int(n.NamedChildCount()); i++ {
			if n.NamedChild(i).Type() == "interpolation" {
				return "", false
			}
		}
		return decodeString(lit)
	}
	// An f-string: substitute the constant interpolations, undouble the
	// braces of the text between them, then decode as a plain literal.
	var b strings.Builder
	base := int(n.StartByte())
	last := 0
	text := func(s string) {
		s = strings.ReplaceAll(s, "{{", "{")
		b.WriteString(strings.ReplaceAll(s, "}}", "}"))
	}
	for i := 0; i < int(n.NamedChildCount()); i++ {
		c := n.NamedChild(i)
		if c.Type() != "interpolation" {
			continue
		}
		if c.NamedChildCount() != 1 || c.NamedChild(0).Type() != "integer" {
			return "", false
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(d.text(c.NamedChild(0)), "_", ""), 0, 64)
		if err != nil {
			return "", false
		}
		text(lit[last : int(c.StartByte())-base])
		b.WriteString(strconv.FormatInt(v, 10))
		last = int(c.EndByte()) - base
	}
	text(lit[last:])
	plain := b.String()
	cut := strings.IndexAny(plain, "fF")
	if cut < 0 || cut >= len(prefix) {
		return "", false
	}
	return decodeString(plain[:cut] + plain[cut+1:])
}

func decodeString(lit string) (string, bool) {
	i := 0
	raw := false
	for i < len(lit) && lit[i] != '\'' && lit[i] != '"' {
		switch lit[i] {
		case 'r', 'R':
			raw = true
		case 'u', 'U':
		default:
			return "", false // b, f and unknown prefixes
		}
		i++
	}
	body := lit[i:]
	var q string
	switch {
	case strings.HasPrefix(body, `"""`), strings.HasPrefix(body, `'''`):
		q = body[:3]
	case len(body) >= 2:
		q = body[:1]
	default:
		return "", false
	}
	if len(body) < 2*len(q) || !strings.HasSuffix(body, q) {
		return "", false
	}
	body = body[len(q) : len(body)-len(q)]
	if raw {
		return body, true
	}
	var b strings.Builder
	for j := 0; j < len(body); j++ {
		c := body[j]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		j++
		if j >= len(body) {
			return "", false
		}
		switch body[j] {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(body[j])
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'x':
			if j+3 > len(body) {
				return "", false
			}
			v, err := strconv.ParseUint(body[j+1:j+3], 16, 8)
			if err != nil {
				return "", false
			}
			b.WriteRune(rune(v))
			j += 2
		default:
			return "", false
		}
	}
	s := b.String()
	if !utf8.ValidString(s) {
		return "", false
	}
	return s, true
}

// pyQuote writes s as a Python string literal.
func pyQuote(s string) string {
	q := "'"
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(q)
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case string(r) == q:
			b.WriteString(`\` + q)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			b.WriteString(`\x` + strconv.FormatInt(int64(r)+0x100, 16)[1:])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(q)
	return b.String()
}

// identifierUses calls visit for every identifier named name under n, in
// source order. It finds the name's occurrences in n's text and asks the
// tree what each one is: a few lookups instead of visiting every node
// (each visit a cgo call).
func (d *doc) identifierUses(n *analysis.Node, name string, visit func(id *analysis.Node)) {
	if name == "" {
		return
	}
	end := int(n.EndByte())
	nb := []byte(name)
	for off := int(n.StartByte()); off < end; {
		i := bytes.Index(d.src[off:end], nb)
		if i < 0 {
			return
		}
		at := off + i
		off = at + 1
		if (at > 0 && identByte(d.src[at-1])) || (at+len(name) < len(d.src) && identByte(d.src[at+len(name)])) {
			continue // part of a longer name
		}
		id := n.NamedDescendantForByteRange(uint32(at), uint32(at+len(name)))
		if id != nil && id.Type() == "identifier" && int(id.StartByte()) == at && int(id.EndByte()) == at+len(name) {
			visit(id)
		}
	}
}

// identByte reports a byte that can continue an identifier (non-ASCII
// bytes may: Python identifiers are Unicode).
func identByte(b byte) bool {
	return b == '_' || b >= 0x80 || ('0' <= b && b <= '9') || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z')
}
