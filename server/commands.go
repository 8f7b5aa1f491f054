package server

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
)

// commandArgs is the one argument of every stelp command: a document by
// URI, or code text (with an optional path that picks the config) for
// tools that have no files.
type commandArgs struct {
	URI  protocol.DocumentURI `json:"uri"`
	Text *string              `json:"text"`
	Path string               `json:"path"`
	// Function (stelp.execute): run the file, then call this top-level
	// function; see executeProgram.
	Function string `json:"function"`
	// Stdin and Files (stelp.execute) are the program's input() and its
	// virtual files (when the policy allows files).
	Stdin string            `json:"stdin"`
	Files map[string]string `json:"files"`
	// Apply (stelp.fixAll with a uri): also ask the client to apply the
	// edit (default true).
	Apply *bool `json:"apply"`
}

// source is the code a command works on.
type source struct {
	doc  *document // nil for text and for files not open in the editor
	snap *snapshot
}

type executeCommandParams struct {
	Command       string            `json:"command"`
	Arguments     []json.RawMessage `json:"arguments"`
	WorkDoneToken json.RawMessage   `json:"workDoneToken,omitempty"`
}

func (s *Server) executeCommand(ctx context.Context, raw json.RawMessage) (job, error) {
	var p executeCommandParams
	if err := json.Unmarshal(raw, &p); err != nil {
		return nil, badParams("executeCommand params: %v", err)
	}
	var args commandArgs
	if len(p.Arguments) == 0 {
		return nil, badParams("%s needs one argument: {\"uri\": ...} or {\"text\": ..., \"path\"?: ...}", p.Command)
	}
	if err := json.Unmarshal(p.Arguments[0], &args); err != nil {
		return nil, badParams("%s argument: %v", p.Command, err)
	}
	src, err := s.resolveSource(args)
	if err != nil {
		return nil, err
	}
	token := p.WorkDoneToken
	switch p.Command {
	case cmdCheck:
		return func(ctx context.Context) (any, error) { return s.runCheck(ctx, src) }, nil
	case cmdTranspile:
		return func(ctx context.Context) (any, error) { return s.runTranspile(ctx, src) }, nil
	case cmdExecute:
		return func(ctx context.Context) (any, error) { return s.runExecute(ctx, src, args, token) }, nil
	case cmdFixAll:
		return func(ctx context.Context) (any, error) { return s.runFixAll(ctx, src, args) }, nil
	}
	return nil, badParams("unknown command %q (have %s, %s, %s, %s)", p.Command, cmdCheck, cmdTranspile, cmdExecute, cmdFixAll)
}

// resolveSource runs in the read loop so that a command sees the document
// as of its place among the edits.
func (s *Server) resolveSource(a commandArgs) (source, error) {
	switch {
	case a.Text != nil:
		path := a.Path
		if path != "" && !filepath.IsAbs(path) && s.client.rootPath != "" {
			path = filepath.Join(s.client.rootPath, path)
		}
		text := []byte(*a.Text)
		if len(text) > s.opts.MaxDocumentBytes {
			return source{}, badParams("text of %d bytes is over the %d byte limit", len(text), s.opts.MaxDocumentBytes)
		}
		return source{snap: &snapshot{path: path, version: -1, text: text, lines: newLineIndex(text)}}, nil
	case a.URI != "":
		if d := s.doc(a.URI); d != nil {
			return source{doc: d, snap: d.snapshot()}, nil
		}
		path := uriPath(a.URI)
		if path == "" {
			return source{}, badParams("%s is neither open nor a file: URI", a.URI)
		}
		fi, err := os.Stat(path)
		if err != nil {
			return source{}, badParams("read %s: %v", path, err)
		}
		if fi.Size() > int64(s.opts.MaxDocumentBytes) {
			return source{}, badParams("%s: %d bytes is over the %d byte limit", path, fi.Size(), s.opts.MaxDocumentBytes)
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return source{}, badParams("read %s: %v", path, err)
		}
		return source{snap: &snapshot{uri: a.URI, path: path, version: -1, text: text, lines: newLineIndex(text)}}, nil
	}
	return source{}, badParams("argument needs \"uri\" or \"text\"")
}

