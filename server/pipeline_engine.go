package server

import (
	"context"
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
	"github.com/stelp-dev/stelp/transpile/fix"
)

// PipelineEngine is the real Engine: analysis for diagnostics, the
// policy loader for .stelp.yaml, and pipeline.Execute on a runner (a warm
// exec.Pool in `stelp serve`) for runs.
type PipelineEngine struct {
	Runner exec.Runner
	Loader *policy.Loader
}

// AttachFixes uses the rewrites of transpile/fix, the ones `stelp fix`
// applies.
func (e *PipelineEngine) AttachFixes(ctx context.Context, src []byte, findings []analysis.Finding) []analysis.Finding {
	return fix.Attach(ctx, src, findings)
}

// NewChecker returns a checker with its own parser.
func (e *PipelineEngine) NewChecker() Checker { return &treeChecker{parser: analysis.NewParser()} }

// treeChecker keeps the last tree so that the next version re-parses
// incrementally (tree-sitter reuses the unchanged subtrees).
type treeChecker struct {
	parser *analysis.Parser
	tree   *analysis.Tree
}

func (c *treeChecker) Check(ctx context.Context, src []byte, edits []sitter.EditInput, fresh bool, pol *policy.Policy) ([]analysis.Finding, error) {
	var old *analysis.Tree
	if !fresh && c.tree != nil {
		old = c.tree
		for _, e := range edits {
			old.Edit(e)
		}
	}
	tree, err := c.parser.Parse(ctx, old, src)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	c.tree.Close()
	c.tree = tree
	return analysis.CheckTree(ctx, tree, pol), nil
}

func (c *treeChecker) Close() {
	c.tree.Close()
	c.tree = nil
	c.parser.Close()
}

// Policy loads the .stelp.yaml that applies to path; text without a path
// gets the defaults.
func (e *PipelineEngine) Policy(ctx context.Context, path string) (*policy.Policy, error) {
	if path == "" {
		return policy.Default(), nil
	}
	pol, _, err := e.Loader.ForFile(ctx, path)
	return pol, err
}

// Transpile returns the program as the executor runs it, or the problems
// (syntax errors, unsupported features) that keep it from running.
func (e *PipelineEngine) Transpile(ctx context.Context, src []byte, pol *policy.Policy) (string, error) {
	prog, err := pipeline.Transpile(ctx, src, pol)
	if err != nil {
		return "", err
	}
	if len(prog.Problems) > 0 {
		msgs := make([]string, len(prog.Problems))
		for i, p := range prog.Problems {
			msgs[i] = fmt.Sprintf("line %d: %s: %s", p.Line, p.Feature, p.Msg)
		}
		return "", fmt.Errorf("%s", strings.Join(msgs, "; "))
	}
	return string(prog.Code), nil
}

// Execute runs src through check, gate, transpile and the runner.
func (e *PipelineEngine) Execute(ctx context.Context, src []byte, pol *policy.Policy, in RunInput) (*exec.Result, error) {
	return pipeline.Execute(ctx, src, pol, pipeline.Options{
		Gate: true, Runner: e.Runner, Stdin: in.Stdin, Files: in.Files, Trace: in.Trace,
	})
}

// Rule turns a registry entry into feedback material: its summary, and
// the first sentence of its rationale as the explanation. (The registry's
// "good" examples are not always alternatives to the flagged code, so
// they are not offered as advice.)
func (e *PipelineEngine) Rule(id string) (RuleInfo, bool) {
	r := analysis.RuleByID(id)
	if r == nil {
		return RuleInfo{}, false
	}
	why := strings.TrimSpace(r.Why)
	if i := strings.Index(why, ". "); i >= 0 {
		why = why[:i]
	}
	return RuleInfo{ID: r.ID, Name: r.Name, Summary: r.Summary, Advice: why, Why: r.Why, Bad: r.Bad, Good: r.Good}, true
}
