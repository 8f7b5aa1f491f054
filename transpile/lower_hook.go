package transpile

import (
	"bytes"
	"context"
	"fmt"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/transpile/lower"
)

// lowerSource lowers modern syntax to the interpreter's level. Leading
// and trailing white space is kept aside: the syntax tree's root does not
// span it, and only the lines inside the tree are the lowerer's business.
// tree, when not nil, is a parse of src and is lowered as it is: the
// lowerer keeps the text outside the root as it is, so a tree of the whole
// source lowers to the same bytes, with the same problems
// (TestPrepareWithTreeIsPrepare holds the two ways equal).
func lowerSource(ctx context.Context, src []byte, tree *analysis.Tree) ([]byte, []Problem, error) {
	core := bytes.TrimLeft(src, " \t\r\n\f")
	lead := src[:len(src)-len(core)]
	core = bytes.TrimRight(core, " \t\r\n\f")
	trail := src[len(lead)+len(core):]
	// Keep the indentation of the first line with it: it is a syntax
	// error the lowerer must see.
	if i := bytes.LastIndexByte(lead, '\n'); i+1 < len(lead) {
		core = src[i+1 : len(lead)+len(core)]
		lead = lead[:i+1]
	}
	if len(core) == 0 {
		return src, nil, nil
	}
	if tree != nil {
		res, err := lower.LowerTree(ctx, tree)
		if err != nil {
			return nil, nil, fmt.Errorf("lower: %w", err)
		}
		return res.Code, problemsOf(res, 0), nil
	}
	res, err := lower.Lower(ctx, core)
	if err != nil {
		return nil, nil, fmt.Errorf("lower: %w", err)
	}
	problems := problemsOf(res, bytes.Count(lead, []byte("\n")))
	out := make([]byte, 0, len(lead)+len(res.Code)+len(trail))
	out = append(append(append(out, lead...), res.Code...), trail...)
	return out, problems, nil
}

// problemsOf converts the lowerer's problems, shift lines down.
func problemsOf(res *lower.Result, shift int) []Problem {
	var problems []Problem
	for _, p := range res.Unsupported {
		problems = append(problems, Problem{Line: p.Line + shift, Col: p.Col, Feature: p.Feature, Msg: p.Msg})
	}
	return problems
}
