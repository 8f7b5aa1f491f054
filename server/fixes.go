package server

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/analysis"
)

// byteEdit is a text edit in byte offsets of one snapshot.
type byteEdit struct {
	start, end int
	text       string
}

func toByteEdits(ix *lineIndex, edits []analysis.TextEdit) []byteEdit {
	out := make([]byteEdit, len(edits))
	for i, e := range edits {
		s, t := ix.byteOffset(e.Range.Start), ix.byteOffset(e.Range.End)
		out[i] = byteEdit{start: min(s, t), end: max(s, t), text: e.NewText}
	}
	return out
}

func overlaps(a, b byteEdit) bool {
	if a.start == b.start {
		return true // two insertions at one point: order would be a guess
	}
	return a.start < b.end && b.start < a.end
}

// safeFixes picks the safe fixes that fix-all applies: in source order
// (then rule ID, for determinism), each taken only if none of its edits
// touches an edit already taken. The rest waits for the next round, after
// the user (or LLM) re-checks.
func safeFixes(ix *lineIndex, findings []analysis.Finding) (edits []byteEdit, applied, skipped []int) {
	type cand struct {
		i     int
		edits []byteEdit
		first int
	}
	var cands []cand
	for i, f := range findings {
		if f.Fix == nil || f.Fix.Applicability != analysis.FixSafe || len(f.Fix.Edits) == 0 {
			continue
		}
		be := toByteEdits(ix, f.Fix.Edits)
		first := be[0].start
		for _, e := range be {
			first = min(first, e.start)
		}
		cands = append(cands, cand{i: i, edits: be, first: first})
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].first != cands[b].first {
			return cands[a].first < cands[b].first
		}
		return findings[cands[a].i].Rule < findings[cands[b].i].Rule
	})
	for _, c := range cands {
		ok := true
		for _, e := range c.edits {
			for _, t := range edits {
				if overlaps(e, t) {
					ok = false
				}
			}
		}
		if !ok {
			skipped = append(skipped, c.i)
			continue
		}
		edits = append(edits, c.edits...)
		applied = append(applied, c.i)
	}
	sort.Slice(edits, func(a, b int) bool { return edits[a].start < edits[b].start })
	return edits, applied, skipped
}

// applyEdits returns text with non-overlapping edits applied.
func applyEdits(text []byte, edits []byteEdit) []byte {
	sorted := append([]byteEdit(nil), edits...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].start < sorted[b].start })
	var b strings.Builder
	b.Grow(len(text))
	at := 0
	for _, e := range sorted {
		b.Write(text[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(text[at:])
	return []byte(b.String())
}

func lspEdits(ix *lineIndex, edits []byteEdit) []protocol.TextEdit {
	out := make([]protocol.TextEdit, len(edits))
	for i, e := range edits {
		out[i] = protocol.TextEdit{
			Range:   protocol.Range{Start: ix.position(e.start), End: ix.position(e.end)},
			NewText: e.text,
		}
	}
	return out
}

// workspaceEdit wraps edits to one document version: a client applies them
// only if the document is still at that version.
func workspaceEdit(snap *snapshot, edits []protocol.TextEdit) *protocol.WorkspaceEdit {
	v := snap.version
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.TextDocumentEdit{{
		TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
			TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: snap.uri},
			Version:                &v,
		},
		Edits: edits,
	}}}
}

// suppressReason is the reason placeholder of an inserted suppression; a
// suppression needs a reason (issue 2), and this one tells the user to
// write it.
const suppressReason = "TODO: say why this is safe"

var existingIgnore = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`stelp:\s*ignore\[([^\]]*)\]`) })

// suppressEdit adds `# stelp: ignore[RULE] reason` to the statement that
// holds the finding: at the end of its first line that can carry a comment,
// or into the rule list of a suppression already there.
func suppressEdit(snap *snapshot, f analysis.Finding) byteEdit {
	ix := snap.lines
	info := scanLines(snap.text)
	line := commentLine(info, f.Range.Start.Line)
	start, end := ix.starts[line], ix.lineEnd(line)
	if c := info[line].comment; c >= 0 {
		if m := existingIgnore().FindSubmatchIndex(snap.text[start+c : end]); m != nil {
			at := start + c + m[3]
			return byteEdit{start: at, end: at, text: "," + f.Rule}
		}
	}
	// Keep trailing white space out of the way of the comment.
	for end > start && (snap.text[end-1] == ' ' || snap.text[end-1] == '\t') {
		end--
	}
	return byteEdit{start: end, end: end, text: "  # stelp: ignore[" + f.Rule + "] " + suppressReason}
}
