package server

import (
	"context"
	"fmt"
	"strings"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

const (
	sourceStatic = "stelp"
	sourceRun    = "stelp-run"
)

// diagnosticData rides on each static diagnostic so that a code action
// request (which echoes diagnostics back) finds the finding and its fix
// without guessing from ranges.
type diagnosticData struct {
	Rule    string `json:"rule"`
	Version int32  `json:"version"`
	Index   int    `json:"index"`          // into the findings of that version
	Fix     string `json:"fix,omitempty"`  // fix title, when there is one
	Safe    bool   `json:"safe,omitempty"` // fix applicability is "safe"
}

// analyse is a document's analysis goroutine: it owns one Checker (one
// tree-sitter parser and tree), waits out the debounce, takes the newest
// text with the edits since the last check, and publishes only if no newer
// version arrived meanwhile.
func (s *Server) analyse(ctx context.Context, d *document) {
	defer close(d.done)
	checker := s.engine.NewChecker()
	defer checker.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case <-d.wake:
		}
		if !s.debounce(ctx, d) {
			return
		}
		d.mu.Lock()
		if d.closed {
			d.mu.Unlock()
			return
		}
		snap, edits, fresh := d.snap, d.edits, d.fresh
		d.edits, d.fresh = nil, false
		d.mu.Unlock()

		cv := s.check(ctx, checker, snap, edits, fresh)
		if cv == nil {
			// The checker's tree no longer matches: start over next time.
			d.mu.Lock()
			d.fresh, d.edits = true, nil
			d.mu.Unlock()
			continue
		}
		d.mu.Lock()
		current := d.snap.version == snap.version && !d.closed
		d.checked = cv
		d.mu.Unlock()
		if current {
			s.publish(ctx, d)
		}
	}
}

// debounce waits until the document has been quiet for the debounce
// period. It returns false when the server is stopping.
func (s *Server) debounce(ctx context.Context, d *document) bool {
	s.optMu.Lock()
	wait := s.opts.Debounce
	s.optMu.Unlock()
	if wait <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-d.wake:
			t.Reset(wait)
		case <-t.C:
			return true
		}
	}
}

// check analyses one snapshot. A nil result means the check failed and the
// next one must parse from scratch.
func (s *Server) check(ctx context.Context, c Checker, snap *snapshot, edits []sitter.EditInput, fresh bool) (cv *checkedVersion) {
	if len(snap.text) > s.opts.MaxDocumentBytes {
		return &checkedVersion{snap: snap, tooLarge: true}
	}
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("checker panicked", zap.String("uri", string(snap.uri)), zap.Any("panic", r), zap.Stack("stack"))
			cv = nil
		}
	}()
	pol := s.policyFor(ctx, snap.path)
	findings, err := c.Check(ctx, snap.text, edits, fresh, pol)
	if err != nil {
		s.log.Warn("check failed", zap.String("uri", string(snap.uri)), zap.Error(err))
		return nil
	}
	return &checkedVersion{snap: snap, findings: findings}
}

// findingsAt returns the analysis of exactly snap's version, computing it
// with a throw-away checker when the document goroutine has not got there
// yet (a code action asked right after an edit, inside the debounce).
func (s *Server) findingsAt(ctx context.Context, d *document, snap *snapshot) (*checkedVersion, error) {
	d.mu.Lock()
	cv := d.checked
	d.mu.Unlock()
	if cv != nil && cv.snap == snap {
		return cv, nil
	}
	c := s.engine.NewChecker()
	defer c.Close()
	if cv = s.check(ctx, c, snap, nil, true); cv == nil {
		return nil, fmt.Errorf("analysis of %s failed", snap.uri)
	}
	return cv, nil
}

// publish sends the diagnostics of the document's newest analysed version:
// static findings, plus the runtime diagnostics of an execution of that
// same version.
func (s *Server) publish(ctx context.Context, d *document) {
	d.mu.Lock()
	cv, run := d.checked, d.run
	current := cv != nil && cv.snap == d.snap
	d.mu.Unlock()
	if !current {
		return
	}
	diags := s.staticDiagnostics(cv)
	if run != nil && run.version == cv.snap.version {
		diags = append(diags, runDiagnostics(run)...)
	}
	// Publishing is serialised per document so that two goroutines (the
	// analysis loop and an execution finishing) cannot overtake each other
	// with versions out of order.
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	if cv.snap.version < d.published {
		return
	}
	d.published = cv.snap.version
	err := s.notify(ctx, "textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{
		URI: d.uri, Version: uint32(cv.snap.version), Diagnostics: diags,
	})
	if err != nil {
		s.log.Warn("publish diagnostics", zap.Error(err))
	}
}

func (s *Server) staticDiagnostics(cv *checkedVersion) []protocol.Diagnostic {
	diags := []protocol.Diagnostic{}
	if cv.tooLarge {
		return append(diags, protocol.Diagnostic{
			Severity: protocol.DiagnosticSeverityInformation,
			Source:   sourceStatic,
			Message:  fmt.Sprintf("stelp: file not analysed: %d bytes is over the %d byte limit", len(cv.snap.text), s.opts.MaxDocumentBytes),
		})
	}
	for i, f := range cv.findings {
		diags = append(diags, s.diagnostic(cv.snap, i, f))
	}
	return diags
}

func (s *Server) diagnostic(snap *snapshot, i int, f analysis.Finding) protocol.Diagnostic {
	ix := snap.lines
	dg := protocol.Diagnostic{
		Range:    ix.lspRange(f.Range),
		Severity: lspSeverity(f.Severity),
		Code:     f.Rule,
		Source:   sourceStatic,
		Message:  f.Message,
	}
	if href := s.ruleURL(f.Rule); href != "" {
		dg.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(href)}
	}
	data := diagnosticData{Rule: f.Rule, Version: snap.version, Index: i}
	if f.Fix != nil {
		data.Fix, data.Safe = f.Fix.Title, f.Fix.Applicability == analysis.FixSafe
	}
	dg.Data = data
	for _, r := range f.Related {
		dg.RelatedInformation = append(dg.RelatedInformation, protocol.DiagnosticRelatedInformation{
			Location: protocol.Location{URI: snap.uri, Range: ix.lspRange(r.Range)},
			Message:  r.Message,
		})
	}
	return dg
}

// ruleURL links a rule to its section of docs/rules.md.
func (s *Server) ruleURL(rule string) string {
	s.optMu.Lock()
	base := s.opts.DocsURL
	s.optMu.Unlock()
	if base == "" || rule == "" {
		return ""
	}
	return base + "#" + strings.ToLower(rule)
}

func lspSeverity(sev policy.Severity) protocol.DiagnosticSeverity {
	switch sev {
	case policy.SeverityError:
		return protocol.DiagnosticSeverityError
	case policy.SeverityWarning:
		return protocol.DiagnosticSeverityWarning
	case policy.SeverityInfo:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityHint
}
