package server

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/exec"
)

// LSP 3.17 inlay hints, written here: protocol v0.12.0 speaks 3.15.

// InlayHintKind is 1 for types, 2 for parameters; trace values are neither
// and leave it out.
type InlayHintKind int

// InlayHint is a label shown inline at a position.
type InlayHint struct {
	Position     protocol.Position `json:"position"`
	Label        string            `json:"label"`
	Kind         InlayHintKind     `json:"kind,omitempty"`
	Tooltip      string            `json:"tooltip,omitempty"`
	PaddingLeft  bool              `json:"paddingLeft,omitempty"`
	PaddingRight bool              `json:"paddingRight,omitempty"`
}

// InlayHintParams is the textDocument/inlayHint request.
type InlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// maxHintLabel keeps one line's values from running across the screen;
// the tooltip has them all.
const maxHintLabel = 80

// inlayHint shows, after an execution of the document's current version,
// the trace at the end of each line that ran: the values assigned there
// and how often it ran.
func (s *Server) inlayHint(ctx context.Context, raw json.RawMessage) (job, error) {
	var p InlayHintParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, badParams("inlayHint params: %v", err)
	}
	hints := []InlayHint{}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return func(context.Context) (any, error) { return hints, nil }, nil
	}
	d.mu.Lock()
	run, snap := d.run, d.snap
	d.mu.Unlock()
	s.optMu.Lock()
	off := s.tracesOff
	s.optMu.Unlock()
	return func(context.Context) (any, error) {
		if off || run == nil || run.version != snap.version {
			return hints, nil
		}
		return traceHints(run, p.Range), nil
	}, nil
}

func traceHints(run *runResult, r protocol.Range) []InlayHint {
	hints := []InlayHint{}
	ix := run.lines
	for _, t := range run.result.Trace {
		line := t.Line - 1
		if line < 0 || line >= len(ix.starts) || uint32(line) < r.Start.Line || uint32(line) > r.End.Line {
			continue
		}
		label, tip := traceLabel(t)
		if label == "" {
			continue
		}
		hints = append(hints, InlayHint{
			Position:    ix.position(ix.lineEnd(line)),
			Label:       label,
			Tooltip:     tip,
			PaddingLeft: true,
		})
	}
	sort.SliceStable(hints, func(a, b int) bool { return hints[a].Position.Line < hints[b].Position.Line })
	return hints
}

// traceLabel: "total = 6, i = 3 · 4×". A line that only ran once and
// assigned nothing gets no hint.
func traceLabel(t exec.TraceLine) (label, tooltip string) {
	names := make([]string, 0, len(t.Values))
	for n := range t.Values {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + " = " + t.Values[n]
	}
	label = strings.Join(parts, ", ")
	tooltip = strings.Join(parts, "\n")
	if t.Count > 1 {
		if label != "" {
			label += " · "
		}
		label += fmt.Sprintf("%d×", t.Count)
		tooltip = strings.TrimSpace(fmt.Sprintf("%s\nran %d times", tooltip, t.Count))
	}
	if r := []rune(label); len(r) > maxHintLabel {
		label = string(r[:maxHintLabel-1]) + "…"
	}
	return label, tooltip
}

// runDiagnostics are an execution's runtime problems, source stelp-run.
func runDiagnostics(run *runResult) []protocol.Diagnostic {
	res := run.result
	var diags []protocol.Diagnostic
	add := func(line int, code, msg string) {
		diags = append(diags, protocol.Diagnostic{
			Range:    run.lineRange(line),
			Severity: protocol.DiagnosticSeverityError,
			Code:     code,
			Source:   sourceRun,
			Message:  msg,
		})
	}
	for _, v := range res.Violations {
		add(v.Line, "violation:"+v.Kind, fmt.Sprintf("runtime guard: %s denied: %s", v.Kind, v.Detail))
	}
	if l := res.Limit; l != nil {
		add(0, "limit:"+l.Kind, fmt.Sprintf("%s limit reached: %s", l.Kind, l.Detail))
	}
	if e := res.Exception; e != nil && res.Status == exec.StatusError {
		add(e.Line, e.Type, fmt.Sprintf("%s: %s", e.Type, e.Message))
	}
	return diags
}

// lineRange covers the code of a 1-based line; lines the user's text does
// not have (unknown, or code the function lens appended) fall back to the
// function's def or the first line.
func (r *runResult) lineRange(line int) protocol.Range {
	ix := r.lines
	if line <= 0 || line > len(ix.starts) {
		line = max(r.fallbackLine, 1)
	}
	l := min(line-1, len(ix.starts)-1)
	start, end := ix.starts[l], ix.lineEnd(l)
	for start < end && (ix.text[start] == ' ' || ix.text[start] == '\t') {
		start++
	}
	return protocol.Range{Start: ix.position(start), End: ix.position(end)}
}
