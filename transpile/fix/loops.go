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
	if !alwaysTrue(d, cond) {
		// The condition is checked first in every iteration, as while does.
		if body.StartPoint().Row == loop.StartPoint().Row {
			return nil
		}
		bi := d.indentOf(int(body.StartByte()))
		at := int(body.StartByte())
		edits = append(edits, d.edit(at, at, "if "+negate(d, cond)+":\n"+bi+unit+"break\n"+bi))
	}
	end := d.lineEnd(int(loop.EndByte()))
	edits = append(edits, d.edit(end, end, "\n"+indent+"else:\n"+indent+unit+
		"raise RuntimeError(\"loop bound "+bound+" exceeded\")"))
	return &analysis.Fix{Title: "Bound the loop to " + bound + " iterations (raise RuntimeError beyond)",
		Applicability: analysis.FixSafe, Edits: edits}
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
