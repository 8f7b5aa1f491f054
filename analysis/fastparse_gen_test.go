package analysis

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// fpGen writes random, valid Python programs: every statement and
// expression form the fast parser handles, with comments, blank lines,
// line breaks inside brackets and continuations in random places. The
// differential tests compare both parsers on them.
type fpGen struct {
	r      *rand.Rand
	b      strings.Builder
	indent int
	nest   int // expression nesting
	brack  int // open brackets at the current point
	inFunc bool
	inLoop bool
	budget int // atoms left for this program
}

func (g *fpGen) pick(n int) int      { return g.r.Intn(n) }
func (g *fpGen) chance(pct int) bool { return g.r.Intn(100) < pct }

func (g *fpGen) pad() string { return strings.Repeat(" ", g.indent) }

var fpNames = []string{"a", "b", "x", "y", "foo", "bar_2", "_", "self", "match", "type", "print", "case", "exec", "data", "Item"}

func (g *fpGen) name() string { return fpNames[g.pick(len(fpNames))] }

// plainName avoids the soft keywords where a statement starts.
func (g *fpGen) plainName() string {
	for {
		n := g.name()
		switch n {
		case "match", "type", "print", "case", "exec":
			continue
		}
		return n
	}
}

// sep is the whitespace between two tokens inside brackets: sometimes a
// line break (with a comment), indented no less than the block.
func (g *fpGen) sep() string {
	if g.brack == 0 || !g.chance(15) {
		return " "
	}
	c := ""
	if g.chance(40) {
		c = "  # in brackets"
	}
	return c + "\n" + strings.Repeat(" ", g.indent+g.pick(8))
}

func (g *fpGen) number() string {
	nums := []string{"0", "1", "42", "1_000", "0x1F", "0o17", "0b101", "1.5", "1.", ".5", "1e10", "2.5e-3", "3j", "1.5J", "0_0", "1E+5"}
	return nums[g.pick(len(nums))]
}

func (g *fpGen) str() string {
	quotes := []string{"'", "\""}
	q := quotes[g.pick(2)]
	triple := g.chance(15)
	if triple {
		q = q + q + q
	}
	prefixes := []string{"", "", "", "r", "b", "f", "F", "rb", "Rb", "fr", "u"}
	pre := prefixes[g.pick(len(prefixes))]
	var body strings.Builder
	raw := strings.ContainsAny(pre, "rR")
	format := strings.ContainsAny(pre, "fF")
	bytesStr := strings.ContainsAny(pre, "bB")
	for i, n := 0, g.pick(5); i < n; i++ {
		switch k := g.pick(12); {
		case k < 4:
			words := []string{"abc", "hello world", "x=1", " ", "%s", "a.b", "#notcomment", "\t", "it's", "say \"hi\"", "{", "}", "\\\n", "\"\"", "''"}
			w := words[g.pick(len(words))]
			switch {
			case format && (w == "{" || w == "}"):
				w += w // a literal brace
			case !triple && strings.Contains(w, q[:1]):
				w = "q"
			case w == "\\\n" && raw && !triple:
				w = "r"
			case triple && strings.HasPrefix(w, q[:1]):
				w = " " + w + " "
			}
			body.WriteString(w)

		case k < 6:
			esc := []string{"\\n", "\\t", "\\\\", "\\x41", "\\0", "\\'", "\\\"", "\\d", "\\w", "\\101"}
			if !bytesStr && !raw {
				esc = append(esc, "\\u00e9", "\\U0001F600")
			}
			e := esc[g.pick(len(esc))]
			if raw && (strings.HasPrefix(e, "\\'") || strings.HasPrefix(e, "\\\"")) {
				e = "a" + e
			}
			body.WriteString(e)
		case k < 7 && triple:
			body.WriteString("\nline")
		case k < 8 && !bytesStr:
			body.WriteString("é€")
		case k < 11 && format:
			body.WriteString(g.interp(q[:1]))
		case k < 12 && format:
			body.WriteString("{{}}")
		}
	}
	s := body.String()
	if raw && strings.HasSuffix(s, "\\") {
		s += "a"
	}
	if triple && strings.HasSuffix(s, q[:1]) {
		s += " "
	}
	return pre + q + s + q
}

