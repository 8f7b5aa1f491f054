package server

import (
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"
)

// codeLens puts "Execute safely" and "Show transpiled code" on the file
// (first line) and "Execute safely" on each top-level function that can be
// called: one with docstring examples (`>>> f(1)`) or without required
// parameters (see executeProgram for what runs).
func (s *Server) codeLens(ctx context.Context, raw json.RawMessage) (job, error) {
	var p struct {
		TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, badParams("codeLens params: %v", err)
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return func(context.Context) (any, error) { return []protocol.CodeLens{}, nil }, nil
	}
	snap := d.snapshot()
	return func(context.Context) (any, error) {
		uriArg := map[string]any{"uri": snap.uri}
		top := protocol.Range{}
		lenses := []protocol.CodeLens{
			{Range: top, Command: &protocol.Command{Title: "▶ Execute safely", Command: cmdExecute, Arguments: []any{uriArg}}},
			{Range: top, Command: &protocol.Command{Title: "Show transpiled code", Command: cmdTranspile, Arguments: []any{uriArg}}},
		}
		if len(snap.text) > s.opts.MaxDocumentBytes {
			return lenses, nil
		}
		for _, f := range topLevelFunctions(snap.text) {
			var title string
			switch {
			case len(f.examples) > 0:
				title = fmt.Sprintf("▶ Execute safely: %s (%d example%s)", f.name, len(f.examples), plural(len(f.examples), "", "s"))
			case f.zeroArgs:
				title = fmt.Sprintf("▶ Execute safely: %s()", f.name)
			default:
				continue
			}
			start := snap.lines.position(snap.lines.starts[f.line] + f.nameCol)
			end := snap.lines.position(snap.lines.starts[f.line] + f.nameCol + len(f.name))
			lenses = append(lenses, protocol.CodeLens{
				Range:   protocol.Range{Start: start, End: end},
				Command: &protocol.Command{Title: title, Command: cmdExecute, Arguments: []any{map[string]any{"uri": snap.uri, "function": f.name}}},
			})
		}
		return lenses, nil
	}, nil
}
