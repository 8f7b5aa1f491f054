package server

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

type codeAction struct {
	Title       string                `json:"title"`
	Kind        string                `json:"kind"`
	IsPreferred bool                  `json:"isPreferred"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
	Edit        struct {
		DocumentChanges []struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version int32  `json:"version"`
			} `json:"textDocument"`
			Edits []protocol.TextEdit `json:"edits"`
		} `json:"documentChanges"`
	} `json:"edit"`
}

func (ed *editor) codeActions(uri string, line int, only ...string) []codeAction {
	ed.t.Helper()
	var out []codeAction
	ctx := map[string]any{"diagnostics": []any{}}
	if len(only) > 0 {
		ctx["only"] = only
	}
	ed.mustCall("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        map[string]any{"start": map[string]any{"line": line, "character": 0}, "end": map[string]any{"line": line, "character": 0}},
		"context":      ctx,
	}, &out)
	return out
}

// applyTo applies an action's edits to text (as a client would).
func applyTo(t testing.TB, text string, a codeAction) string {
	t.Helper()
	if len(a.Edit.DocumentChanges) != 1 {
		t.Fatalf("action %q has %d document changes", a.Title, len(a.Edit.DocumentChanges))
	}
	ix := newLineIndex([]byte(text))
	var edits []byteEdit
	for _, e := range a.Edit.DocumentChanges[0].Edits {
		edits = append(edits, byteEdit{start: ix.offset(e.Range.Start), end: ix.offset(e.Range.End), text: e.NewText})
	}
	return string(applyEdits([]byte(text), edits))
}

func TestCodeActions(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	text := "import hashlib\n" +
		"h = hashlib.md5(b'x')  # why\n" +
		"y = foo(1,\n" +
		"        eval(s))\n" +
		"z = eval(t)  # stelp: ignore[SP999] reason\n"
	ed.open(docURI, text)
	ed.diagnostics(docURI, 1)

	// Line 1: the safe md5 fix, preferred, and a suppression appended after
	// the existing comment.
	acts := ed.codeActions(docURI, 1)
	if len(acts) != 3 || acts[2].Kind != "source.fixAll.stelp" {
		t.Fatalf("line 1 actions: %+v", acts)
	}
	if acts[0].Title != "Use sha256" || !acts[0].IsPreferred || acts[0].Kind != "quickfix" || acts[0].Edit.DocumentChanges[0].TextDocument.Version != 1 {
		t.Errorf("safe fix: %+v", acts[0])
	}
	if got := applyTo(t, text, acts[0]); !strings.Contains(got, "h = hashlib.sha256(b'x')") {
		t.Errorf("safe fix applied:\n%s", got)
	}
	if got := applyTo(t, text, acts[1]); !strings.Contains(got, "h = hashlib.md5(b'x')  # why  # stelp: ignore[SP601] "+suppressReason+"\n") {
		t.Errorf("suppression applied:\n%s", got)
	}

	// Line 3: the unsafe eval fix is labelled and not preferred; the
	// suppression goes on the statement's first line (line 2).
	acts = ed.codeActions(docURI, 3, "quickfix")
	if len(acts) != 2 || !strings.Contains(acts[0].Title, "(unsafe") || acts[0].IsPreferred {
		t.Fatalf("line 3 actions: %+v", acts)
	}
	if got := applyTo(t, text, acts[1]); !strings.Contains(got, "y = foo(1,  # stelp: ignore[SP101] "+suppressReason+"\n        eval(s))") {
		t.Errorf("multi-line suppression:\n%s", got)
	}
	if len(acts[0].Diagnostics) != 1 || acts[0].Diagnostics[0].Code != "SP101" {
		t.Errorf("fix diagnostics: %+v", acts[0].Diagnostics)
	}

	// Line 4 already has a suppression: the rule joins its list.
	acts = ed.codeActions(docURI, 4, "quickfix")
	if got := applyTo(t, text, acts[len(acts)-1]); !strings.Contains(got, "# stelp: ignore[SP999,SP101] reason") {
		t.Errorf("merged suppression:\n%s", got)
	}

	// only=quickfix leaves out fix-all; only=source.fixAll gives just it,
	// with the safe fixes only.
	for _, a := range ed.codeActions(docURI, 1, "quickfix") {
		if a.Kind != "quickfix" {
			t.Errorf("only=quickfix returned %q", a.Kind)
		}
	}
	acts = ed.codeActions(docURI, 0, "source.fixAll")
	if len(acts) != 1 || acts[0].Kind != "source.fixAll.stelp" {
		t.Fatalf("fixAll: %+v", acts)
	}
	got := applyTo(t, text, acts[0])
	if !strings.Contains(got, "hashlib.sha256") || strings.Contains(got, "literal_eval") {
		t.Errorf("fixAll must apply safe fixes only:\n%s", got)
	}
}

func TestCodeActionRightAfterEdit(t *testing.T) {
	// Inside the debounce the document goroutine has not analysed the new
	// version yet; the code action still answers for exactly that version.
	ed := newEditor(t, &fakeEngine{}, Options{Debounce: time.Hour}, nil)
	ed.open(docURI, "x = 1\n")
	v := ed.edit(docURI, 0, 4, 0, 5, "eval(s)")
	acts := ed.codeActions(docURI, 0, "quickfix")
	if len(acts) != 2 || acts[0].Edit.DocumentChanges[0].TextDocument.Version != v {
		t.Fatalf("actions for version %d: %+v", v, acts)
	}
}

func TestSafeFixesDoNotOverlap(t *testing.T) {
	ix := newLineIndex([]byte("abcdef\n"))
	mk := func(rule string, s, e int, txt string) analysisFinding {
		return finding(rule, 0, s, 0, e, &fixSpec{safe: true, text: txt})
	}
	fs := []analysisFinding{mk("SP2", 2, 4, "X"), mk("SP1", 0, 3, "Y"), mk("SP3", 4, 6, "Z"), mk("SP0", 2, 4, "W")}
	edits, applied, skipped := safeFixes(ix, fs)
	// Source order: SP1 (0-3) first; SP0/SP2 (2-4) overlap it; SP3 (4-6) fits.
	if len(applied) != 2 || applied[0] != 1 || applied[1] != 2 || len(skipped) != 2 {
		t.Fatalf("applied %v skipped %v", applied, skipped)
	}
	if got := string(applyEdits([]byte("abcdef\n"), edits)); got != "YdZ\n" {
		t.Errorf("result %q", got)
	}
}

func TestCodeLenses(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	text := "import math\n\n" +
		"def add(a, b):\n" +
		"    \"\"\"Add.\n" +
		"    >>> add(1, 2)\n" +
		"    3\n" +
		"    >>> r = add(2,\n" +
		"    ... 3)\n" +
		"    \"\"\"\n" +
		"    return a + b\n\n" +
		"def main(n=3, *rest, **kw):\n" +
		"    return n\n\n" +
		"def needs(x):\n" +
		"    return x\n" +
		"class C:\n" +
		"    def method(self):\n" +
		"        pass\n"
	ed.open(docURI, text)
	var lenses []protocol.CodeLens
	ed.mustCall("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": docURI}}, &lenses)
	var titles []string
	for _, l := range lenses {
		titles = append(titles, l.Command.Title)
	}
	want := "▶ Execute safely|Show transpiled code|▶ Execute safely: add (2 examples)|▶ Execute safely: main()"
	if strings.Join(titles, "|") != want {
		t.Fatalf("lenses: %q", titles)
	}
	if lenses[2].Range.Start.Line != 2 || lenses[2].Range.Start.Character != 4 || lenses[3].Range.Start.Line != 11 {
		t.Errorf("lens ranges: %+v %+v", lenses[2].Range, lenses[3].Range)
	}
	args, _ := json.Marshal(lenses[2].Command.Arguments)
	if string(args) != `[{"function":"add","uri":"`+docURI+`"}]` {
		t.Errorf("lens arguments: %s", args)
	}
	prog, fallback, checks, err := executeProgram([]byte(text), "add")
	if err != nil || fallback != 3 || !strings.HasSuffix(string(prog), "\n_stelp_example_1 = add(1, 2)\nprint(repr(_stelp_example_1))\nr = add(2,\n3)\n") {
		t.Errorf("function program (fallback %d, %v):\n%s", fallback, err, prog)
	}
	// The example's value is on the first added line; the docstring says 3.
	if len(checks) != 1 || checks[0].line != strings.Count(text, "\n")+1 || checks[0].Want != "3" || checks[0].Call != "add(1, 2)" {
		t.Errorf("checks: %+v", checks)
	}
	if prog, _, _, _ := executeProgram([]byte(text), "main"); !strings.HasSuffix(string(prog), "_stelp_example_1 = main()\nprint(repr(_stelp_example_1))\n") {
		t.Errorf("zero-argument program:\n%s", prog)
	}
	if _, _, _, err := executeProgram([]byte(text), "needs"); err == nil {
		t.Error("a function that needs arguments and has no examples cannot be run")
	}
}

func TestCommandsWithText(t *testing.T) {
	eng := &fakeEngine{}
	ed := newEditor(t, eng, Options{}, nil)
	var check struct {
		Files []struct {
			Path     string                     `json:"path"`
			Findings []analysis.ContractFinding `json:"findings"`
		} `json:"files"`
		Summary  checkSummary `json:"summary"`
		Feedback string       `json:"feedback"`
	}
	if err := ed.command("stelp.check", map[string]any{"text": "import hashlib\nx = eval(input())\n"}, &check); err != nil {
		t.Fatal(err)
	}
	f := check.Files[0].Findings
	if check.Files[0].Path != "-" || len(f) != 1 || f[0].Rule != "SP101" || f[0].Line != 2 || f[0].Column != 5 || f[0].Fix == nil || f[0].Fix.Safe {
		t.Errorf("check: %+v", check)
	}
	if check.Summary != (checkSummary{Files: 1, Errors: 1}) {
		t.Errorf("summary: %+v", check.Summary)
	}
	wantFB := "1 problem found (1 blocking execution):\nLine 2 (`x = eval(input())`): eval() runs arbitrary code; use ast.literal_eval for literals or parse the input explicitly. (Available fix, changes behaviour: Use ast.literal_eval.)"
	if check.Feedback != wantFB {
		t.Errorf("feedback:\n%s\nwant\n%s", check.Feedback, wantFB)
	}

	var tr transpileResult
	if err := ed.command("stelp.transpile", map[string]any{"text": "x = 1\n", "path": "sub/a.py"}, &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Code != "__stelp_tick__()\nx = 1\n" || tr.Path != "/sub/a.py" {
		t.Errorf("transpile: %+v", tr)
	}
	if err := ed.command("stelp.transpile", map[string]any{"text": "def (:\n"}, &tr); err != nil || tr.Error == "" || !strings.Contains(tr.Feedback, "invalid syntax") {
		t.Errorf("transpile error: %+v %v", tr, err)
	}

	var run map[string]any
	if err := ed.command("stelp.execute", map[string]any{"text": "x = 41\nprint(hi)\n", "stdin": "in"}, &run); err != nil {
		t.Fatal(err)
	}
	if run["status"] != "ok" || run["stdout"] != "hi\n" || run["feedback"] != "The program ran to completion." {
		t.Errorf("execute: %v", run)
	}
	if tr, _ := json.Marshal(run["trace"]); string(tr) != `[{"count":1,"line":1,"values":{"x":"41"}}]` {
		t.Errorf("trace: %s", tr)
	}
	if eng.lastInput.Stdin != "in" || !eng.lastInput.Trace {
		t.Errorf("run input: %+v", eng.lastInput)
	}
	for _, c := range []struct{ text, status, feedback string }{
		{"x = eval(s)\n", "blocked", "Not run: the code uses constructs that are not allowed.\nLine 1 (`x = eval(s)`): eval() runs arbitrary code; use ast.literal_eval"},
		{"import os\n", "violation", "A runtime guard stopped the program at line 1 (`import os`): import of module os (import access is not allowed here)."},
		{"x = 1\nraise ValueError(\"bad x\")\n", "error", "The program raised ValueError at line 2 (`raise ValueError(\"bad x\")`): bad x. Last values: x = 1 (line 1)."},
	} {
		run = nil
		if err := ed.command("stelp.execute", map[string]any{"text": c.text}, &run); err != nil {
			t.Fatal(err)
		}
		if run["status"] != c.status || !strings.HasPrefix(run["feedback"].(string), c.feedback) {
			t.Errorf("execute %q: status %v feedback %q", c.text, run["status"], run["feedback"])
		}
	}

	var fix fixAllResult
	if err := ed.command("stelp.fixAll", map[string]any{"text": "import hashlib\nh = hashlib.md5(b'')\nx = eval(s)\n"}, &fix); err != nil {
		t.Fatal(err)
	}
	if fix.Text != "import hashlib\nh = hashlib.sha256(b'')\nx = eval(s)\n" || len(fix.Applied) != 1 || len(fix.Remaining) != 1 || fix.Edit != nil {
		t.Errorf("fixAll: %+v", fix)
	}
	if !strings.HasPrefix(fix.Feedback, "Applied 1 safe fix. 1 problem remains, to fix by hand:\nLine 3 (`x = eval(s)`): eval()") {
		t.Errorf("fixAll feedback: %q", fix.Feedback)
	}
	if err := ed.command("stelp.check", map[string]any{}, nil); rpcCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("no uri/text: %v", err)
	}
}

