package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"
)

// hover explains the findings under the cursor with their rule's
// rationale and examples, so the why is one mouse move away.
func (s *Server) hover(ctx context.Context, raw json.RawMessage) (job, error) {
	var p struct {
		TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
		Position     protocol.Position               `json:"position"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, badParams("hover params: %v", err)
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return func(context.Context) (any, error) { return nil, nil }, nil
	}
	snap := d.snapshot()
	return func(ctx context.Context) (any, error) {
		cv, err := s.findingsAt(ctx, d, snap)
		if err != nil {
			return nil, err
		}
		var parts []string
		var where *protocol.Range
		for _, f := range cv.findings {
			r := snap.lines.lspRange(f.Range)
			if posLess(p.Position, r.Start) || posLess(r.End, p.Position) {
				continue
			}
			if where == nil {
				where = &r
			}
			parts = append(parts, s.ruleMarkdown(f.Rule, f.Message))
		}
		if len(parts) == 0 {
			return nil, nil
		}
		return map[string]any{
			"contents": map[string]any{"kind": "markdown", "value": strings.Join(parts, "\n\n---\n\n")},
			"range":    where,
		}, nil
	}, nil
}

func (s *Server) ruleMarkdown(id, message string) string {
	var b strings.Builder
	info, ok := s.engine.Rule(id)
	if !ok {
		fmt.Fprintf(&b, "**%s**: %s", id, message)
		return b.String()
	}
	fmt.Fprintf(&b, "**%s %s**: %s", info.ID, info.Name, message)
	if info.Why != "" {
		b.WriteString("\n\n" + info.Why)
	}
	if info.Bad != "" {
		b.WriteString("\n\nFlagged:\n```python\n" + info.Bad + "\n```")
	}
	if info.Good != "" {
		b.WriteString("\n\nNot flagged:\n```python\n" + info.Good + "\n```")
	}
	if u := s.ruleURL(id); u != "" {
		fmt.Fprintf(&b, "\n\n[%s in the rule catalogue](%s)", info.ID, u)
	}
	return b.String()
}

// posLess orders LSP positions.
func posLess(a, b protocol.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}
