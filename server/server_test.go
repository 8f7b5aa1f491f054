package server

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// docURI is in a folder that does not exist, so no .stelp.yaml on this
// machine can apply to it.
const docURI = "file:///stelp-test-no-such-dir/a.py"

func TestInitializeAdvertisesFeatures(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	// A second initialize is a protocol error, not a crash.
	err := ed.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil)
	if rpcCode(err) != jsonrpc2.InvalidRequest {
		t.Fatalf("second initialize: got %v", err)
	}
	sc, cc := newRawPair(t, &fakeEngine{})
	_ = sc
	res := cc.request(1, "initialize", `{"capabilities":{}}`)
	var r struct {
		Result struct {
			Capabilities struct {
				TextDocumentSync struct {
					Change int `json:"change"`
				} `json:"textDocumentSync"`
				InlayHintProvider      any `json:"inlayHintProvider"`
				CodeLensProvider       any `json:"codeLensProvider"`
				ExecuteCommandProvider struct {
					Commands []string `json:"commands"`
				} `json:"executeCommandProvider"`
				CodeActionProvider struct {
					Kinds []string `json:"codeActionKinds"`
				} `json:"codeActionProvider"`
			} `json:"capabilities"`
		} `json:"result"`
	}
	if err := json.Unmarshal(res, &r); err != nil {
		t.Fatal(err)
	}
	c := r.Result.Capabilities
	if c.TextDocumentSync.Change != 2 || c.InlayHintProvider == nil || c.CodeLensProvider == nil {
		t.Errorf("capabilities: %s", res)
	}
	if strings.Join(c.ExecuteCommandProvider.Commands, ",") != "stelp.check,stelp.transpile,stelp.execute,stelp.fixAll" {
		t.Errorf("commands: %v", c.ExecuteCommandProvider.Commands)
	}
	if strings.Join(c.CodeActionProvider.Kinds, ",") != "quickfix,source.fixAll.stelp" {
		t.Errorf("code action kinds: %v", c.CodeActionProvider.Kinds)
	}
}

func TestDiagnosticsUTF16(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{DocsURL: "https://docs.example/rules.md"}, nil)
	// 😀 is 4 bytes and 2 UTF-16 units; 中 is 3 bytes and 1 unit.
	ed.open(docURI, "s = input()\nx = \"😀中\"; y = eval(s)\n")
	diags := ed.diagnostics(docURI, 1)
	if len(diags) != 1 {
		t.Fatalf("want 1 diagnostic, got %+v", diags)
	}
	d := diags[0]
	// `x = "😀中"; y = ` is 15 UTF-16 units before eval.
	want := protocol.Range{Start: protocol.Position{Line: 1, Character: 15}, End: protocol.Position{Line: 1, Character: 19}}
	if d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	if d.Code != "SP101" || d.Source != "stelp" || d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("code/source/severity = %v/%v/%v", d.Code, d.Source, d.Severity)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://docs.example/rules.md#sp101" {
		t.Errorf("codeDescription = %+v", d.CodeDescription)
	}
	if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.Range.Start.Character != 4 ||
		d.RelatedInformation[0].Message != "input() value reaches eval" {
		t.Errorf("relatedInformation = %+v", d.RelatedInformation)
	}
	data, _ := json.Marshal(d.Data)
	if !strings.Contains(string(data), `"rule":"SP101"`) || !strings.Contains(string(data), `"fix":"Use ast.literal_eval"`) {
		t.Errorf("data = %s", data)
	}

	// Insert "中中" after the emoji (UTF-16 column 7: after `x = "😀`):
	// the finding moves right by 2 units.
	v := ed.edit(docURI, 1, 7, 1, 7, "中中")
	diags = ed.diagnostics(docURI, v)
	if len(diags) != 1 || diags[0].Range.Start.Character != 17 {
		t.Fatalf("after edit: %+v", diags)
	}
	// Replace the eval call, addressed in UTF-16 units after the emoji.
	v = ed.edit(docURI, 1, 17, 1, 24, "int(s)")
	if diags = ed.diagnostics(docURI, v); len(diags) != 0 {
		t.Fatalf("after removing eval: %+v", diags)
	}
	// Full replacement (no range) is supported too.
	v = ed.replaceAll(docURI, "eval(a)\neval(b)\n")
	if diags = ed.diagnostics(docURI, v); len(diags) != 2 || diags[1].Range.Start.Line != 1 {
		t.Fatalf("after full change: %+v", diags)
	}
}