// interp is a replacement field of an f-string quoted with q.
func (g *fpGen) interp(q string) string {
	other := "'"
	if q == "'" {
		other = "\""
	}
	save := g.brack
	g.brack = 0 // no line breaks inside a replacement field
	defer func() { g.brack = save }()
	var e string
	switch g.pick(5) {
	case 0:
		e = g.name()
	case 1:
		e = g.name() + "[" + other + "k" + other + "]"
	case 2:
		e = g.name() + "." + g.name() + "(" + g.name() + ")"
	case 3:
		e = "(" + g.name() + " := 1)"
	default:
		e = g.name() + " + " + g.number()
	}
	if g.chance(20) {
		e = " " + e + " "
	}
	if g.chance(15) {
		e += "="
	}
	if g.chance(20) {
		e += []string{"!r", "!s", "!a"}[g.pick(3)]
	}
	if g.chance(30) {
		specs := []string{":>10", ":.2f", ":#x", ":%Y-%m-%d", ":,", ": >4", ":{" + g.name() + "}", ":>{w}.{p}f", ":"}
		e += specs[g.pick(len(specs))]
	}
	return "{" + e + "}"
}

// atom is an operand; expressions that need them get parentheses.
func (g *fpGen) atom() string {
	g.budget--
	if g.nest > 4 || g.budget < 0 {
		return g.name()
	}
	g.nest++
	defer func() { g.nest-- }()
	switch g.pick(22) {
	case 0, 1, 2, 3:
		return g.name()
	case 4, 5:
		return g.number()
	case 6, 7:
		s := g.str()
		if g.chance(15) {
			s += g.sep() + g.str()
		}
		return s
	case 8:
		return []string{"True", "False", "None", "..."}[g.pick(4)]
	case 9:
		return g.bracket("(", g.expr(), ")")
	case 10:
		return g.bracket("[", g.list(true), "]")
	case 11:
		if g.chance(50) {
			return "{}"
		}
		return g.bracket("{", g.dict(), "}")
	case 12:
		return g.bracket("{", g.list(false), "}")
	case 13:
		if g.chance(30) {
			return "()"
		}
		return g.bracket("(", g.expr()+","+g.sep()+g.list(true), ")")
	case 14:
		open, close := []string{"[", "{", "("}[g.pick(3)], ""
		close = map[string]string{"[": "]", "{": "}", "(": ")"}[open]
		body := g.expr()
		if open == "{" && g.chance(50) {
			body = g.expr() + ": " + g.expr()
		}
		return g.bracket(open, body+g.sep()+g.comp(), close)
	case 15, 16:
		return g.trailed() + "." + g.name()
	case 17, 18:
		return g.trailed() + g.bracket("(", g.args(), ")")
	case 19:
		return g.trailed() + g.bracket("[", g.subscript(), "]")
	case 20:
		return g.bracket("(", g.lambda(), ")")
	default:
		return g.bracket("(", g.name()+" := "+g.orExpr(), ")")
	}
}

// trailed is an atom that may take a trailer (a number would swallow
// the dot).
func (g *fpGen) trailed() string {
	a := g.atom()
	if a != "" && (a[0] >= '0' && a[0] <= '9' || a[0] == '.') {
		return "(" + a + ")"
	}
	return a
}

func (g *fpGen) bracket(open, body, close string) string {
	return open + body + close
}

func (g *fpGen) list(allowStar bool) string {
	g.brack++
	defer func() { g.brack-- }()
	var items []string
	for i, n := 0, 1+g.pick(3); i < n; i++ {
		if allowStar && g.chance(10) {
			items = append(items, "*"+g.atom())
		} else {
			items = append(items, g.expr())
		}
	}
	s := strings.Join(items, ","+g.sep())
	if g.chance(20) {
		s += ","
	}
	return s
}