func (s *Server) sourceFindings(ctx context.Context, src source) (*checkedVersion, error) {
	if src.doc != nil {
		return s.findingsAt(ctx, src.doc, src.snap)
	}
	c := s.engine.NewChecker()
	defer c.Close()
	cv := s.check(ctx, c, src.snap, nil, true)
	if cv == nil {
		return nil, fmt.Errorf("analysis failed")
	}
	if cv.tooLarge {
		return nil, badParams("source of %d bytes is over the %d byte limit", len(src.snap.text), s.opts.MaxDocumentBytes)
	}
	return cv, nil
}

// --- stelp.check ----------------------------------------------------------

// checkResult is `stelp check --format json` for one file, plus feedback.
type checkResult struct {
	Files    []checkFile  `json:"files"`
	Summary  checkSummary `json:"summary"`
	Feedback string       `json:"feedback"`
}

type checkFile struct {
	Path     string                     `json:"path"`
	Findings []analysis.ContractFinding `json:"findings"`
}

type checkSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

func (s *Server) runCheck(ctx context.Context, src source) (any, error) {
	cv, err := s.sourceFindings(ctx, src)
	if err != nil {
		return nil, err
	}
	res := checkResult{Files: []checkFile{{Path: displayPath(src.snap), Findings: []analysis.ContractFinding{}}}, Summary: checkSummary{Files: 1}}
	findings := cv.withFixes(s.engine) // the contract's fix {title, safe}, as `stelp check` gives
	for _, f := range findings {
		res.Files[0].Findings = append(res.Files[0].Findings, f.Contract(cv.snap.text))
		switch f.Severity {
		case "error":
			res.Summary.Errors++
		case "warning":
			res.Summary.Warnings++
		case "info":
			res.Summary.Infos++
		}
	}
	res.Feedback = s.checkFeedback(cv.snap.lines, findings)
	return res, nil
}

func displayPath(snap *snapshot) string {
	switch {
	case snap.path != "":
		return snap.path
	case snap.uri != "":
		return string(snap.uri)
	}
	return "-"
}

// --- stelp.transpile ------------------------------------------------------

type transpileResult struct {
	Path     string `json:"path"`
	Code     string `json:"code"`
	Error    string `json:"error,omitempty"`
	Feedback string `json:"feedback"`
}

func (s *Server) runTranspile(ctx context.Context, src source) (any, error) {
	pol := s.policyFor(ctx, src.snap.path)
	code, err := s.engine.Transpile(ctx, src.snap.text, pol)
	res := transpileResult{Path: displayPath(src.snap), Code: code}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		res.Error = err.Error()
		res.Feedback = "The code could not be transpiled: " + err.Error()
		return res, nil
	}
	res.Feedback = "This is the program stelp runs: the same lines, with budget and trace calls added and modern syntax lowered."
	return res, nil
}

// --- stelp.execute --------------------------------------------------------

// executeResult is the `stelp run --json` object plus feedback.
type executeResult struct {
	*exec.Result
	Function string         `json:"function,omitempty"`
	Examples []exampleCheck `json:"examples,omitempty"`
	Feedback string         `json:"feedback"`
}

