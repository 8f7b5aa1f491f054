// Package lower rewrites modern Python (3.8–3.12 syntax) into the
// Python-3.4-level language that gpython v0.2.0 compiles, keeping every
// original line on its original line number.
//
// The rewrite is a set of text substitutions on the original bytes, driven by
// the tree-sitter syntax tree: a node whose text must change is rebuilt from
// the (already lowered) text of its children and the original bytes between
// them, so newlines and comments between tokens survive and line numbers never
// move. Constructs that need statements gpython lacks are expressed with the
// helpers of Prelude (pure Python 3.4) and the runtime ABI of exec/pyrt
// (__stelp_dict__, __stelp_set__, __stelp_dict_merge__, __stelp_format__).
//
// Anything that cannot be lowered with exact CPython semantics is reported in
// Result.Unsupported with its line, never silently mis-translated.
package lower

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// Problem is a construct that could not be lowered.
type Problem struct {
	Line, Col int // 1-based; Col counts bytes
	Feature   string
	Msg       string
}

func (p Problem) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Col, p.Feature, p.Msg)
}

// Result is the lowered program.
type Result struct {
	// Code is 3.4-level Python; original line N is output line N.
	Code []byte
	// Unsupported lists what could not be lowered. When it is not empty the
	// program must not be run: Code then only approximates the input.
	Unsupported []Problem
}

// Lower parses src and rewrites what gpython cannot compile. It returns an
// error only when parsing itself fails (cancelled context); unsupported
// constructs and syntax errors are Problems.
func Lower(ctx context.Context, src []byte) (res *Result, err error) {
	tree, err := analysis.ParseSource(ctx, src)
	if err != nil {
		return nil, fmt.Errorf("lower: parse: %w", err)
	}
	defer tree.Close()
	return LowerTree(ctx, tree)
}

// LowerTree is Lower of an already parsed program (tree.Source()); the
// tree stays the caller's.
func LowerTree(ctx context.Context, tree *analysis.Tree) (res *Result, err error) {
	defer func() {
		// A bug in one rewrite must not take the language server down.
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("lower: internal error: %v", r)
		}
	}()
	src := tree.Source()
	patched, changed := normaliseIdentifiers(tree)
	// tree-sitter reads `match [a, b]:` as an annotated subscript of a
	// variable named match; `match ([a, b]):` is the same statement and
	// parses as one (same lines, same subject).
	if p, ok := parenthesiseListSubjects(patched); ok {
		patched, changed = p, true
	}
	if changed {
		if t2, err := analysis.ParseSource(ctx, patched); err == nil {
			defer t2.Close()
			tree, src = t2, patched
		}
	}
	root := tree.RootNode()

	l := &lowerer{src: src, scopes: map[nodeKey]*scope{}, dirty: map[nodeKey]bool{}}
	if root.HasError() {
		// Leave the text alone: gpython reports the SyntaxError itself, with
		// its own position, exactly like CPython would refuse the program.
		l.syntaxProblems(root)
		return &Result{Code: append([]byte(nil), src...), Unsupported: l.problems}, nil
	}
	l.analyse(root)
	// The module node does not span leading blank lines (nor, sometimes,
	// trailing ones): keep them around it.
	out := string(src[:root.StartByte()]) + l.text(root) + string(src[root.EndByte():])
	if strings.Count(out, "\n") != strings.Count(string(src), "\n") {
		// A bug in a rewrite, never the user's fault: refuse rather than run
		// a program whose lines no longer match the source.
		return nil, fmt.Errorf("lower: internal error: line count changed (%d -> %d)",
			strings.Count(string(src), "\n"), strings.Count(out, "\n"))
	}
	return &Result{Code: []byte(out), Unsupported: l.problems}, nil
}

// parenthesiseListSubjects rewrites every line that starts (after its
// indentation) with `match [` whose bracket closes before a `:` ending the
// header into `match ([...]):`. It reports whether it changed anything.
func parenthesiseListSubjects(src []byte) ([]byte, bool) {
	if !bytes.Contains(src, []byte("match")) {
		return src, false
	}
	var out []byte
	changed := false
	i := 0
	for i < len(src) {
		lineStart := i
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if bytes.HasPrefix(src[j:], []byte("match")) {
			k := j + len("match")
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k > j+len("match") && k < len(src) && src[k] == '[' {
				if end := closingBracket(src, k); end > 0 {
					c := end + 1
					for c < len(src) && (src[c] == ' ' || src[c] == '\t') {
						c++
					}
					if c < len(src) && src[c] == ':' && nextLineIsCase(src, c+1) {
						out = append(out, src[lineStart:k]...)
						out = append(out, '(')
						out = append(out, src[k:end+1]...)
						out = append(out, ')')
						i = end + 1
						changed = true
						continue
					}
				}
			}
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			out = append(out, src[i:]...)
			break
		}
		out = append(out, src[i:i+nl+1]...)
		i += nl + 1
	}
	return out, changed
}