func (g *fpGen) dict() string {
	g.brack++
	defer func() { g.brack-- }()
	var items []string
	for i, n := 0, 1+g.pick(3); i < n; i++ {
		if g.chance(10) {
			items = append(items, "**"+g.atom())
		} else {
			items = append(items, g.expr()+":"+g.sep()+g.expr())
		}
	}
	return strings.Join(items, ","+g.sep())
}

func (g *fpGen) comp() string {
	g.brack++
	defer func() { g.brack-- }()
	s := "for " + g.target() + " in " + g.orExpr()
	for g.chance(30) {
		if g.chance(50) {
			s += g.sep() + "if " + g.orExpr()
		} else {
			s += g.sep() + "for " + g.target() + " in " + g.orExpr()
		}
	}
	return s
}

func (g *fpGen) args() string {
	g.brack++
	defer func() { g.brack-- }()
	var items []string
	n := g.pick(4)
	for i := 0; i < n; i++ {
		items = append(items, g.expr())
	}
	if g.chance(15) {
		items = append(items, "*"+g.atom())
	}
	for i, k := 0, g.pick(3); i < k; i++ {
		items = append(items, g.plainName()+"="+g.expr())
	}
	if g.chance(10) {
		items = append(items, "**"+g.atom())
	}
	s := strings.Join(items, ","+g.sep())
	if len(items) > 0 && g.chance(15) {
		s += ","
	}
	if len(items) == 0 && g.chance(20) {
		s = g.expr() + " " + g.comp()
	}
	return s
}

func (g *fpGen) subscript() string {
	g.brack++
	defer func() { g.brack-- }()
	part := func() string {
		switch g.pick(5) {
		case 0:
			return g.expr() + ":" + g.expr()
		case 1:
			return "::" + g.atom()
		case 2:
			return ":"
		case 3:
			return g.atom() + ":"
		default:
			return g.expr()
		}
	}
	s := part()
	if g.chance(20) {
		s += ", " + part()
	}
	return s
}

func (g *fpGen) lambda() string {
	params := []string{"", "x", "x, y", "x=1", "*a, **k", "x, *, y=2", "a, /, b"}
	p := params[g.pick(len(params))]
	if p != "" {
		p = " " + p
	}
	return "lambda" + p + ": " + g.expr()
}

func (g *fpGen) target() string {
	switch g.pick(6) {
	case 0:
		return g.plainName() + ", " + g.plainName()
	case 1:
		return "(" + g.plainName() + ", " + g.plainName() + ")"
	case 2:
		return g.plainName() + "." + g.name()
	case 3:
		return g.plainName() + "[" + g.atom() + "]"
	default:
		return g.plainName()
	}
}

var fpBinOps = []string{"+", "-", "*", "/", "//", "%", "@", "**", "<<", ">>", "&", "|", "+", "-", "*"}

var fpCmpOps = []string{"<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not"}

// operand is an arithmetic expression: unary and binary operators.
func (g *fpGen) operand() string {
	if g.budget < 0 {
		return g.atom()
	}
	switch g.pick(6) {
	case 0:
		return []string{"-", "+", "~"}[g.pick(3)] + g.operand()
	case 1, 2:
		if g.chance(5) {
			return "(" + g.atom() + " ^ " + g.atom() + ")"
		}
		return g.atom() + g.sep() + fpBinOps[g.pick(len(fpBinOps))] + " " + g.operand()
	case 3:
		if g.inFunc && g.chance(30) {
			return "await " + g.atom()
		}
	}
	return g.atom()
}

func (g *fpGen) orExpr() string {
	switch g.pick(8) {
	case 0:
		return "not " + g.orExpr()
	case 1:
		s := g.operand()
		for i, n := 0, 1+g.pick(2); i < n; i++ {
			s += " " + fpCmpOps[g.pick(len(fpCmpOps))] + " " + g.operand()
		}
		return s
	case 2:
		return g.operand() + " and " + g.operand()
	case 3:
		return g.operand() + " or " + g.operand() + " and " + g.operand()
	}
	return g.operand()
}

