package fix

import (
	"strconv"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/analysis"
)

// loopBound is the number of iterations a bounded loop allows. A loop the
// checker calls endless has no exit but an exception, so any run that
// ends (by an exception from the body) within this many iterations
// behaves the same; it stays below the huge-iteration rule's threshold.
const loopBound = 100_000

// guardName is the loop variable of bounded loops; the prefix keeps it
// from colliding with program names.
const guardName = "_stelp_guard"

// fixEndlessLoop turns `while True:` into a for loop over range(bound)
// whose else clause raises a clear error, and `while cond:` (a condition
// nothing changes) into the same loop that breaks when cond is false.
// Safe: a run that leaves the loop within the bound is unchanged; one that
// would hang raises RuntimeError instead.
func fixEndlessLoop(d *doc, f analysis.Finding, n *sitter.Node) *analysis.Fix {
	loop := enclosing(n, "while_statement")
	if loop == nil || loop.ChildByFieldName("alternative") != nil || !d.startsLine(loop) {
		return nil
	}
	cond, body := loop.ChildByFieldName("condition"), loop.ChildByFieldName("body")
	if cond == nil || body == nil {
		return nil
	}
	var colon *sitter.Node
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
	bound := strconv.Itoa(loopBound)
	header := "for " + guardName + " in range(" + bound + "):"
	edits := []analysis.TextEdit{d.edit(int(loop.StartByte()), int(colon.EndByte()), header)}
	app := analysis.FixSafe
	if yields(body) {
		// A generator may be meant to run as long as its consumer asks.
		app = analysis.FixUnsafe
	}
	if !alwaysTrue(d, cond) {
		// The condition is checked first in every iteration, as while does.
		if body.StartPoint().Row == loop.StartPoint().Row {
			return nil
		}
		bi := d.indentOf(int(body.StartByte()))
		at := int(body.StartByte())
		edits = append(edits, d.edit(at, at, "if "+negate(d, cond)+":\n"+bi+unit+"break\n"+bi))
	}
	edits = append(edits, d.elseRaise(loop, indent, unit, bound))
	return &analysis.Fix{Title: "Bound the loop to " + bound + " iterations (raise RuntimeError beyond)",
		Applicability: app, Edits: edits}
}

// elseRaise adds to a loop an else clause that raises when the bound is
// reached (the loop ended without break).
func (d *doc) elseRaise(loop *sitter.Node, indent, unit, bound string) analysis.TextEdit {
	end := d.lineEnd(int(loop.EndByte()))
	return d.edit(end, end, "\n"+indent+"else:\n"+indent+unit+"raise RuntimeError(\"loop bound "+bound+" exceeded\")")
}

// yields reports a yield in n outside nested functions.
func yields(n *sitter.Node) bool {
	found := false
	walk(n, func(c *sitter.Node) bool {
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
func fixEndlessFor(d *doc, f analysis.Finding, n *sitter.Node) *analysis.Fix {
	loop := enclosing(n, "for_statement")
	if loop == nil || loop.ChildByFieldName("alternative") != nil || !d.startsLine(loop) {
		return nil
	}
	right, body := loop.ChildByFieldName("right"), loop.ChildByFieldName("body")
	if right == nil || body == nil || right.Type() == "expression_list" {
		return nil
	}
	bound := strconv.Itoa(loopBound)
	edits := []analysis.TextEdit{
		d.replace(right, "itertools.islice("+d.text(right)+", "+bound+")"),
		d.elseRaise(loop, d.indentOf(int(loop.StartByte())), d.indentUnit(), bound),
	}
	if e, ok := d.importEdit("itertools"); ok {
		edits = append(edits, e)
	}
	app := analysis.FixSafe
	if yields(body) {
		app = analysis.FixUnsafe
	}
	return &analysis.Fix{Title: "Bound the loop to " + bound + " iterations (raise RuntimeError beyond)",
		Applicability: app, Edits: edits}
}

func alwaysTrue(d *doc, cond *sitter.Node) bool {
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
func negate(d *doc, cond *sitter.Node) string {
	if cond.Type() == "not_operator" {
		if a := cond.ChildByFieldName("argument"); a != nil {
			return d.text(a)
		}
	}
	return "not (" + d.text(cond) + ")"
}