// nextLineIsCase reports whether the rest of the line from i is blank (or a
// comment) and the next non-blank line starts with the soft keyword case,
// as a match header's block does.
func nextLineIsCase(src []byte, i int) bool {
	nl := bytes.IndexByte(src[i:], '\n')
	if nl < 0 {
		return false
	}
	rest := bytes.TrimSpace(src[i : i+nl])
	if len(rest) > 0 && rest[0] != '#' {
		return false
	}
	for _, line := range bytes.Split(src[i+nl+1:], []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		return bytes.HasPrefix(t, []byte("case")) && len(t) > 4 && (t[4] == ' ' || t[4] == '\t' || t[4] == '(' || t[4] == '[' || t[4] == '{')
	}
	return false
}

// closingBracket finds the ] matching the [ at open, skipping strings and
// comments; -1 if there is none.
func closingBracket(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '[', '(', '{':
			depth++
		case ']', ')', '}':
			depth--
			if depth == 0 {
				if c != ']' {
					return -1
				}
				return i
			}
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"', '\'':
			q := c
			for i++; i < len(src) && src[i] != q && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		}
	}
	return -1
}

type nodeKey struct {
	start, end uint32
	typ        string
}

func keyOf(n *analysis.Node) nodeKey { return nodeKey{n.StartByte(), n.EndByte(), n.Type()} }

type lowerer struct {
	src      []byte
	problems []Problem
	// scopes holds the analysis of every function, lambda, class and the
	// module, keyed by their node.
	scopes map[nodeKey]*scope
	// dirty marks the nodes that may need rewriting, or contain one.
	dirty map[nodeKey]bool
	// stack is the chain of scopes enclosing the node being lowered.
	stack []*scope
	// seq numbers hidden names (__stelp_s1__, ...) so nested constructs
	// never share one.
	seq int
	// futureAnnotations is set by `from __future__ import annotations`.
	futureAnnotations bool
}

func (l *lowerer) problem(n *analysis.Node, feature, msg string) {
	p := n.StartPoint()
	l.problems = append(l.problems, Problem{Line: int(p.Row) + 1, Col: int(p.Column) + 1, Feature: feature, Msg: msg})
}

func (l *lowerer) syntaxProblems(n *analysis.Node) {
	if n.IsError() || n.IsMissing() {
		l.problem(n, "syntax", "invalid syntax")
		return
	}
	for i := 0; i < int(n.ChildCount()); i++ {
		if c := n.Child(i); c.HasError() || c.IsMissing() {
			l.syntaxProblems(c)
			if len(l.problems) > 0 {
				return
			}
		}
	}
}

func (l *lowerer) raw(n *analysis.Node) string { return string(l.src[n.StartByte():n.EndByte()]) }

func (l *lowerer) between(a, b uint32) string { return string(l.src[a:b]) }

func (l *lowerer) next() int { l.seq++; return l.seq }

// text returns the lowered text of n.
func (l *lowerer) text(n *analysis.Node) string {
	if !l.dirty[keyOf(n)] {
		return l.raw(n)
	}
	if h := handlers[n.Type()]; h != nil && n.IsNamed() {
		if s, ok := h(l, n); ok {
			return s
		}
	}
	return l.generic(n)
}

// generic rebuilds n from its children's lowered text and the original bytes
// between them.
func (l *lowerer) generic(n *analysis.Node) string {
	kids := kidsOf(n)
	if len(kids) == 0 {
		return l.raw(n)
	}
	var b strings.Builder
	pos := n.StartByte()
	for _, c := range kids {
		b.Write(l.src[pos:c.StartByte()])
		b.WriteString(l.text(c))
		pos = c.EndByte()
	}
	b.Write(l.src[pos:n.EndByte()])
	return b.String()
}

// kidsOf lists n's children.
func kidsOf(n *analysis.Node) []*analysis.Node { return n.Children() }

// spliced rebuilds n like generic but with some children replaced.
func (l *lowerer) spliced(n *analysis.Node, repl map[int]string) string {
	var b strings.Builder
	pos := n.StartByte()
	for i, c := range kidsOf(n) {
		b.Write(l.src[pos:c.StartByte()])
		if s, ok := repl[i]; ok {
			b.WriteString(s)
		} else {
			b.WriteString(l.text(c))
		}
		pos = c.EndByte()
	}
	b.Write(l.src[pos:n.EndByte()])
	return b.String()
}

type handler func(l *lowerer, n *analysis.Node) (string, bool)

var handlers map[string]handler