func (g *fpGen) expr() string {
	switch g.pick(10) {
	case 0:
		return g.orExpr() + " if " + g.orExpr() + " else " + g.expr()
	case 1:
		if g.nest < 3 {
			return g.lambda()
		}
	}
	return g.orExpr()
}

// comment returns a comment to end a line with, sometimes.
func (g *fpGen) comment() string {
	if g.chance(20) {
		return "  # " + []string{"note", "x = 1", "", "é", "'"}[g.pick(5)]
	}
	return ""
}

// between writes what may come between two statements: blank lines and
// comment lines at any indentation.
func (g *fpGen) between() {
	for g.chance(25) {
		if g.chance(50) {
			g.b.WriteString("\n")
		} else {
			g.b.WriteString(strings.Repeat(" ", g.pick(g.indent+6)) + "# between\n")
		}
	}
}

func (g *fpGen) simple() string {
	switch g.pick(16) {
	case 0, 1, 2:
		return g.target() + " = " + g.expr()
	case 3:
		return g.plainName() + " = " + g.plainName() + " = " + g.expr()
	case 4:
		return g.plainName() + " " + []string{"+=", "-=", "*=", "//=", "**=", "|=", ">>="}[g.pick(7)] + " " + g.expr()
	case 5:
		return g.plainName() + ": " + g.typ() + " = " + g.expr()
	case 6:
		return g.plainName() + g.bracket("(", g.args(), ")")
	case 7:
		if g.inFunc {
			return "return " + g.expr()
		}
	case 8:
		return []string{"pass", "import os", "import a.b as c, d", "from . import x", "from .m import (a, b as c,)", "from x.y import *", "global a, b", "del a, b[0]"}[g.pick(8)]
	case 9:
		return "assert " + g.expr() + ", " + g.str()
	case 10:
		if g.inLoop {
			return []string{"break", "continue"}[g.pick(2)]
		}
	case 11:
		if g.inFunc {
			return "yield " + g.expr()
		}
	case 12:
		return "raise " + g.atom() + " from " + g.name()
	case 13:
		return "x = " + g.expr() + " \\\n" + g.pad() + "    + " + g.operand()
	case 14:
		return "first, *rest = " + g.expr()
	}
	return g.plainName() + "." + g.name() + " + " + g.operand()
}

func (g *fpGen) typ() string {
	types := []string{"int", "str", "List[int]", "Dict[str, List[int]]", "Optional[int]", "int | None", "'Fwd'", "Callable[[int], str]", "Tuple[int, ...]", "typing.Any", "List[int] | None"}
	return types[g.pick(len(types))]
}

func (g *fpGen) line(s string) {
	g.b.WriteString(g.pad() + s + g.comment() + "\n")
}

func (g *fpGen) block(depth int) {
	g.indent += 4
	for i, n := 0, 1+g.pick(3); i < n; i++ {
		g.between()
		g.statement(depth + 1)
	}
	g.indent -= 4
}

func (g *fpGen) header(s string, depth int) {
	if g.chance(15) {
		// a one-line suite
		body := g.simple()
		if strings.Contains(s, "->") && !g.chance(10) {
			body = "pass" // -> T: name... is a tree-sitter ERROR
		}
		g.line(s + ": " + body)
		return
	}

	g.line(s + ":")
	g.block(depth)
}

