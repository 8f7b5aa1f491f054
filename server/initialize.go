package server

import (
	"context"
	"encoding/json"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// clientCaps is what the server needs to know of the client. It is read
// from the raw initialize params: protocol v0.12.0 (LSP 3.15) has no field
// for inlay hints or their refresh.
type clientCaps struct {
	inlayHints      bool // textDocument.inlayHint
	inlayRefresh    bool // workspace.inlayHint.refreshSupport
	codeLensRefresh bool // workspace.codeLens.refreshSupport
	applyEdit       bool // workspace.applyEdit
	progress        bool // window.workDoneProgress
	watchDynamic    bool // workspace.didChangeWatchedFiles.dynamicRegistration
	traceNotify     bool // send stelp/trace (no inlay hints, or asked for)
	rootPath        string
}

type initializeParams struct {
	RootURI          string `json:"rootUri"`
	WorkspaceFolders []struct {
		URI string `json:"uri"`
	} `json:"workspaceFolders"`
	InitializationOptions json.RawMessage `json:"initializationOptions"`
	Capabilities          struct {
		TextDocument struct {
			InlayHint json.RawMessage `json:"inlayHint"`
		} `json:"textDocument"`
		Workspace struct {
			ApplyEdit bool `json:"applyEdit"`
			InlayHint struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"inlayHint"`
			CodeLens struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"codeLens"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
	} `json:"capabilities"`
}

// Commands the server executes (workspace/executeCommand).
const (
	cmdCheck     = "stelp.check"
	cmdTranspile = "stelp.transpile"
	cmdExecute   = "stelp.execute"
	cmdFixAll    = "stelp.fixAll"
)

const kindFixAll = "source.fixAll.stelp"

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	if s.initialized.Load() {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "stelp: initialize sent twice")
	}
	var p initializeParams
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &p); err != nil {
			// Options in a shape we do not know must not lock a client out.
			s.log.Warn("initialize params", zap.Error(err))
		}
	}
	caps := p.Capabilities
	c := clientCaps{
		inlayHints:      len(caps.TextDocument.InlayHint) > 0 && string(caps.TextDocument.InlayHint) != "null",
		inlayRefresh:    caps.Workspace.InlayHint.RefreshSupport,
		codeLensRefresh: caps.Workspace.CodeLens.RefreshSupport,
		applyEdit:       caps.Workspace.ApplyEdit,
		progress:        caps.Window.WorkDoneProgress,
		watchDynamic:    caps.Workspace.DidChangeWatchedFiles.DynamicRegistration,
	}
	c.traceNotify = !c.inlayHints
	switch {
	case len(p.WorkspaceFolders) > 0:
		c.rootPath = uriPath(protocol.DocumentURI(p.WorkspaceFolders[0].URI))
	case p.RootURI != "":
		c.rootPath = uriPath(protocol.DocumentURI(p.RootURI))
	}
	s.client = c
	if err := s.applyEditorOptions(p.InitializationOptions); err != nil {
		s.log.Warn("initializationOptions", zap.Error(err))
	}
	s.initialized.Store(true)

	version := s.opts.Version
	if version == "" {
		version = "dev"
	}
	// Hand-written: the protocol package's ServerCapabilities (3.15) has no
	// inlayHintProvider.
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{"quickfix", kindFixAll},
			},
			"codeLensProvider":       map[string]any{"resolveProvider": false},
			"hoverProvider":          true,
			"inlayHintProvider":      map[string]any{"resolveProvider": false},
			"executeCommandProvider": map[string]any{"commands": []string{cmdCheck, cmdTranspile, cmdExecute, cmdFixAll}},
		},
		"serverInfo": map[string]any{"name": "stelp", "version": version},
	}, nil
}

// registerWatchers asks the client to tell us about config files changing
// on disk (edited outside the editor, git checkout, ...).
func (s *Server) registerWatchers(ctx context.Context) {
	if !s.client.watchDynamic {
		return
	}
	params := map[string]any{"registrations": []any{map[string]any{
		"id":     "stelp-config-watch",
		"method": "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": []any{
			map[string]any{"globPattern": "**/*.{yaml,yml}"},
		}},
	}}}
	if err := s.callClient(ctx, "client/registerCapability", params, nil); err != nil {
		s.log.Info("client refused file watching; config changes are found by mtime", zap.Error(err))
	}
}