func TestCommandsWithURI(t *testing.T) {
	// A client with inlay hints and refresh support, and applyEdit.
	ed := newEditor(t, &fakeEngine{}, Options{}, map[string]any{
		"textDocument": map[string]any{"inlayHint": map[string]any{}},
		"workspace":    map[string]any{"inlayHint": map[string]any{"refreshSupport": true}, "applyEdit": true},
	})
	text := "total = 0  # x1\ni = 3  # x4\nimport os\n"
	ed.open(docURI, text)
	ed.diagnostics(docURI, 1)

	var check checkResult
	ed.mustCall("workspace/executeCommand", map[string]any{"command": "stelp.check", "arguments": []any{map[string]any{"uri": docURI}}}, &check)
	if check.Files[0].Path != "/stelp-test-no-such-dir/a.py" || check.Feedback != "No problems found." {
		t.Errorf("check by uri: %+v", check)
	}

	// The open document's current text is what is transpiled, not disk.
	var tr transpileResult
	if err := ed.command("stelp.transpile", map[string]any{"uri": docURI}, &tr); err != nil || tr.Code != "__stelp_tick__()\n"+text {
		t.Errorf("transpile by uri: %+v %v", tr, err)
	}

	var run map[string]any
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI}, &run); err != nil {
		t.Fatal(err)
	}
	if run["status"] != "violation" {
		t.Fatalf("execute: %v", run)
	}
	// The violation is a stelp-run diagnostic on line 3, next to the
	// (empty) static ones.
	diags := ed.diagnostics(docURI, 1)
	ed.waitNote("run diagnostics", func(n note) bool {
		var p publishParams
		if n.method != "textDocument/publishDiagnostics" || json.Unmarshal(n.params, &p) != nil || len(p.Diagnostics) != 1 {
			return false
		}
		diags = p.Diagnostics
		return true
	})
	if d := diags[0]; d.Source != "stelp-run" || d.Range.Start.Line != 2 || d.Code != "violation:import" {
		t.Errorf("run diagnostic: %+v", d)
	}
	// The client was asked to refresh its inlay hints; no stelp/trace for
	// a client that has inlay hints.
	if len(ed.waitRequest("workspace/inlayHint/refresh", 1)) != 1 || len(ed.notesFor("stelp/trace")) != 0 {
		t.Errorf("refresh requests %d, trace notes %d", len(ed.requestsFor("workspace/inlayHint/refresh")), len(ed.notesFor("stelp/trace")))
	}

	// Inlay hints at the line ends, in UTF-16.
	var hints []InlayHint
	ed.mustCall("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": docURI},
		"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 9, "character": 0}}}, &hints)
	if len(hints) != 2 || hints[0].Label != "total = 0" || hints[0].Position != (protocol.Position{Line: 0, Character: 15}) ||
		hints[1].Label != "i = 3 · 4×" || hints[1].Position.Line != 1 {
		t.Fatalf("hints: %+v", hints)
	}
	// After an edit the hints and run diagnostics of the old version go.
	v := ed.edit(docURI, 2, 0, 3, 0, "")
	if d := ed.diagnostics(docURI, v); len(d) != 0 {
		t.Errorf("run diagnostics survived an edit: %+v", d)
	}
	hints = nil
	ed.mustCall("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": docURI},
		"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 9, "character": 0}}}, &hints)
	if len(hints) != 0 {
		t.Errorf("stale hints: %+v", hints)
	}

	// fixAll by uri applies the edit through workspace/applyEdit.
	v = ed.replaceAll(docURI, "import hashlib\nh = hashlib.md5(b'')\n")
	ed.diagnostics(docURI, v)
	var fix fixAllResult
	if err := ed.command("stelp.fixAll", map[string]any{"uri": docURI}, &fix); err != nil {
		t.Fatal(err)
	}
	if applied := ed.waitRequest("workspace/applyEdit", 1); fix.Edit == nil || len(applied) != 1 || !strings.Contains(string(applied[0].params), `"newText":"sha256"`) {
		t.Errorf("fixAll by uri: %+v, applyEdit %v", fix, ed.requestsFor("workspace/applyEdit"))
	}

	// A file that is not open is read from disk; a missing one is an error.
	if err := ed.command("stelp.check", map[string]any{"uri": "file:///nonexistent/x.py"}, nil); rpcCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("missing file: %v", err)
	}
}

