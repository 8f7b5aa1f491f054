package server

import (
	"context"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

// Engine is the pipeline the server is a shell over. The server adds
// documents, versions and LSP shapes, never analysis logic; keeping the
// stages behind this seam also lets the tests make a run slow or make a
// stage panic, which the real pipeline cannot be asked to do.
type Engine interface {
	// NewChecker returns an incremental checker. A checker holds one parser
	// and one tree and is used by one goroutine at a time.
	NewChecker() Checker
	// Policy is the effective configuration for the file at path ("" for
	// text without a file). A malformed config returns a *policy.Error or
	// policy.ErrorList (and the server falls back to the default policy).
	Policy(ctx context.Context, path string) (*policy.Policy, error)
	// Transpile returns the program that would run.
	Transpile(ctx context.Context, src []byte, pol *policy.Policy) (string, error)
	// Execute runs src through the whole pipeline (check, gate, transpile,
	// run on the warm pool).
	Execute(ctx context.Context, src []byte, pol *policy.Policy, in RunInput) (*exec.Result, error)
	// Rule describes a rule for feedback text and documentation links.
	Rule(id string) (RuleInfo, bool)
	// AttachFixes returns findings with their rewrites (Finding.Fix)
	// filled in. The server asks only when it needs them (code actions,
	// fix-all, check commands): validating a fix re-parses the document.
	AttachFixes(ctx context.Context, src []byte, findings []analysis.Finding) []analysis.Finding
}

// Checker analyses successive versions of one document.
type Checker interface {
	// Check analyses src. edits, applied in order, turn the previous call's
	// source into src; fresh asks for a parse from scratch (first call,
	// full-text replacement).
	Check(ctx context.Context, src []byte, edits []sitter.EditInput, fresh bool, pol *policy.Policy) ([]analysis.Finding, error)
	// Close releases the parser and tree.
	Close()
}

// RunInput is what a program gets besides its source.
type RunInput struct {
	Stdin string
	Files map[string]string
	Trace bool
}

// RuleInfo is the part of a rule the server shows to people and LLMs.
type RuleInfo struct {
	ID      string
	Name    string
	Summary string // what is wrong, e.g. "eval() runs arbitrary code"
	Advice  string // how to repair it, e.g. "use ast.literal_eval for literals"
	Why     string // the rationale, for hover text
	Bad     string // an example that is flagged
	Good    string // an example that is not
}
