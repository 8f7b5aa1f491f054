package fix

import (
	"context"
	"strconv"

	"github.com/stelp-dev/stelp/analysis"
)

// loopBounds are the iteration bounds tried, largest first. A loop the
// checker calls endless has no exit but an exception, so any run that
// ends (by an exception from the body) within the bound behaves the same.
// The largest bound that does not make the loop (times the constant loops
// around it) a huge-iteration finding is taken.
var loopBounds = []int{100_000, 10_000, 1_000, 100}

// guardName is the loop variable of bounded loops; the prefix keeps it
// from colliding with program names.
const guardName = "_stelp_guard"

// fixEndlessLoop turns `while True:` into a for loop over range(bound)
// whose else clause raises a clear error, and `while cond:` (a condition
// nothing changes) into the same loop that breaks when cond is false.
// Safe: a run that leaves the loop within the bound is unchanged; one that
// would hang raises RuntimeError instead.
func fixEndlessLoop(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	loop := enclosing(n, "while_statement")
	if loop == nil || loop.ChildByFieldName("alternative") != nil || !d.startsLine(loop) {
		return nil
	}
	cond, body := loop.ChildByFieldName("condition"), loop.ChildByFieldName("body")
	if cond == nil || body == nil {
		return nil
	}
	var colon *analysis.Node
	for i := 0; i < int(loop.ChildCount()); i++ {
		if c := loop.Child(i); c.Type() == ":" {
			colon = c
			break
		}
	}
	if colon == nil {
		return nil
	}
	indent := d.indentOf(int(loop.StartByte()))
	unit := d.indentUnit()
	guard := !alwaysTrue(d, cond)
	if guard && body.StartPoint().Row == loop.StartPoint().Row {
		return nil
	}
	app := analysis.FixSafe
	if yields(body) {
		// A generator may be meant to run as long as its consumer asks.
		app = analysis.FixUnsafe
	}
	return d.boundedLoop(app, body, func(bound string) []analysis.TextEdit {
		header := "for " + guardName + " in range(" + bound + "):"
		edits := []analysis.TextEdit{d.edit(int(loop.StartByte()), int(colon.EndByte()), header)}
		if guard {
			// The condition is checked first in every iteration, as while does.
			bi := d.indentOf(int(body.StartByte()))
			at := int(body.StartByte())
			edits = append(edits, d.edit(at, at, "if "+negate(d, cond)+":\n"+bi+unit+"break\n"+bi))
		}
		return append(edits, d.elseRaise(loop, indent, unit, bound))
	})
}

// boundedLoop builds a loop fix with the largest of loopBounds that adds
// no huge-iteration finding (SP808) to the document. A loop with a while
// loop inside starts lower, leaving room for the inner loop's own bound
// (the rule multiplies nested constant bounds).
//
// The rule counts a for loop over a constant range, times the for loops
// around it in the same function; every bound is below its limit for one
// loop. So a loop with no for loop around it or inside it (in the same
// function) takes the largest bound without more ado. Otherwise each
// candidate is parsed and checked as a whole document: in a document that
// parses, a candidate that does not is no fix (with another bound it would
// not parse either), and the fix returned is recorded as parsed, so the
// validator need not parse it again. TestLoopShortcutAgrees checks the
// shortcut against the whole-document check.
func (d *doc) boundedLoop(app analysis.Applicability, body *analysis.Node, build func(bound string) []analysis.TextEdit) *analysis.Fix {
	bounds := loopBounds
	if containsWhile(body) {
		bounds = loopBounds[2:]
	}
	title := func(bound string) string {
		return "Bound the loop to " + bound + " iterations (raise RuntimeError beyond)"
	}
	if !alwaysCheckLoops && !nearForLoop(body.Parent()) {
		bound := strconv.Itoa(bounds[0])
		return &analysis.Fix{Title: title(bound), Applicability: app, Edits: build(bound)}
	}
	ctx := context.Background()
	if d.hugeLoops < 0 {
		if d.tree != nil {
			d.hugeLoops = countRule(analysis.CheckTree(ctx, d.tree, nil), "SP808")
		} else {
			d.hugeLoops = countRule(analysis.Check(ctx, d.src, nil), "SP808")
		}
	}
	before := d.hugeLoops
	for _, b := range bounds {
		bound := strconv.Itoa(b)
		edits := build(bound)
		es, ok := toByteEdits(d.src, d.lines, edits)
		if !ok {
			return nil
		}
		parses, huge, ok := d.checkVariant(ctx, applyBytes(d.src, es))
		if !ok || (!parses && !d.root.HasError()) {
			return nil // the validator would drop it
		}
		if huge > before {
			continue
		}
		fx := &analysis.Fix{Title: title(bound), Applicability: app, Edits: edits}
		if parses {
			if d.parsed == nil {
				d.parsed = map[*analysis.Fix]bool{}
			}
			d.parsed[fx] = true
		}
		return fx
	}
	return nil
}