func init() {
	// Filled here rather than in a literal because the handlers refer back to
	// lowerer.text, which reads this map (an initialisation cycle otherwise).
	handlers = map[string]handler{
		"module":                   (*lowerer).scoped,
		"function_definition":      (*lowerer).functionDef,
		"class_definition":         (*lowerer).scoped,
		"lambda":                   (*lowerer).lambda,
		"string":                   (*lowerer).str,
		"concatenated_string":      (*lowerer).concatenated,
		"integer":                  (*lowerer).number,
		"float":                    (*lowerer).number,
		"dictionary":               (*lowerer).dict,
		"dictionary_comprehension": (*lowerer).dictComp,
		"set":                      (*lowerer).set,
		"set_comprehension":        (*lowerer).setComp,
		"list":                     (*lowerer).starDisplay,
		"tuple":                    (*lowerer).starDisplay,
		"expression_list":          (*lowerer).starDisplay,
		"call":                     (*lowerer).call,
		"argument_list":            (*lowerer).argList,
		"parameters":               (*lowerer).params,
		"lambda_parameters":        (*lowerer).params,
		"assignment":               (*lowerer).assignment,
		"list_comprehension":       (*lowerer).comprehension,
		"generator_expression":     (*lowerer).comprehension,
		"named_expression":         (*lowerer).walrus,
		"match_statement":          (*lowerer).match,
		"with_clause":              (*lowerer).withClause,
		"decorator":                (*lowerer).decorator,
		"await":                    unsupported("async", "await is not supported"),
		"try_statement":            (*lowerer).tryStmt,
		"type_alias_statement":     (*lowerer).typeAlias,
		"binary_operator":          (*lowerer).binop,
		"augmented_assignment":     (*lowerer).augAssign,
		"future_import_statement":  (*lowerer).futureImport,
		"for_statement":            (*lowerer).asyncCheck,
		"with_statement":           (*lowerer).asyncCheck,
		"print_statement":          unsupported("syntax", "Python 2 print statement"),
		"exec_statement":           unsupported("syntax", "Python 2 exec statement"),
	}
}

func unsupported(feature, msg string) handler {
	return func(l *lowerer, n *analysis.Node) (string, bool) {
		l.problem(n, feature, msg)
		return "", false
	}
}

// hasAsync reports whether a for/with/def starts with the async keyword.
func hasAsync(n *analysis.Node) bool {
	return n.ChildCount() > 0 && n.Child(0).Type() == "async"
}

func (l *lowerer) asyncCheck(n *analysis.Node) (string, bool) {
	if hasAsync(n) {
		l.problem(n, "async", "async "+strings.TrimSuffix(n.Type(), "_statement")+" is not supported")
	}
	return "", false
}

// keepLines reduces a gap of original text to what must survive when the
// tokens around it move: its comments, line continuations and newlines, so
// that the line count and the comments stay.
func keepLines(gap string) string {
	if !strings.Contains(gap, "\n") {
		if strings.Contains(gap, "#") {
			// A comment without newline can only end the file.
			return gap
		}
		return ""
	}
	var b strings.Builder
	lines := strings.Split(gap, "\n")
	for i, ln := range lines {
		if i == len(lines)-1 {
			break
		}
		t := strings.TrimSpace(ln)
		switch {
		case strings.HasPrefix(t, "#"):
			b.WriteString("  " + t)
		case strings.HasSuffix(t, "\\"):
			b.WriteString(" \\")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// children returns n's children; named only if named is set.
func children(n *analysis.Node, named bool) []*analysis.Node {
	var out []*analysis.Node
	for _, c := range kidsOf(n) {
		if named && !c.IsNamed() {
			continue
		}
		out = append(out, c)
	}
	return out
}

// isComment reports comment nodes, which tree-sitter puts among children.
func isComment(n *analysis.Node) bool { return n.Type() == "comment" }

// elements returns the named, non-comment children of a display.
func elements(n *analysis.Node) []*analysis.Node {
	var out []*analysis.Node
	for _, c := range children(n, true) {
		if !isComment(c) {
			out = append(out, c)
		}
	}
	return out
}

// joinElems lowers elems with each element's text wrapped by wrap, keeping
// the original text between consecutive elements reduced to its lines, and
// separating them with ", ". It returns the joined text and the lines that
// trail the last element up to end.
func (l *lowerer) joinElems(elems []*analysis.Node, wrap func(*analysis.Node) string, start, end uint32) (body, tail string) {
	var b strings.Builder
	pos := start
	for i, e := range elems {
		gap := keepLines(l.between(pos, e.StartByte()))
		if i > 0 {
			b.WriteString(",")
			if gap == "" {
				b.WriteString(" ")
			}
		}
		b.WriteString(gap)
		b.WriteString(wrap(e))
		pos = e.EndByte()
	}
	return b.String(), keepLines(l.between(pos, end))
}