func (s *Server) runExecute(ctx context.Context, src source, args commandArgs, token json.RawMessage) (any, error) {
	prog, fallback, checks, err := executeProgram(src.snap.text, args.Function)
	if err != nil {
		return nil, err
	}
	pol := s.withEditorLimits(s.policyFor(ctx, src.snap.path))
	var res *exec.Result
	err = s.withProgress(ctx, token, "stelp: executing "+displayPath(src.snap), func(ctx context.Context) error {
		var err error
		res, err = s.engine.Execute(ctx, prog, pol, RunInput{Stdin: args.Stdin, Files: args.Files, Trace: true})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("execute: %w", err)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	out := executeResult{Result: res, Function: args.Function}
	if args.Function != "" {
		judgeExamples(checks, res.Trace)
		out.Examples = checks
	}
	var findings []analysis.Finding
	if res.Status == exec.StatusBlocked {
		if cv, err := s.sourceFindings(ctx, src); err == nil {
			findings = cv.findings
		}
	}
	out.Feedback = s.executeFeedback(src.snap.lines, res, findings) + examplesFeedback(checks)
	if src.doc != nil {
		s.showRun(ctx, src.doc, src.snap, res, fallback)
	}
	return out, nil
}

// executeProgram is what "Execute safely" runs. For the file: the file.
// For a top-level function: the file (so its definitions and imports
// exist), then the function's docstring examples (`>>>` lines), or, for a
// function without required parameters and without examples, one call.
// Each example expression is assigned to a variable of its own, so that
// its value comes back in the trace and is compared with the output the
// docstring shows, then printed with repr as doctest would show it. The
// added lines come after the user's last line, so traces and runtime
// problems in the user's code keep their positions; problems on the added
// lines are shown on the def (fallback, 1-based).
func executeProgram(text []byte, function string) (prog []byte, fallback int, checks []exampleCheck, err error) {
	if function == "" {
		return text, 0, nil, nil
	}
	for _, f := range topLevelFunctions(text) {
		if f.name != function {
			continue
		}
		var b strings.Builder
		b.Write(text)
		if len(text) > 0 && text[len(text)-1] != '\n' {
			b.WriteByte('\n')
		}
		line := strings.Count(b.String(), "\n") // lines so far
		examples := f.examples
		if len(examples) == 0 {
			if !f.zeroArgs {
				return nil, 0, nil, badParams("function %s needs arguments and its docstring has no >>> examples to call it with", function)
			}
			examples = []example{{src: f.name + "()"}}
		}
		for i, ex := range examples {
			if isStatement(ex.src) {
				b.WriteString(ex.src + "\n")
				line += strings.Count(ex.src, "\n") + 1
				continue
			}
			name := fmt.Sprintf("_stelp_example_%d", i+1)
			fmt.Fprintf(&b, "%s = %s\nprint(repr(%s))\n", name, ex.src, name)
			checks = append(checks, exampleCheck{Call: ex.src, Want: ex.want, line: line + 1, name: name})
			line += 2
		}
		return []byte(b.String()), f.line + 1, checks, nil
	}
	return nil, 0, nil, badParams("no top-level function %q", function)
}

// exampleCheck is one docstring example's outcome.
type exampleCheck struct {
	Call string `json:"call"`
	Want string `json:"want,omitempty"` // what the docstring shows
	Got  string `json:"got"`            // repr of the value; "" if not reached
	Ran  bool   `json:"ran"`
	OK   bool   `json:"ok"` // ran, and matches Want (or there is no Want)

	line int    // 1-based line of the assignment in the program
	name string // the variable that holds the value
}

// judgeExamples fills the checks from the run's trace.
func judgeExamples(checks []exampleCheck, trace []exec.TraceLine) {
	for i := range checks {
		c := &checks[i]
		for _, t := range trace {
			if t.Line == c.line {
				if v, ok := t.Values[c.name]; ok {
					c.Got, c.Ran = v, true
				}
			}
		}
		c.OK = c.Ran && (c.Want == "" || sameOutput(c.Want, c.Got))
	}
}

// sameOutput compares doctest output loosely: white space runs and the
// quote style of a plain string repr do not matter.
func sameOutput(want, got string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ReplaceAll(s, `"`, "'")), " ") }
	return norm(want) == norm(got)
}

// isStatement tells a doctest line that is a statement (assignment,
// import, compound statement) from an expression whose value to print.
func isStatement(src string) bool {
	if strings.Contains(src, "\n") {
		return true
	}
	first := strings.Fields(src)
	if len(first) == 0 {
		return true
	}
	switch first[0] {
	case "import", "from", "for", "while", "if", "def", "class", "with", "try", "del", "assert", "raise", "pass", "global", "nonlocal":
		return true
	}
	if strings.HasPrefix(src, "print(") {
		return true // printing already; repr(None) would add noise
	}
	// A top-level '=' that is not part of ==, <=, >=, != is an assignment.
	parts := splitTop(src, '=')
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] == "" || parts[i+1] == "" {
			continue // one half of "=="
		}
		prev, next := parts[i][len(parts[i])-1], parts[i+1][0]
		if strings.IndexByte("=<>!", prev) < 0 && next != '=' {
			return true
		}
	}
	return false
}

