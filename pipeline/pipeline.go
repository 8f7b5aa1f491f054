// Package pipeline is the one place the stages are put together: check →
// gate → transpile → execute. The CLI (`stelp run`, `stelp bench`) and the
// language server (`stelp.execute`, `stelp.transpile`) all call it, so a
// program gets the same verdict whichever door it comes through.
package pipeline

import (
	"context"
	"errors"
	"fmt"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// Options for one execution.
type Options struct {
	// Gate blocks the run when a finding has error severity. Off, the
	// runtime guards alone must contain the program.
	Gate bool
	// Runner runs the prepared program (a warm *exec.Pool, or
	// exec.OneShot{} when nil).
	Runner exec.Runner
	// Stdin is what input() reads.
	Stdin string
	// Files seed the in-memory file system when the policy allows files.
	Files map[string]string
	// Trace records per-line counts and values.
	Trace bool
}

// Execute checks, gates, transpiles and runs src under pol. The error is
// for failures of stelp itself (a worker that cannot start, a cancelled
// context); everything the program does is in the Result.
func Execute(ctx context.Context, src []byte, pol *policy.Policy, opt Options) (*exec.Result, error) {
	if pol == nil {
		pol = policy.Default()
	}
	runner := opt.Runner
	if runner == nil {
		runner = exec.OneShot{}
	}
	if p, ok := runner.(exec.Preparer); ok {
		// A warm worker gets ready while the program is checked.
		lease := p.Prepare()
		defer lease.Close()
		runner = lease
	}
	// The fixes (transpile/fix, as `stelp check` and the server attach
	// them) tell a client which findings `stelp fix` would rewrite. One
	// parse serves the check, the fixes and (Options.Tree) the transpiler.
	var findings []analysis.Finding
	tree, err := analysis.ParseSource(ctx, src)
	if err != nil {
		findings = fix.Attach(ctx, src, analysis.Check(ctx, src, pol)) // says why it cannot be analysed
	} else {
		defer tree.Close()
		findings = fix.AttachTree(ctx, nil, tree, analysis.CheckTree(ctx, tree, pol))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	contract := make([]any, 0, len(findings))
	blocking := false
	for _, f := range findings {
		contract = append(contract, f.Contract(src))
		if f.Severity == policy.SeverityError {
			blocking = true
		}
	}
	if blocking && opt.Gate {
		res := emptyResult(exec.StatusBlocked)
		res.Findings = contract
		return res, nil
	}
	prog, err := transpile.Prepare(ctx, src, transpile.Options{Trace: opt.Trace, Tree: tree})
	if err != nil {
		return nil, fmt.Errorf("transpile: %w", err)
	}
	if len(prog.Problems) > 0 {
		res := emptyResult(exec.StatusError)
		res.Findings = contract
		res.Exception = problemException(prog.Problems[0])
		return res, nil
	}
	res, err := runner.Run(ctx, &exec.Request{
		Code:         string(prog.Code),
		Stdin:        opt.Stdin,
		Files:        opt.Files,
		Limits:       pol.Limits,
		ModulesAllow: pol.ModulesAllow,
		FilesAllowed: pol.Files,
		Trace:        opt.Trace,
	})
	if err != nil {
		return nil, fmt.Errorf("execute: %w", err)
	}
	if res == nil {
		return nil, errors.New("execute: runner returned no result")
	}
	res.Findings = contract
	return res, nil
}

// Transpile returns the program as the executor would run it (lowered and
// instrumented, without traces), or the problems that keep it from
// running.
func Transpile(ctx context.Context, src []byte, pol *policy.Policy) (*transpile.Program, error) {
	return transpile.Prepare(ctx, src, transpile.Options{})
}

func emptyResult(s exec.Status) *exec.Result {
	return &exec.Result{
		Status:     s,
		Findings:   []any{},
		Violations: []exec.Violation{},
		Trace:      []exec.TraceLine{},
	}
}

func problemException(p transpile.Problem) *exec.Exception {
	if p.Feature == transpile.FeatureSyntax {
		return &exec.Exception{Type: "SyntaxError", Message: p.Msg, Line: p.Line}
	}
	return &exec.Exception{
		Type:    "UnsupportedFeature",
		Message: fmt.Sprintf("%s is not supported by the stelp interpreter: %s", p.Feature, p.Msg),
		Line:    p.Line,
	}
}