func TestEditsAreIncremental(t *testing.T) {
	eng := &fakeEngine{}
	ed := newEditor(t, eng, Options{}, nil)
	ed.open(docURI, "a = 1\n")
	ed.diagnostics(docURI, 1)
	for i := 0; i < 5; i++ {
		v := ed.edit(docURI, 0, 0, 0, 0, "b = 2\n")
		ed.diagnostics(docURI, v)
	}
	if got := eng.parses.Load(); got != 1 {
		t.Errorf("fresh parses = %d, want 1 (edits must reach the checker incrementally)", got)
	}
	if got := eng.edits.Load(); got != 5 {
		t.Errorf("edits passed to the checker = %d, want 5", got)
	}
}

func TestStaleVersionsNeverPublished(t *testing.T) {
	eng := &fakeEngine{}
	// The debounce is long enough for the burst below to arrive within it
	// even under the race detector.
	ed := newEditor(t, eng, Options{Debounce: 400 * time.Millisecond}, nil)
	ed.open(docURI, "x = eval(s)\n")
	var last int32
	for i := 0; i < 30; i++ {
		last = ed.edit(docURI, 0, 0, 0, 0, "# c\n")
	}
	diags := ed.diagnostics(docURI, last)
	if len(diags) != 1 || diags[0].Range.Start.Line != 30 {
		t.Fatalf("latest diagnostics: %+v", diags)
	}
	time.Sleep(500 * time.Millisecond)
	pubs := ed.published(docURI)
	for i, p := range pubs {
		if p.Version != last {
			t.Errorf("publish %d is for stale version %d (latest %d)", i, p.Version, last)
		}
	}
	if n := eng.checks.Load(); n > 3 {
		t.Errorf("debounce let %d checks through for one burst of edits", n)
	}

	// Without debounce every version may be analysed, but versions only
	// ever go forward.
	ed2 := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed2.open(docURI, "x = 1\n")
	for i := 0; i < 50; i++ {
		last = ed2.edit(docURI, 0, 0, 0, 0, "#\n")
	}
	ed2.diagnostics(docURI, last)
	prev := int32(0)
	for _, p := range ed2.published(docURI) {
		if p.Version < prev {
			t.Fatalf("version went back from %d to %d", prev, p.Version)
		}
		prev = p.Version
	}
}

func TestHugeDocumentIsNotAnalysed(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{MaxDocumentBytes: 1000}, nil)
	ed.open(docURI, strings.Repeat("x = eval(s)\n", 200))
	diags := ed.diagnostics(docURI, 1)
	if len(diags) != 1 || diags[0].Severity != protocol.DiagnosticSeverityInformation || !strings.Contains(diags[0].Message, "over the 1000 byte limit") {
		t.Fatalf("huge document: %+v", diags)
	}
	v := ed.replaceAll(docURI, "x = eval(s)\n")
	if diags = ed.diagnostics(docURI, v); len(diags) != 1 || diags[0].Code != "SP101" {
		t.Fatalf("after shrinking: %+v", diags)
	}
}

func TestCheckerPanicDoesNotStopTheServer(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed.open(docURI, "# panic-check\nx = eval(s)\n")
	v := ed.edit(docURI, 0, 0, 1, 0, "")
	if diags := ed.diagnostics(docURI, v); len(diags) != 1 {
		t.Fatalf("after a checker panic: %+v", diags)
	}
}

func TestCloseClearsDiagnostics(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed.open(docURI, "eval(x)\n")
	ed.diagnostics(docURI, 1)
	ed.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": docURI}})
	ed.waitNote("cleared diagnostics", func(n note) bool {
		var p publishParams
		return n.method == "textDocument/publishDiagnostics" && json.Unmarshal(n.params, &p) == nil && p.URI == docURI && p.Version == 0 && len(p.Diagnostics) == 0
	})
}

