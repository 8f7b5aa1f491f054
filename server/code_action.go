package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/analysis"
)

type codeActionParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
	Context      struct {
		Only []string `json:"only"`
	} `json:"context"`
}

// codeAction offers, for each finding under the cursor, its fix (safe ones
// preferred, unsafe ones labelled) and a suppression with a reason; and
// source.fixAll.stelp, which applies the safe fixes only.
func (s *Server) codeAction(ctx context.Context, raw json.RawMessage) (job, error) {
	var p codeActionParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, badParams("codeAction params: %v", err)
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return func(context.Context) (any, error) { return []protocol.CodeAction{}, nil }, nil
	}
	snap := d.snapshot()
	wantFix, wantAll := kindsWanted(p.Context.Only)
	return func(ctx context.Context) (any, error) {
		cv, err := s.findingsAt(ctx, d, snap)
		if err != nil {
			return nil, err
		}
		actions := []protocol.CodeAction{}
		if wantFix {
			actions = append(actions, s.quickFixes(cv, p.Range)...)
		}
		if wantAll {
			if a := fixAllAction(s.engine, cv); a != nil {
				actions = append(actions, *a)
			}
		}
		return actions, nil
	}, nil
}

// kindsWanted reads context.only: no filter means everything; otherwise a
// requested kind matches its own sub-kinds (LSP's hierarchical kinds).
func kindsWanted(only []string) (fix, all bool) {
	if len(only) == 0 {
		return true, true
	}
	for _, k := range only {
		if k == "quickfix" || strings.HasPrefix("quickfix", k+".") {
			fix = true
		}
		if k == kindFixAll || strings.HasPrefix(kindFixAll, k+".") {
			all = true
		}
	}
	return fix, all
}

func (s *Server) quickFixes(cv *checkedVersion, r protocol.Range) []protocol.CodeAction {
	snap := cv.snap
	var fixes, suppress []protocol.CodeAction
	for i, f := range cv.withFixes(s.engine) {
		// By line: a cursor anywhere on a flagged line gets its fixes.
		lr := snap.lines.lspRange(f.Range)
		if lr.End.Line < r.Start.Line || lr.Start.Line > r.End.Line {
			continue
		}
		diag := s.diagnostic(snap, i, f)
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			title := f.Fix.Title
			if title == "" {
				title = "Fix " + f.Rule
			}
			safe := f.Fix.Applicability == analysis.FixSafe
			if !safe {
				title += " (unsafe: may change behaviour)"
			}
			fixes = append(fixes, protocol.CodeAction{
				Title:       title,
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: safe,
				Edit:        workspaceEdit(snap, lspEdits(snap.lines, toByteEdits(snap.lines, f.Fix.Edits))),
			})
		}
		if f.Rule == "" || f.Rule == syntaxErrorRule {
			continue // a syntax error is not a choice to suppress
		}
		e := suppressEdit(snap, f)
		suppress = append(suppress, protocol.CodeAction{
			Title:       fmt.Sprintf("Suppress %s here (write the reason in the comment)", f.Rule),
			Kind:        protocol.QuickFix,
			Diagnostics: []protocol.Diagnostic{diag},
			Edit:        workspaceEdit(snap, lspEdits(snap.lines, []byteEdit{e})),
		})
	}
	return append(fixes, suppress...)
}

// syntaxErrorRule is the rule ID analysis gives syntax errors.
const syntaxErrorRule = "SP000"

func fixAllAction(eng Engine, cv *checkedVersion) *protocol.CodeAction {
	edits, applied, _ := safeFixes(cv.snap.lines, cv.withFixes(eng))
	if len(applied) == 0 {
		return nil
	}
	return &protocol.CodeAction{
		Title: fmt.Sprintf("stelp: apply %d safe fix%s", len(applied), plural(len(applied), "", "es")),
		Kind:  kindFixAll,
		Edit:  workspaceEdit(cv.snap, lspEdits(cv.snap.lines, edits)),
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