// alwaysCheckLoops turns boundedLoop's shortcut off (for the test that
// compares the two).
var alwaysCheckLoops = false

// nearForLoop reports a for loop around loop or inside it within the same
// function (nested functions, classes and lambdas are other scopes).
func nearForLoop(loop *analysis.Node) bool {
	if loop == nil {
		return true
	}
	scope := func(k string) bool {
		return k == "function_definition" || k == "class_definition" || k == "lambda"
	}
	for c := loop.Parent(); c != nil; c = c.Parent() {
		if scope(c.Type()) {
			break
		}
		if c.Type() == "for_statement" {
			return true
		}
	}
	found := false
	walk(loop, func(n *analysis.Node) bool {
		found = found || (n.Type() == "for_statement" && !n.Equal(loop))
		return !found && (n.Equal(loop) || !scope(n.Type()))
	})
	return found
}

// checkVariant parses src, a variant of the document, and reports whether
// it parses without errors and how many huge-iteration findings it has.
func (d *doc) checkVariant(ctx context.Context, src []byte) (parses bool, huge int, ok bool) {
	if d.parser == nil {
		d.parser = analysis.NewParser()
	}
	t, err := d.parser.Parse(ctx, nil, src)
	if err != nil {
		return false, 0, false
	}
	defer t.Close()
	return !t.RootNode().HasError(), countRule(analysis.CheckTree(ctx, t, nil), "SP808"), true
}

func containsWhile(n *analysis.Node) bool {
	found := false
	walk(n, func(c *analysis.Node) bool {
		found = found || c.Type() == "while_statement"
		return !found
	})
	return found
}

func countRule(fs []analysis.Finding, rule string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == rule {
			n++
		}
	}
	return n
}

// elseRaise adds to a loop an else clause that raises when the bound is
// reached (the loop ended without break).
func (d *doc) elseRaise(loop *analysis.Node, indent, unit, bound string) analysis.TextEdit {
	end := d.lineEnd(int(loop.EndByte()))
	return d.edit(end, end, "\n"+indent+"else:\n"+indent+unit+"raise RuntimeError(\"loop bound "+bound+" exceeded\")")
}

// yields reports a yield in n outside nested functions.
func yields(n *analysis.Node) bool {
	found := false
	walk(n, func(c *analysis.Node) bool {
		switch c.Type() {
		case "yield":
			found = true
		case "function_definition", "lambda", "class_definition":
			return false
		}
		return !found
	})
	return found
}

// fixEndlessFor bounds `for x in itertools.count():` (or a loop over a list
// it keeps growing) with itertools.islice and an else clause that raises.
// Safe: the first loopBound iterations are the same; beyond them the
// program raises instead of running forever.
func fixEndlessFor(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	loop := enclosing(n, "for_statement")
	if loop == nil || loop.ChildByFieldName("alternative") != nil || !d.startsLine(loop) {
		return nil
	}
	right, body := loop.ChildByFieldName("right"), loop.ChildByFieldName("body")
	if right == nil || body == nil || right.Type() == "expression_list" {
		return nil
	}
	app := analysis.FixSafe
	if yields(body) {
		app = analysis.FixUnsafe
	}
	return d.boundedLoop(app, body, func(bound string) []analysis.TextEdit {
		edits := []analysis.TextEdit{
			d.replace(right, "itertools.islice("+d.text(right)+", "+bound+")"),
			d.elseRaise(loop, d.indentOf(int(loop.StartByte())), d.indentUnit(), bound),
		}
		if e, ok := d.importEdit("itertools"); ok {
			edits = append(edits, e)
		}
		return edits
	})
}

func alwaysTrue(d *doc, cond *analysis.Node) bool {
	for cond.Type() == "parenthesized_expression" && cond.NamedChildCount() == 1 {
		cond = cond.NamedChild(0)
	}
	switch cond.Type() {
	case "true":
		return true
	case "integer":
		v, err := strconv.ParseInt(d.text(cond), 0, 64)
		return err == nil && v != 0
	}
	return false
}

// negate writes the negation of a condition: `not x` becomes `x`.
func negate(d *doc, cond *analysis.Node) string {
	if cond.Type() == "not_operator" {
		if a := cond.ChildByFieldName("argument"); a != nil {
			return d.text(a)
		}
	}
	return "not (" + d.text(cond) + ")"
}