// showRun puts an execution of a document version into the editor:
// runtime diagnostics, inlay hints (refreshed if the client can), and the
// stelp/trace notification for clients without inlay hints.
func (s *Server) showRun(ctx context.Context, d *document, snap *snapshot, res *exec.Result, fallback int) {
	d.mu.Lock()
	if d.snap != snap {
		// Edited while running: the lines may have moved; the caller has
		// the result, the editor shows nothing stale.
		d.mu.Unlock()
		return
	}
	d.run = &runResult{version: snap.version, result: res, lines: snap.lines, fallbackLine: fallback}
	d.mu.Unlock()
	s.publish(ctx, d)
	s.optMu.Lock()
	notify, off := s.client.traceNotify, s.tracesOff
	s.optMu.Unlock()
	if off {
		return
	}
	if notify {
		trace := res.Trace
		if trace == nil {
			trace = []exec.TraceLine{}
		}
		err := s.notify(ctx, "stelp/trace", map[string]any{
			"uri": d.uri, "version": snap.version, "status": res.Status, "trace": trace,
		})
		if err != nil {
			s.log.Warn("stelp/trace", zap.Error(err))
		}
	}
	if s.client.inlayHints && s.client.inlayRefresh {
		// Not awaited: the command's answer must not depend on the client
		// answering a request of ours first.
		s.goroutine(func() {
			if err := s.callClient(s.ctx, "workspace/inlayHint/refresh", nil, nil); err != nil {
				s.log.Info("inlay hint refresh", zap.Error(err))
			}
		})
	}
}

// --- stelp.fixAll ---------------------------------------------------------

type fixAllResult struct {
	Path      string                     `json:"path"`
	Text      string                     `json:"text"`
	Applied   []analysis.ContractFinding `json:"applied"`
	Remaining []analysis.ContractFinding `json:"remaining"`
	Edit      any                        `json:"edit,omitempty"`
	Feedback  string                     `json:"feedback"`
}

func (s *Server) runFixAll(ctx context.Context, src source, args commandArgs) (any, error) {
	cv, err := s.sourceFindings(ctx, src)
	if err != nil {
		return nil, err
	}
	withFixes := cv.withFixes(s.engine)
	edits, applied, _ := safeFixes(src.snap.lines, withFixes)
	fixed := applyEdits(src.snap.text, edits)
	res := fixAllResult{Path: displayPath(src.snap), Text: string(fixed), Applied: []analysis.ContractFinding{}, Remaining: []analysis.ContractFinding{}}
	for _, i := range applied {
		res.Applied = append(res.Applied, withFixes[i].Contract(src.snap.text))
	}
	// Re-check the result: what is left is what the caller must still fix.
	after := source{snap: &snapshot{path: src.snap.path, version: -1, text: fixed, lines: newLineIndex(fixed)}}
	acv, err := s.sourceFindings(ctx, after)
	if err != nil {
		return nil, err
	}
	for _, f := range acv.findings {
		res.Remaining = append(res.Remaining, f.Contract(fixed))
	}
	res.Feedback = s.fixAllFeedback(acv.snap.lines, len(applied), acv.findings)
	if src.doc != nil && len(edits) > 0 {
		we := workspaceEdit(src.snap, lspEdits(src.snap.lines, edits))
		res.Edit = we
		if (args.Apply == nil || *args.Apply) && s.client.applyEdit {
			// Not awaited, as above; the edit is versioned, so a client
			// that has moved on rejects it.
			s.goroutine(func() {
				if err := s.callClient(s.ctx, "workspace/applyEdit", map[string]any{"label": "stelp: fix all", "edit": we}, nil); err != nil {
					s.log.Info("applyEdit", zap.Error(err))
				}
			})
		}
	}
	return res, nil
}