func TestTraceNotificationWithoutInlayHints(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil) // Neovim 0.7: no inlayHint capability
	ed.open(docURI, "a = 1\n")
	ed.diagnostics(docURI, 1)
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI}, nil); err != nil {
		t.Fatal(err)
	}
	n := ed.waitNote("stelp/trace", func(n note) bool { return n.method == "stelp/trace" })
	if string(n.params) != `{"status":"ok","trace":[{"line":1,"count":1,"values":{"a":"1"}}],"uri":"`+docURI+`","version":1}` {
		t.Errorf("stelp/trace: %s", n.params)
	}
	if len(ed.requestsFor("workspace/inlayHint/refresh")) != 0 {
		t.Error("refresh sent to a client without inlay hints")
	}
}

func TestFunctionLensExecution(t *testing.T) {
	eng := &fakeEngine{}
	ed := newEditor(t, eng, Options{}, nil)
	text := "def f():\n    return 1\n"
	ed.open(docURI, text)
	ed.diagnostics(docURI, 1)
	var run map[string]any
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI, "function": "f"}, &run); err != nil {
		t.Fatal(err)
	}
	if run["function"] != "f" || eng.lastProg != text+"_stelp_example_1 = f()\nprint(repr(_stelp_example_1))\n" {
		t.Errorf("ran %q: %v", eng.lastProg, run)
	}
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI, "function": "g"}, nil); rpcCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("unknown function: %v", err)
	}
}

