package fix

import (
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// primary are the expressions that can take `.name` without parentheses.
var primary = map[string]bool{
	"identifier": true, "attribute": true, "call": true, "subscript": true,
	"parenthesized_expression": true, "list": true, "dictionary": true, "set": true, "tuple": true,
}

// fixConstantGetattr turns getattr(obj, 'name') into obj.name. Safe: with
// two arguments getattr is exactly attribute access (the rule only flags a
// plain identifier that is not a keyword).
func fixConstantGetattr(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.pos) != 2 || len(cp.kw) != 0 {
		return nil
	}
	lit := d.text(cp.pos[1])
	if len(lit) < 2 || (lit[0] != '\'' && lit[0] != '"') || strings.ContainsAny(lit, "\\\n") {
		return nil
	}
	name := lit[1 : len(lit)-1]
	obj := d.text(cp.pos[0])
	if !primary[cp.pos[0].Type()] {
		obj = "(" + obj + ")"
	}
	return &analysis.Fix{Title: "Use ." + name + " instead of getattr", Applicability: analysis.FixSafe,
		Edits: []analysis.TextEdit{d.edit(int(call.StartByte()), int(call.EndByte()), obj+"."+name)}}
}
