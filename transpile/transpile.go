// Package transpile turns a user's Python program into what the executor
// runs: lowered to the interpreter's language level, then instrumented for
// budgets, guards and traces. Line N of the output is always line N of the
// input, so every position the executor reports is a source position.
package transpile

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/transpile/instrument"
)

// Options select what Prepare adds.
type Options struct {
	// Trace adds statement counts and traced assignments.
	Trace bool
	// Tree, when not nil, is a parse of exactly src (the check's, in the
	// pipeline): the stages use it instead of parsing src again. It stays
	// the caller's.
	Tree *analysis.Tree
}

// Problem is a construct that keeps a program from running: a syntax
// error or a feature the interpreter cannot run faithfully.
type Problem struct {
	Line    int    `json:"line"`
	Col     int    `json:"column"`
	Feature string `json:"feature"`
	Msg     string `json:"message"`
}

// FeatureSyntax marks a syntax error.
const FeatureSyntax = "syntax"

func (p Problem) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Col, p.Feature, p.Msg)
}

// Program is a prepared program.
type Program struct {
	// Code is the lowered, instrumented source; nil when Problems is
	// not empty (such a program must not run).
	Code []byte
	// Problems say why the program cannot run.
	Problems []Problem
}

// Prepare lowers and instruments src. The error is for failures of the
// transpiler itself; problems in the program are in Program.Problems.
func Prepare(ctx context.Context, src []byte, opt Options) (*Program, error) {
	if opt.Tree != nil && !bytes.Equal(opt.Tree.Source(), src) {
		opt.Tree = nil // not a parse of src after all
	}
	lowered, problems, err := lowerSource(ctx, src, opt.Tree)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return &Program{Problems: problems}, nil
	}
	var code []byte
	iopt := instrument.Options{Trace: opt.Trace}
	if opt.Tree != nil && bytes.Equal(lowered, src) {
		// Nothing needed lowering (most programs): instrument the tree
		// already there.
		code, err = instrument.InstrumentTree(opt.Tree, iopt)
	} else {
		code, err = instrument.Instrument(ctx, lowered, iopt)
	}
	var syn *instrument.SyntaxError
	if errors.As(err, &syn) {
		return &Program{Problems: []Problem{{Line: syn.Line, Col: syn.Col, Feature: FeatureSyntax, Msg: "invalid syntax"}}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	return &Program{Code: code}, nil
}