func TestShutdownAndExit(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed.open(docURI, "eval(x)\n")
	ed.diagnostics(docURI, 1)
	ed.mustCall("shutdown", nil, nil)
	if err := ed.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": docURI}}, nil); rpcCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("request after shutdown: %v", err)
	}
	ed.notify("exit", nil)
	select {
	case err := <-ed.runErr:
		if err != nil {
			t.Fatalf("Run after shutdown+exit = %v, want nil", err)
		}
		ed.runErr <- nil
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}

	ed2 := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed2.notify("exit", nil)
	select {
	case err := <-ed2.runErr:
		if err != ErrExitWithoutShutdown {
			t.Fatalf("Run after exit without shutdown = %v", err)
		}
		ed2.runErr <- nil
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestRequestsBeforeInitialize(t *testing.T) {
	_, c := newRawPair(t, &fakeEngine{})
	res := c.request(7, "textDocument/codeLens", `{"textDocument":{"uri":"file:///x.py"}}`)
	if !strings.Contains(string(res), `"code":-32002`) {
		t.Fatalf("want ServerNotInitialized, got %s", res)
	}
}

func TestConfigChangesArePickedUp(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".stelp.yaml")
	if err := os.WriteFile(cfg, []byte("rules:\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := string(pathURI(filepath.Join(dir, "a.py")))
	cfgURI := string(pathURI(cfg))
	ed := newEditor(t, &fakeEngine{}, Options{}, map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	ed.open(uri, "eval(x)\n")
	if d := ed.diagnostics(uri, 1); len(d) != 1 {
		t.Fatalf("before: %+v", d)
	}
	// The server asked to watch config files.
	deadline := time.Now().Add(5 * time.Second)
	for len(ed.requestsFor("client/registerCapability")) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if reg := ed.requestsFor("client/registerCapability"); len(reg) != 1 || !strings.Contains(string(reg[0].params), "didChangeWatchedFiles") {
		t.Errorf("registerCapability: %v", reg)
	}

	// Turned off on disk + watched-file notification: re-analysed.
	writeLater(t, cfg, "rules:\n  SP101: off\n")
	ed.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": cfgURI, "type": 2}}})
	ed.waitNote("diagnostics without SP101", func(n note) bool {
		var p publishParams
		return n.method == "textDocument/publishDiagnostics" && json.Unmarshal(n.params, &p) == nil && p.URI == uri && len(p.Diagnostics) == 0
	})

	// A broken config: error on the config file, the document falls back to
	// the defaults. No notification this time: the mtime check on the next
	// analysis finds it.
	writeLater(t, cfg, "rules:\nbad: unknown key\n")
	v := ed.edit(uri, 0, 0, 0, 0, "\n")
	if d := ed.diagnostics(uri, v); len(d) != 1 {
		t.Fatalf("with broken config, defaults apply: %+v", d)
	}
	cd := ed.waitNote("config diagnostics", func(n note) bool {
		var p publishParams
		return n.method == "textDocument/publishDiagnostics" && json.Unmarshal(n.params, &p) == nil && p.URI == cfgURI && len(p.Diagnostics) == 1
	})
	var p publishParams
	json.Unmarshal(cd.params, &p)
	if p.Diagnostics[0].Range.Start.Line != 1 || p.Diagnostics[0].Message != "bad: unknown key" {
		t.Errorf("config diagnostic: %+v", p.Diagnostics[0])
	}

	// Fixed and saved: the config diagnostics are cleared.
	writeLater(t, cfg, "rules:\n")
	ed.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": cfgURI}})
	ed.waitNote("config diagnostics cleared", func(n note) bool {
		var p publishParams
		return n.method == "textDocument/publishDiagnostics" && json.Unmarshal(n.params, &p) == nil && p.URI == cfgURI && len(p.Diagnostics) == 0
	})
}

// writeLater writes a file so that its mtime differs from the last write
// even on coarse-grained file systems.
func writeLater(t *testing.T, path, text string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	later := fi.ModTime().Add(2 * time.Second)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
}