func (g *fpGen) statement(depth int) {
	if depth > 3 {
		g.line(g.simple())
		return
	}
	switch g.pick(14) {
	case 0:
		g.header("if "+g.expr(), depth)
		for g.chance(30) {
			g.between()
			g.header("elif "+g.expr(), depth)
		}
		if g.chance(40) {
			g.between()
			g.header("else", depth)
		}
	case 1:
		save := g.inLoop
		g.inLoop = true
		g.header("for "+g.target()+" in "+g.expr(), depth)
		g.inLoop = save
		if g.chance(20) {
			g.header("else", depth)
		}
	case 2:
		save := g.inLoop
		g.inLoop = true
		g.header("while "+g.expr(), depth)
		g.inLoop = save
	case 3:
		g.header("try", depth)
		for i, n := 0, 1+g.pick(2); i < n; i++ {
			g.between()
			switch g.pick(3) {
			case 0:
				g.header("except", depth)
			case 1:
				g.header("except "+g.name()+" as e", depth)
			default:
				g.header("except ("+g.name()+", "+g.name()+")", depth)
			}
		}
		if g.chance(30) {
			g.header("else", depth)
		}
		if g.chance(30) {
			g.header("finally", depth)
		}
	case 4:
		g.header("with "+g.plainName()+"("+g.args()+") as "+g.target()+", "+g.plainName(), depth)
	case 5, 6:
		for g.chance(30) {
			g.line("@" + g.atom())
			if g.chance(10) {
				g.between() // a shallow comment here is a tree-sitter ERROR
			} else if g.chance(30) {
				g.b.WriteString(strings.Repeat(" ", g.indent+g.pick(4)) + "# after decorator\n")
			}
		}
		params := []string{"", "self", "a, b=1", "a: int, *args: str, b: " + g.typ() + " = None, **kw", "a, /, b, *, c", "*, k=" + g.number()}
		ret := ""
		if g.chance(40) {
			ret = " -> " + g.typ()
		}
		async := ""
		if g.chance(15) {
			async = "async "
		}
		save, saveLoop := g.inFunc, g.inLoop
		g.inFunc, g.inLoop = true, false
		g.header(async+"def "+g.plainName()+"("+params[g.pick(len(params))]+")"+ret, depth)
		g.inFunc, g.inLoop = save, saveLoop
	case 7:
		bases := []string{"", "()", "(Base)", "(A, metaclass=M)"}
		g.header("class "+g.plainName()+bases[g.pick(len(bases))], depth)
	case 8:
		if g.inFunc {
			g.header("async with "+g.atom()+" as "+g.plainName(), depth)
			return
		}
		fallthrough
	default:
		var parts []string
		for i, n := 0, 1+g.pick(2); i < n; i++ {
			parts = append(parts, g.simple())
		}
		sep := "; "
		g.line(strings.Join(parts, sep))
	}
}

func (g *fpGen) program() string {
	g.b.Reset()
	g.budget = 300
	if g.chance(20) {
		g.b.WriteString("# header\n\n")
	}
	for i, n := 0, 1+g.pick(6); i < n; i++ {
		g.between()
		g.statement(0)
	}
	g.between()
	return g.b.String()
}

// TestFastParseGenerated compares the parsers on random programs; most
// must fast-parse (the generator writes valid Python the fast parser
// handles, with few exceptions).
func TestFastParseGenerated(t *testing.T) {
	p := NewParser()
	defer p.Close()
	g := &fpGen{r: rand.New(rand.NewSource(1))}
	var tally fpTally
	n := 1000
	if testing.Short() {
		n = 200
	}
	for i := 0; i < n; i++ {
		src := g.program()
		tally.add(fmt.Sprintf("program %d", i), fpCompare(t, p, fmt.Sprintf("generated program %d:\n%s", i, src), []byte(src)))
	}
	t.Logf("generated: %v", &tally)
	tally.logSites(t)

	if tally.same*10 < tally.files*9 {
		t.Errorf("only %d of %d generated programs fast-parsed", tally.same, tally.files)
	}
}

// FuzzGeneratedPrograms explores generated programs by seed.
func FuzzGeneratedPrograms(f *testing.F) {
	for i := int64(0); i < 8; i++ {
		f.Add(i)
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, seed int64) {
		g := &fpGen{r: rand.New(rand.NewSource(seed))}
		src := g.program()
		fpCompare(t, p, fmt.Sprintf("seed %d:\n%s", seed, src), []byte(src))
	})
}
