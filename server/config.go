package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/stelp-dev/stelp/policy"
)

// configNames are the file names policy discovery looks for in each folder.
var configNames = policy.FileNames

// maxConfigEntries bounds the policy cache (text commands may name any
// number of paths); past it the cache starts over.
const maxConfigEntries = 10000

func isConfigFile(path string) bool {
	if path == "" {
		return false
	}
	base := filepath.Base(path)
	for _, n := range configNames {
		if base == n {
			return true
		}
	}
	return false
}

// configCache holds the policy of each file analysed. An entry is valid
// while the config files on the way up from its folder keep
// their size and mtime (a cheap check done on every analysis, so a change
// made outside the editor is picked up without any client help);
// didChangeWatchedFiles and didSave drop everything, which also covers
// files pulled in by `extends`.
type configCache struct {
	mu        sync.Mutex
	entries   map[string]*configEntry // by file path
	published map[protocol.DocumentURI]bool
}

type configEntry struct {
	pol   *policy.Policy
	err   error
	stamp string
}

// policyFor returns the policy for a document path. A broken config falls
// back to the defaults (the error goes to the config file as diagnostics),
// so the editor keeps flagging unsafe code while the config is being fixed.
func (s *Server) policyFor(ctx context.Context, path string) *policy.Policy {
	dir := ""
	if path != "" {
		dir = filepath.Dir(path)
	}
	stamp := configStamp(dir)
	// Keyed by file, not folder: `paths:` overrides can differ between
	// files of one folder.
	s.config.mu.Lock()
	e := s.config.entries[path]
	s.config.mu.Unlock()
	if e != nil && e.stamp == stamp {
		return e.pol
	}
	pol, err := s.engine.Policy(ctx, path)
	if err != nil || pol == nil {
		pol = policy.Default()
	}
	s.config.mu.Lock()
	changed := e == nil || errText(e.err) != errText(err)
	if len(s.config.entries) >= maxConfigEntries {
		s.config.entries = map[string]*configEntry{}
	}
	s.config.entries[path] = &configEntry{pol: pol, err: err, stamp: stamp}
	s.config.mu.Unlock()
	if changed {
		s.publishConfigErrors(ctx)
	}
	return pol
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// configStamp identifies the state of the config files that can apply to
// dir: each folder's .stelp.yaml up to the file system root.
func configStamp(dir string) string {
	if dir == "" {
		return ""
	}
	var b strings.Builder
	for {
		for _, n := range configNames {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil {
				fmt.Fprintf(&b, "%s:%d:%d;", filepath.Join(dir, n), fi.Size(), fi.ModTime().UnixNano())
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return b.String()
		}
		dir = parent
	}
}

// configChanged drops every cached policy and re-analyses open documents,
// which reload their policies (and re-publish config errors) as they go.
// Config files named in paths are loaded at once, so that the errors of a
// config no open document uses still show up on it.
func (s *Server) configChanged(ctx context.Context, paths ...string) {
	s.config.mu.Lock()
	s.config.entries = map[string]*configEntry{}
	s.config.mu.Unlock()
	for _, d := range s.openDocs() {
		d.poke()
	}
	if len(paths) > 0 {
		// Off the read loop: loading and publishing may take a while.
		s.goroutine(func() {
			for _, p := range paths {
				if p != "" {
					s.policyFor(s.ctx, filepath.Join(filepath.Dir(p), "__stelp_config_probe__.py"))
				}
			}
		})
	}
}

func (s *Server) didChangeWatchedFiles(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		Changes []struct {
			URI protocol.DocumentURI `json:"uri"`
		} `json:"changes"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		return fmt.Errorf("didChangeWatchedFiles params: %w", err)
	}
	var changed []string
	for _, c := range p.Changes {
		if p := uriPath(c.URI); filepath.Ext(p) == ".yaml" || filepath.Ext(p) == ".yml" {
			changed = append(changed, p)
		}
	}
	if len(changed) > 0 {
		s.configChanged(ctx, changed...)
	}
	return nil
}

func (s *Server) didChangeConfiguration(ctx context.Context, raw json.RawMessage) error {
	var p struct {
		Settings map[string]json.RawMessage `json:"settings"`
	}
	if err := json.Unmarshal(raw, &p); err == nil && p.Settings != nil {
		settings := p.Settings["stelp"]
		if settings == nil {
			settings, _ = json.Marshal(p.Settings)
		}
		if err := s.applyEditorOptions(settings); err != nil {
			s.log.Warn("didChangeConfiguration", zap.Error(err))
		}
	}
	s.configChanged(ctx)
	return nil
}

// publishConfigErrors shows the errors of every loaded config on the
// config file itself and clears files that are fine again.
func (s *Server) publishConfigErrors(ctx context.Context) {
	s.config.mu.Lock()
	byFile := map[string][]*policy.Error{}
	for _, e := range s.config.entries {
		for _, pe := range policyErrors(e.err) {
			byFile[pe.File] = append(byFile[pe.File], pe)
		}
		if e.err != nil && len(policyErrors(e.err)) == 0 {
			s.log.Warn("config could not be loaded", zap.Error(e.err))
		}
	}
	var clear []protocol.DocumentURI
	now := map[protocol.DocumentURI]bool{}
	for f := range byFile {
		now[pathURI(absPath(f))] = true
	}
	for u := range s.config.published {
		if !now[u] {
			clear = append(clear, u)
		}
	}
	s.config.published = now
	s.config.mu.Unlock()

	for _, u := range clear {
		_ = s.notify(ctx, "textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{URI: u, Diagnostics: []protocol.Diagnostic{}})
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		diags := configDiagnostics(f, byFile[f])
		if err := s.notify(ctx, "textDocument/publishDiagnostics", protocol.PublishDiagnosticsParams{URI: pathURI(absPath(f)), Diagnostics: diags}); err != nil {
			s.log.Warn("publish config diagnostics", zap.Error(err))
		}
	}
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func policyErrors(err error) []*policy.Error {
	if err == nil {
		return nil
	}
	var list policy.ErrorList
	if errors.As(err, &list) {
		return list
	}
	var one *policy.Error
	if errors.As(err, &one) {
		return []*policy.Error{one}
	}
	return nil
}

// configDiagnostics turns config errors into diagnostics; the file is read
// to make the range cover the offending line.
func configDiagnostics(file string, errs []*policy.Error) []protocol.Diagnostic {
	text, _ := os.ReadFile(file)
	ix := newLineIndex(text)
	seen := map[string]bool{}
	diags := []protocol.Diagnostic{}
	for _, e := range errs {
		key := fmt.Sprintf("%d:%d:%s:%s", e.Line, e.Column, e.Key, e.Msg)
		if seen[key] {
			continue // the same file reached twice through extends
		}
		seen[key] = true
		var r protocol.Range
		if e.Line > 0 && e.Line <= len(ix.starts) {
			line := e.Line - 1
			start := ix.starts[line]
			if e.Column > 0 {
				start = min(start+e.Column-1, ix.lineEnd(line))
			}
			r = protocol.Range{Start: ix.position(start), End: ix.position(ix.lineEnd(line))}
		}
		msg := e.Msg
		if e.Key != "" {
			msg = e.Key + ": " + e.Msg
		}
		diags = append(diags, protocol.Diagnostic{
			Range: r, Severity: protocol.DiagnosticSeverityError, Source: sourceStatic, Message: msg,
		})
	}
	return diags
}
