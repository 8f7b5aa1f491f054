package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
)

// snapshot is one immutable version of a document.
type snapshot struct {
	uri     protocol.DocumentURI
	path    string // "" when the URI is not a file
	version int32
	text    []byte
	lines   *lineIndex
}

// document is an open text document. Edits are applied in the order the
// client sent them (in the read loop); analysis happens on the document's
// own goroutine (diagnostics.go), which consumes the accumulated
// tree-sitter edits so its tree re-parses incrementally.
type document struct {
	uri  protocol.DocumentURI
	path string

	mu      sync.Mutex
	snap    *snapshot
	edits   []sitter.EditInput // since the checker last took them
	fresh   bool               // next check parses from scratch
	closed  bool
	checked *checkedVersion // newest analysis result
	run     *runResult      // last execution, for the version it ran
	wake    chan struct{}   // 1-buffered: "there is something to analyse"

	pubMu     sync.Mutex
	published int32         // newest version whose diagnostics went out
	done      chan struct{} // closed when the analysis goroutine ends
}

// checkedVersion is the analysis of one version.
type checkedVersion struct {
	snap     *snapshot
	findings []analysis.Finding
	tooLarge bool

	fixOnce sync.Once
	fixed   []analysis.Finding
}

// withFixes returns the findings with the engine's rewrites attached.
// They are computed on first need (a code action, fix-all, a check
// command), not on every keystroke: validating a fix re-parses the
// document.
func (cv *checkedVersion) withFixes(eng Engine) []analysis.Finding {
	cv.fixOnce.Do(func() {
		// Background: a cancelled request must not cache half the fixes.
		cv.fixed = eng.AttachFixes(context.Background(), cv.snap.text, append([]analysis.Finding(nil), cv.findings...))
	})
	return cv.fixed
}

// runResult is an execution of one document version.
type runResult struct {
	version      int32
	result       *exec.Result
	lines        *lineIndex
	fallbackLine int // 1-based line for problems outside the user's lines
}

func (d *document) snapshot() *snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.snap
}

func (d *document) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// uriPath returns the file path of a file: URI, or "" for other schemes
// (untitled buffers, virtual documents).
func uriPath(u protocol.DocumentURI) string {
	p, err := url.Parse(string(u))
	if err != nil || p.Scheme != "file" {
		return ""
	}
	return filepath.FromSlash(p.Path)
}

func pathURI(path string) protocol.DocumentURI {
	return protocol.DocumentURI((&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
}

// textDocumentItem is LSP's didOpen item.
type textDocumentItem struct {
	URI        protocol.DocumentURI `json:"uri"`
	LanguageID string               `json:"languageId"`
	Version    int32                `json:"version"`
	Text       string               `json:"text"`
}

// contentChange is LSP's TextDocumentContentChangeEvent. protocol v0.12.0
// has a non-pointer Range, which cannot tell a full replacement (no range)
// from an insertion at 0:0.
type contentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

func (s *Server) didOpen(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		TextDocument textDocumentItem `json:"textDocument"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("didOpen params: %w", err)
	}
	it := p.TextDocument
	path := uriPath(it.URI)
	if isConfigFile(path) {
		s.configChanged(ctx, path)
		return nil
	}
	text := []byte(it.Text)
	d := &document{
		uri:   it.URI,
		path:  path,
		snap:  &snapshot{uri: it.URI, path: path, version: it.Version, text: text, lines: newLineIndex(text)},
		fresh: true,
		wake:  make(chan struct{}, 1),
		done:  make(chan struct{}),
	}
	s.docsMu.Lock()
	old := s.docs[it.URI]
	s.docs[it.URI] = d
	s.docsMu.Unlock()
	if old != nil {
		old.close()
	}
	if !isPython(it.LanguageID, path) {
		// Kept (commands may name it) but never analysed: Python rules on
		// other languages would only produce syntax-error noise.
		close(d.done)
		return nil
	}
	if s.goroutine(func() { s.analyse(s.ctx, d) }) {
		d.poke()
	} else {
		close(d.done)
	}
	return nil
}

func isPython(languageID, path string) bool {
	switch languageID {
	case "python", "":
		return true
	}
	ext := filepath.Ext(path)
	return ext == ".py" || ext == ".pyi" || ext == ".pyw"
}

func (s *Server) didChange(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		TextDocument struct {
			URI     protocol.DocumentURI `json:"uri"`
			Version int32                `json:"version"`
		} `json:"textDocument"`
		ContentChanges []contentChange `json:"contentChanges"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("didChange params: %w", err)
	}
	d := s.doc(p.TextDocument.URI)
	if d == nil {
		return fmt.Errorf("didChange: %s is not open", p.TextDocument.URI)
	}
	d.mu.Lock()
	snap := d.snap
	text, ix := snap.text, snap.lines
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			text = []byte(c.Text)
			d.edits, d.fresh = nil, true
		} else {
			start, end := ix.offset(c.Range.Start), ix.offset(c.Range.End)
			if end < start {
				start, end = end, start
			}
			var e sitter.EditInput
			text, e = applyChange(ix, start, end, c.Text)
			if !d.fresh {
				d.edits = append(d.edits, e)
			}
		}
		ix = newLineIndex(text)
	}
	d.snap = &snapshot{uri: snap.uri, path: snap.path, version: p.TextDocument.Version, text: text, lines: ix}
	d.mu.Unlock()
	d.poke()
	return nil
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("didClose params: %w", err)
	}
	s.docsMu.Lock()
	d := s.docs[p.TextDocument.URI]
	delete(s.docs, p.TextDocument.URI)
	s.docsMu.Unlock()
	if d == nil {
		return nil
	}
	d.close()
	// A closed file's problems are no longer the editor's to show. Sent
	// after the document goroutine has stopped (so nothing it publishes
	// can follow), and never from the read loop, which must not wait on a
	// client that is busy writing to us.
	s.goroutine(func() {
		select {
		case <-d.done:
		case <-s.ctx.Done():
			return
		}
		d.pubMu.Lock()
		defer d.pubMu.Unlock()
		_ = s.notify(s.ctx, "textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	})
	return nil
}

func (s *Server) didSave(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("didSave params: %w", err)
	}
	if path := uriPath(p.TextDocument.URI); isConfigFile(path) {
		s.configChanged(ctx, path)
	}
	return nil
}

func (d *document) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.poke()
}

func (s *Server) doc(u protocol.DocumentURI) *document {
	s.docsMu.Lock()
	defer s.docsMu.Unlock()
	return s.docs[u]
}

func (s *Server) openDocs() []*document {
	s.docsMu.Lock()
	defer s.docsMu.Unlock()
	out := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	return out
}
