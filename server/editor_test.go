package server

import (
	"context"
	"encoding/json"
	"net"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// editor is an in-process fake LSP client, as gopls tests have: a real
// jsonrpc2 connection over net.Pipe to a real Server.
type editor struct {
	t      testing.TB
	conn   jsonrpc2.Conn
	server *Server
	runErr chan error

	mu       sync.Mutex
	notes    []note           // every notification received, in order
	requests []note           // every request the server sent us
	changed  chan struct{}    // poked on each message
	replies  map[string]any   // canned replies to server requests, by method
	stall    map[string]bool  // server requests never answered, by method
	versions map[string]int32 // our document versions
}

type note struct {
	method string
	params json.RawMessage
}

func newEditor(t testing.TB, eng Engine, opts Options, caps map[string]any) *editor {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = -1
	}
	sc, cc := net.Pipe()
	ed := &editor{t: t, server: New(eng, opts), runErr: make(chan error, 1), changed: make(chan struct{}, 1),
		replies: map[string]any{"workspace/applyEdit": map[string]any{"applied": true}}, stall: map[string]bool{}, versions: map[string]int32{}}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { ed.runErr <- ed.server.Run(ctx, sc) }()
	ed.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(cc))
	ed.conn.Go(ctx, ed.handle)
	t.Cleanup(func() {
		cancel()
		ed.conn.Close()
		select {
		case <-ed.runErr:
		case <-time.After(5 * time.Second):
			t.Error("server did not stop")
		}
	})
	if caps == nil {
		caps = map[string]any{}
	}
	var res map[string]any
	ed.call("initialize", map[string]any{"processId": 1, "rootUri": "file:///", "capabilities": caps}, &res)
	if res["capabilities"] == nil {
		t.Fatalf("initialize result without capabilities: %v", res)
	}
	ed.notify("initialized", map[string]any{})
	return ed
}

func (ed *editor) handle(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	n := note{method: req.Method(), params: append(json.RawMessage(nil), req.Params()...)}
	ed.mu.Lock()
	_, isCall := req.(*jsonrpc2.Call)
	if isCall {
		ed.requests = append(ed.requests, n)
	} else {
		ed.notes = append(ed.notes, n)
	}
	res, stall := ed.replies[n.method], ed.stall[n.method]
	ed.mu.Unlock()
	select {
	case ed.changed <- struct{}{}:
	default:
	}
	if isCall && !stall {
		// Errors are dropped: jsonrpc2 panics on a later error of another type.
		_ = reply(ctx, res, nil)
	}
	return nil
}

// editorTimeout bounds every wait of the fake editor. It is a failsafe
// against a hung server, not a latency check (benchmarks measure those),
// so it is generous: go test runs packages side by side, and a first
// execution pays for starting a worker on a loaded machine.
const editorTimeout = 30 * time.Second

// waitRequest waits until the server has sent n requests of method.
func (ed *editor) waitRequest(method string, n int) []note {
	ed.t.Helper()
	deadline := time.Now().Add(editorTimeout)
	for {
		if got := ed.requestsFor(method); len(got) >= n {
			return got
		}
		if time.Now().After(deadline) {
			ed.t.Fatalf("timed out waiting for %d %s request(s)", n, method)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (ed *editor) call(method string, params, result any) error {
	ed.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), editorTimeout)
	defer cancel()
	_, err := ed.conn.Call(ctx, method, params, result)
	return err
}

func (ed *editor) mustCall(method string, params, result any) {
	ed.t.Helper()
	if err := ed.call(method, params, result); err != nil {
		ed.t.Fatalf("%s: %v", method, err)
	}
}

func (ed *editor) notify(method string, params any) {
	ed.t.Helper()
	if err := ed.conn.Notify(context.Background(), method, params); err != nil {
		ed.t.Fatalf("notify %s: %v", method, err)
	}
}

func (ed *editor) open(uri, text string) {
	ed.versions[uri] = 1
	ed.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "python", "version": 1, "text": text}})
}

// edit replaces a range (line/char pairs in UTF-16) and returns the new
// version.
func (ed *editor) edit(uri string, sl, sc, el, ec int, text string) int32 {
	ed.versions[uri]++
	v := ed.versions[uri]
	ed.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": v},
		"contentChanges": []any{map[string]any{
			"range": map[string]any{"start": map[string]any{"line": sl, "character": sc}, "end": map[string]any{"line": el, "character": ec}},
			"text":  text}}})
	return v
}

func (ed *editor) replaceAll(uri, text string) int32 {
	ed.versions[uri]++
	v := ed.versions[uri]
	ed.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": v},
		"contentChanges": []any{map[string]any{"text": text}}})
	return v
}

// waitNote waits for a notification matching pred, returning its params.
func (ed *editor) waitNote(what string, pred func(n note) bool) note {
	ed.t.Helper()
	deadline := time.After(editorTimeout)
	seen := 0
	for {
		ed.mu.Lock()
		notes := ed.notes[seen:]
		seen = len(ed.notes)
		ed.mu.Unlock()
		for _, n := range notes {
			if pred(n) {
				return n
			}
		}
		select {
		case <-ed.changed:
		case <-time.After(20 * time.Millisecond):
		case <-deadline:
			ed.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

type publishParams struct {
	URI         string                `json:"uri"`
	Version     int32                 `json:"version"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

// diagnostics waits for the diagnostics of uri at version.
func (ed *editor) diagnostics(uri string, version int32) []protocol.Diagnostic {
	ed.t.Helper()
	var p publishParams
	ed.waitNote("diagnostics", func(n note) bool {
		if n.method != "textDocument/publishDiagnostics" {
			return false
		}
		var q publishParams
		if json.Unmarshal(n.params, &q) != nil || q.URI != uri || q.Version != version {
			return false
		}
		p = q
		return true
	})
	return p.Diagnostics
}

// published returns every publishDiagnostics for uri so far.
func (ed *editor) published(uri string) []publishParams {
	ed.mu.Lock()
	defer ed.mu.Unlock()
	var out []publishParams
	for _, n := range ed.notes {
		if n.method != "textDocument/publishDiagnostics" {
			continue
		}
		var q publishParams
		if json.Unmarshal(n.params, &q) == nil && q.URI == uri {
			out = append(out, q)
		}
	}
	return out
}

func (ed *editor) requestsFor(method string) []note { return ed.filter(&ed.requests, method) }

func (ed *editor) notesFor(method string) []note { return ed.filter(&ed.notes, method) }

func (ed *editor) filter(list *[]note, method string) []note {
	ed.mu.Lock()
	defer ed.mu.Unlock()
	var out []note
	for _, n := range *list {
		if n.method == method {
			out = append(out, n)
		}
	}
	return out
}

func (ed *editor) command(cmd string, arg any, result any) error {
	return ed.call("workspace/executeCommand", map[string]any{"command": cmd, "arguments": []any{arg}}, result)
}

func rpcCode(err error) jsonrpc2.Code {
	if e, ok := err.(*jsonrpc2.Error); ok {
		return e.Code
	}
	return 0
}