func TestExecuteDoesNotBlockEdits(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	ed.open(docURI, "x = 1\n")
	ed.diagnostics(docURI, 1)
	done := make(chan error, 1)
	go func() { done <- ed.command("stelp.execute", map[string]any{"text": "# sleep 3000\n"}, nil) }()
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	v := ed.edit(docURI, 0, 4, 0, 5, "eval(s)")
	if d := ed.diagnostics(docURI, v); len(d) != 1 {
		t.Fatalf("diagnostics during a run: %+v", d)
	}
	var lenses []protocol.CodeLens
	ed.mustCall("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": docURI}}, &lenses)
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("edit and lens took %v while a run was going", el)
	}
	select {
	case <-done:
		t.Error("the slow run finished early")
	default:
	}
}

func TestCancelRequest(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	// jsonrpc2 ids are numbers; the first call after initialize is id 2.
	start := time.Now()
	errc := make(chan error, 1)
	go func() { errc <- ed.command("stelp.execute", map[string]any{"text": "# sleep 10000\n"}, nil) }()
	time.Sleep(50 * time.Millisecond)
	ed.notify("$/cancelRequest", map[string]any{"id": 2})
	select {
	case err := <-errc:
		if rpcCode(err) != -32800 {
			t.Fatalf("cancelled request: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("numeric cancel did not cancel")
	}
	if time.Since(start) > 5*time.Second {
		t.Error("cancel too slow")
	}

	// String ids, through the raw client.
	_, c := newRawPair(t, &fakeEngine{})
	c.request(1, "initialize", `{"capabilities":{}}`)
	c.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	c.send(`{"jsonrpc":"2.0","id":"run-1","method":"workspace/executeCommand","params":{"command":"stelp.execute","arguments":[{"text":"# sleep 10000\n"}]}}`)
	time.Sleep(50 * time.Millisecond)
	c.send(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"run-1"}}`)
	if r := c.readResponse(`"run-1"`); !strings.Contains(string(r), `"code":-32800`) {
		t.Fatalf("string-id cancel: %s", r)
	}
}

func TestProgressForSlowRuns(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{ProgressDelay: 50 * time.Millisecond}, map[string]any{
		"window": map[string]any{"workDoneProgress": true}})
	// Fast run: no progress at all.
	if err := ed.command("stelp.execute", map[string]any{"text": "x = 1\n"}, nil); err != nil {
		t.Fatal(err)
	}
	if len(ed.requestsFor("window/workDoneProgress/create")) != 0 {
		t.Error("progress created for a fast run")
	}
	if err := ed.command("stelp.execute", map[string]any{"text": "# sleep 300\n"}, nil); err != nil {
		t.Fatal(err)
	}
	creates := ed.requestsFor("window/workDoneProgress/create")
	if len(creates) != 1 {
		t.Fatalf("create requests: %v", creates)
	}
	var kinds []string
	for _, n := range ed.notesFor("$/progress") {
		var p struct {
			Token string `json:"token"`
			Value struct {
				Kind string `json:"kind"`
			} `json:"value"`
		}
		json.Unmarshal(n.params, &p)
		if !strings.Contains(string(creates[0].params), p.Token) {
			t.Errorf("progress token %q not the created one %s", p.Token, creates[0].params)
		}
		kinds = append(kinds, p.Value.Kind)
	}
	if strings.Join(kinds, ",") != "begin,end" {
		t.Errorf("progress kinds: %v", kinds)
	}

	// A client-provided workDoneToken is used directly, and cancelling the
	// progress cancels the run.
	errc := make(chan error, 1)
	go func() {
		errc <- ed.call("workspace/executeCommand", map[string]any{"command": "stelp.execute", "workDoneToken": "tok-9",
			"arguments": []any{map[string]any{"text": "# sleep 10000\n"}}}, nil)
	}()
	ed.waitNote("begin under the client token", func(n note) bool {
		return n.method == "$/progress" && strings.Contains(string(n.params), `"tok-9"`)
	})
	ed.notify("window/workDoneProgress/cancel", map[string]any{"token": "tok-9"})
	select {
	case err := <-errc:
		if err == nil {
			t.Error("cancelled run succeeded")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("progress cancel did not stop the run")
	}
	if len(ed.requestsFor("window/workDoneProgress/create")) != 1 {
		t.Error("created a token although the client gave one")
	}
}

func TestPanicBecomesErrorResponse(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{}, nil)
	err := ed.command("stelp.execute", map[string]any{"text": "# panic-exec\n"}, nil)
	if rpcCode(err) != jsonrpc2.InternalError || !strings.Contains(err.Error(), "fake executor exploded") {
		t.Fatalf("panic: %v", err)
	}
	var run map[string]any
	if err := ed.command("stelp.execute", map[string]any{"text": "x = 1\n"}, &run); err != nil || run["status"] != "ok" {
		t.Fatalf("after panic: %v %v", run, err)
	}
}

type analysisFinding = analysis.Finding

type fixSpec struct {
	safe bool
	text string
}

func finding(rule string, sl, sc, el, ec int, fx *fixSpec) analysis.Finding {
	r := analysis.Range{Start: analysis.Position{Line: sl, Column: sc}, End: analysis.Position{Line: el, Column: ec}}
	f := analysis.Finding{Rule: rule, Severity: "warning", Range: r}
	if fx != nil {
		app := analysis.FixUnsafe
		if fx.safe {
			app = analysis.FixSafe
		}
		f.Fix = &analysis.Fix{Title: "fix " + rule, Applicability: app, Edits: []analysis.TextEdit{{Range: r, NewText: fx.text}}}
	}
	return f
}

func TestClientThatNeverAnswersDoesNotHoldRuns(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{ProgressDelay: 20 * time.Millisecond}, map[string]any{
		"textDocument": map[string]any{"inlayHint": map[string]any{}},
		"window":       map[string]any{"workDoneProgress": true},
		"workspace":    map[string]any{"inlayHint": map[string]any{"refreshSupport": true}, "applyEdit": true},
	})
	for _, m := range []string{"workspace/inlayHint/refresh", "window/workDoneProgress/create", "workspace/applyEdit"} {
		ed.stall[m] = true
	}
	ed.open(docURI, "# sleep 100\nimport hashlib\nh = hashlib.md5(b'')\n")
	ed.diagnostics(docURI, 1)
	start := time.Now()
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI}, nil); err != nil {
		t.Fatal(err)
	}
	if err := ed.command("stelp.fixAll", map[string]any{"uri": docURI}, nil); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 4*time.Second {
		t.Errorf("unanswered client requests held the commands for %v", el)
	}
	if len(ed.waitRequest("workspace/applyEdit", 1)) != 1 || len(ed.waitRequest("workspace/inlayHint/refresh", 1)) != 1 {
		t.Error("the client requests were not sent")
	}
}

func TestEditorSettings(t *testing.T) {
	eng := &fakeEngine{}
	sc, cc := newRawPair(t, eng)
	_ = sc
	cc.request(1, "initialize", `{"capabilities":{},"initializationOptions":{"limits":{"time":"2s","memory":"256MB","steps":500},"traces":false}}`)
	cc.send(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	limits := func(id int) policy.Limits {
		t.Helper()
		r := cc.request(id, "workspace/executeCommand", `{"command":"stelp.execute","arguments":[{"text":"x = 1\n"}]}`)
		if !strings.Contains(string(r), `"status":"ok"`) {
			t.Fatalf("execute: %s", r)
		}
		eng.mu.Lock()
		defer eng.mu.Unlock()
		return eng.lastPol.Limits
	}
	if l := limits(2); l.Time != 2*time.Second || l.MemoryMB != 256 || l.Steps != 500 || l.Recursion != policy.DefaultLimits().Recursion {
		t.Errorf("initializationOptions limits: %+v", l)
	}
	// Traces off: a document run sends no stelp/trace (this client has no
	// inlay hints, so it would otherwise get one).
	cc.send(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///t/a.py","languageId":"python","version":1,"text":"a = 1\n"}}}`)
	cc.send(`{"jsonrpc":"2.0","id":3,"method":"workspace/executeCommand","params":{"command":"stelp.execute","arguments":[{"uri":"file:///t/a.py"}]}}`)
	for {
		msg := string(cc.read())
		if strings.Contains(msg, "stelp/trace") {
			t.Fatal("stelp/trace sent with traces off")
		}
		if strings.Contains(msg, `"id":3`) {
			break
		}
	}
	// VS Code's shape of a settings change; the new limits replace the old.
	cc.send(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"stelp":{"limits":{"time":"3s"},"traces":true}}}}`)
	if l := limits(4); l.Time != 3*time.Second || l.Steps != policy.DefaultLimits().Steps {
		t.Errorf("after didChangeConfiguration: %+v", l)
	}
	// A bad value is refused and the previous settings stay.
	cc.send(`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"limits":{"memory":"lots"}}}}`)
	if l := limits(5); l.Time != 3*time.Second {
		t.Errorf("after a bad setting: %+v", l)
	}
}

func TestHoverExplainsTheRule(t *testing.T) {
	ed := newEditor(t, &fakeEngine{}, Options{DocsURL: "https://d/rules.md"}, nil)
	ed.open(docURI, "x = 1\ny = eval(s)\n")
	ed.diagnostics(docURI, 1)
	hover := func(line, char int) map[string]any {
		var h map[string]any
		ed.mustCall("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": docURI},
			"position": map[string]any{"line": line, "character": char}}, &h)
		return h
	}
	h := hover(1, 6)
	value, _ := h["contents"].(map[string]any)["value"].(string)
	for _, want := range []string{"**SP101 eval-call**: eval() runs arbitrary code", "eval() runs whatever string reaches it.",
		"Flagged:\n```python\nx = eval(s)\n```", "Not flagged:\n```python\nx = ast.literal_eval(s)\n```", "(https://d/rules.md#sp101)"} {
		if !strings.Contains(value, want) {
			t.Errorf("hover lacks %q:\n%s", want, value)
		}
	}
	if h := hover(0, 2); h != nil {
		t.Errorf("hover on clean code: %v", h)
	}
}
