package server

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/internal/cputime"
	"github.com/stelp-dev/stelp/policy"
)

var update = flag.Bool("update", false, "rewrite testdata/lsp transcripts")

func TestMain(m *testing.M) {
	exec.MaybeRunWorker() // the pool re-executes this test binary as its workers
	os.Exit(m.Run())
}

var (
	poolOnce sync.Once
	pool     *exec.Pool
	poolErr  error
)

// realEngine is the production engine on a warm pool shared by the tests.
func realEngine(tb testing.TB) *PipelineEngine {
	tb.Helper()
	poolOnce.Do(func() { pool, poolErr = exec.NewPool(context.Background(), exec.PoolOptions{Size: 1}) })
	if poolErr != nil {
		tb.Fatalf("worker pool: %v", poolErr)
	}
	return &PipelineEngine{Runner: pool, Loader: &policy.Loader{Rules: func(id string) (string, bool) {
		if r := analysis.RuleByID(id); r != nil {
			return r.ID, true
		}
		return "", false
	}}}
}

func TestRealEngineDiagnosticsAndFixes(t *testing.T) {
	ed := newEditor(t, realEngine(t), Options{}, nil)
	ed.open(docURI, "s = input()\nx = eval(s)\n")
	diags := ed.diagnostics(docURI, 1)
	var eval *struct{ line, char uint32 }
	for _, d := range diags {
		if d.Code == "SP101" {
			eval = &struct{ line, char uint32 }{d.Range.Start.Line, d.Range.Start.Character}
			if d.CodeDescription == nil || !strings.HasSuffix(string(d.CodeDescription.Href), "rules.md#sp101") {
				t.Errorf("codeDescription: %+v", d.CodeDescription)
			}
		}
	}
	if eval == nil || eval.line != 1 || eval.char != 4 {
		t.Fatalf("no SP101 at 1:4 in %+v", diags)
	}
	// Edits go through the incremental parse; the finding follows the text.
	v := ed.edit(docURI, 1, 0, 1, 0, "y = 2; ")
	found := false
	for _, d := range ed.diagnostics(docURI, v) {
		if d.Code == "SP101" && d.Range.Start.Character == 11 {
			found = true
		}
	}
	if !found {
		t.Fatal("SP101 did not move with the edit")
	}
	// Suppression round trip: the inserted comment really suppresses.
	acts := ed.codeActions(docURI, 1, "quickfix")
	var sup *codeAction
	for i := range acts {
		if strings.HasPrefix(acts[i].Title, "Suppress SP101") {
			sup = &acts[i]
		}
	}
	if sup == nil {
		t.Fatalf("no suppression action in %+v", acts)
	}
	snap := ed.server.doc(docURI).snapshot()
	fixed := applyTo(t, string(snap.text), *sup)
	v = ed.replaceAll(docURI, fixed)
	for _, d := range ed.diagnostics(docURI, v) {
		if d.Code == "SP101" {
			t.Errorf("suppressed finding still reported: %+v\n%s", d, fixed)
		}
	}
}

func TestRealFunctionLensChecksDocstringExamples(t *testing.T) {
	ed := newEditor(t, realEngine(t), Options{}, nil)
	text := "def double(x):\n" +
		"    \"\"\"Twice x.\n" +
		"    >>> double(2)\n" +
		"    4\n" +
		"    >>> double('ab')\n" +
		"    'abab'\n" +
		"    >>> double(5)\n" +
		"    11\n" +
		"    \"\"\"\n" +
		"    y = x + x\n" +
		"    return y\n"
	ed.open(docURI, text)
	ed.diagnostics(docURI, 1)
	var res executeResult
	if err := ed.command("stelp.execute", map[string]any{"uri": docURI, "function": "double"}, &res); err != nil {
		t.Fatal(err)
	}
	if res.Status != exec.StatusOK || res.Stdout != "4\n'abab'\n10\n" {
		t.Fatalf("run: %+v", res.Result)
	}
	if len(res.Examples) != 3 || !res.Examples[0].OK || !res.Examples[1].OK || res.Examples[2].OK || res.Examples[2].Got != "10" {
		t.Errorf("examples: %+v", res.Examples)
	}
	if !strings.HasSuffix(res.Feedback, " 1 of 3 docstring examples failed: double(5) gave 10, the docstring expects 11.") {
		t.Errorf("feedback: %q", res.Feedback)
	}
}

func TestRealConfigPerFileAndErrors(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	cfg := filepath.Join(dir, ".stelp.yaml")
	// Same folder, different overrides: policies are per file.
	os.WriteFile(cfg, []byte("rules:\n  SP101: warning\npaths:\n  \"test_*.py\":\n    rules: {SP101: off}\n"), 0o644)
	main, test := string(pathURI(filepath.Join(dir, "a.py"))), string(pathURI(filepath.Join(dir, "test_a.py")))
	ed := newEditor(t, realEngine(t), Options{}, nil)
	ed.open(main, "x = eval(s)\n")
	ed.open(test, "x = eval(s)\n")
	if d := ed.diagnostics(main, 1); len(d) != 1 || d[0].Severity != 2 {
		t.Errorf("a.py: SP101 as a warning expected: %+v", d)
	}
	if d := ed.diagnostics(test, 1); len(d) != 0 {
		t.Errorf("test_a.py: SP101 off by paths: %+v", d)
	}
	// A typo in the config: a positioned error on the config file.
	writeLater(t, cfg, "rules:\n  SP101: warnin\n")
	ed.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": string(pathURI(cfg)), "type": 2}}})
	n := ed.waitNote("config error", func(n note) bool {
		var p publishParams
		return n.method == "textDocument/publishDiagnostics" && json.Unmarshal(n.params, &p) == nil &&
			p.URI == string(pathURI(cfg)) && len(p.Diagnostics) > 0
	})
	var p publishParams
	json.Unmarshal(n.params, &p)
	if p.Diagnostics[0].Range.Start.Line != 1 || !strings.Contains(p.Diagnostics[0].Message, "SP101") {
		t.Errorf("config diagnostic: %+v", p.Diagnostics)
	}
}

// transcript records the JSON-RPC messages between a client and a server.
type transcript struct {
	mu    sync.Mutex
	lines []string
}

type recordingConn struct {
	net.Conn
	t   *transcript
	buf []byte
	dir string
}

func (c *recordingConn) Write(p []byte) (int, error) {
	c.t.record(c.dir, &c.buf, p)
	return c.Conn.Write(p)
}

// record splits the byte stream into messages and keeps their bodies.
func (t *transcript) record(dir string, buf *[]byte, p []byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	*buf = append(*buf, p...)
	for {
		i := strings.Index(string(*buf), "\r\n\r\n")
		if i < 0 {
			return
		}
		var n int
		fmt.Sscanf(string((*buf)[:i]), "Content-Length: %d", &n)
		if len(*buf) < i+4+n {
			return
		}
		t.lines = append(t.lines, dir+" "+string((*buf)[i+4:i+4+n]))
		*buf = (*buf)[i+4+n:]
	}
}

func TestCopilotExecuteTranscript(t *testing.T) {
	sc, cc := net.Pipe()
	tr := &transcript{}
	srv := New(realEngine(t), Options{Debounce: -1})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, &recordingConn{Conn: sc, t: tr, dir: "<--"}) }()
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(&recordingConn{Conn: cc, t: tr, dir: "-->"}))
	conn.Go(ctx, jsonrpc2.MethodNotFoundHandler)

	call := func(method string, params, result any) {
		t.Helper()
		if _, err := conn.Call(ctx, method, params, result); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
	}
	call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{},
		"clientInfo": map[string]any{"name": "copilot-style-tool"}}, nil)
	conn.Notify(ctx, "initialized", map[string]any{})
	code := "def running_sum(xs):\n    total = 0\n    for x in xs:\n        total = total + x\n    return total\n\nprint(running_sum([1, 2, 3]))\n"
	var ok executeResult
	call("workspace/executeCommand", map[string]any{"command": "stelp.execute", "arguments": []any{map[string]any{"text": code}}}, &ok)
	if ok.Status != exec.StatusOK || ok.Stdout != "6\n" || ok.Feedback != "The program ran to completion." {
		t.Errorf("ok run: %+v", ok)
	}
	bad := "import os\nname = input()\nos.system('echo ' + name)\n"
	var blocked executeResult
	call("workspace/executeCommand", map[string]any{"command": "stelp.execute", "arguments": []any{map[string]any{"text": bad}}}, &blocked)
	if blocked.Status != exec.StatusBlocked || !strings.HasPrefix(blocked.Feedback, "Not run: the code uses constructs that are not allowed.\nLine 1 (`import os`): import of `os`") {
		t.Errorf("blocked run: %+v", blocked)
	}
	call("shutdown", nil, nil)
	conn.Notify(ctx, "exit", nil)
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	conn.Close()

	tr.mu.Lock()
	lines := tr.lines
	tr.mu.Unlock()
	if len(lines) != 10 {
		t.Errorf("transcript has %d messages:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if *update {
		// Pretty-printed for reading; usage figures vary from run to run.
		var b strings.Builder
		for _, l := range lines {
			var v any
			json.Unmarshal([]byte(l[4:]), &v)
			pretty, _ := json.MarshalIndent(v, "", "  ")
			b.WriteString(l[:3] + " " + string(pretty) + "\n\n")
		}
		if err := os.WriteFile(filepath.Join("..", "testdata", "lsp", "copilot_execute.jsonrpc"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// --- benchmarks --------------------------------------------------------------

// bigFile is a 2,000-line program made of the HumanEval-like sample and
// some flagged lines.
func bigFile(tb testing.TB) string {
	tb.Helper()
	sample, err := os.ReadFile(filepath.Join("..", "testdata", "lsp", "humaneval_like.py"))
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for i := 0; strings.Count(b.String(), "\n") < 2000; i++ {
		s := strings.ReplaceAll(string(sample), "has_close_elements", fmt.Sprintf("has_close_elements_%d", i))
		b.WriteString(strings.ReplaceAll(s, "check(", fmt.Sprintf("check_%d(", i)))
		if i%3 == 0 {
			b.WriteString(fmt.Sprintf("v%d = eval(input())\n", i))
		}
	}
	lines := strings.SplitAfter(b.String(), "\n")
	return strings.Join(lines[:2000], "")
}

func percentile(d []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// BenchmarkEditToDiagnostics2000Lines: one keystroke in a 2,000-line file
// to its publishDiagnostics at the client, debounce off (JSON both ways,
// incremental re-parse, all rules). Typing in a code line, and in a
// docstring (tree-sitter re-lexes the whole string token).
func BenchmarkEditToDiagnostics2000Lines(b *testing.B) {
	text := bigFile(b)
	lines := strings.Split(text, "\n")
	find := func(sub string) int {
		for i := 1000; i < len(lines); i++ {
			if strings.Contains(lines[i], sub) {
				return i
			}
		}
		b.Fatalf("no line with %q", sub)
		return 0
	}
	for _, c := range []struct {
		name string
		line int
		col  int
	}{
		{"code", find("distance = abs("), len("                distance = abs(")},
		{"docstring", find("other than given threshold"), 4},
	} {
		b.Run(c.name, func(b *testing.B) {
			ed := newEditor(b, realEngine(b), Options{}, nil)
			ed.open(docURI, text)
			ed.diagnostics(docURI, 1)
			lat := make([]time.Duration, 0, b.N)
			cpu0 := cputime.Used()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				var v int32
				if i%2 == 0 {
					v = ed.edit(docURI, c.line, c.col, c.line, c.col, "x")
				} else {
					v = ed.edit(docURI, c.line, c.col, c.line, c.col+1, "")
				}
				ed.diagnostics(docURI, v)
				lat = append(lat, time.Since(start))
				ed.mu.Lock()
				ed.notes = ed.notes[:0]
				ed.mu.Unlock()
			}
			b.StopTimer()
			// CPU per edit (server and fake client together) does not
			// depend on how busy the machine is, unlike the latencies.
			b.ReportMetric(float64((cputime.Used()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(percentile(lat, 0.5).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(percentile(lat, 0.95).Microseconds())/1000, "p95-ms")
		})
	}
}

// BenchmarkExecuteWarmPool: stelp.execute with text of a HumanEval-like
// program (its own tests included), request to response.
func BenchmarkExecuteWarmPool(b *testing.B) {
	ed := newEditor(b, realEngine(b), Options{}, nil)
	src, err := os.ReadFile(filepath.Join("..", "testdata", "lsp", "humaneval_like.py"))
	if err != nil {
		b.Fatal(err)
	}
	var res executeResult
	if err := ed.command("stelp.execute", map[string]any{"text": string(src)}, &res); err != nil || res.Status != exec.StatusOK {
		b.Fatalf("warm-up run: %+v %v", res.Result, err)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := ed.command("stelp.execute", map[string]any{"text": string(src)}, nil); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(float64(percentile(lat, 0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(percentile(lat, 0.95).Microseconds())/1000, "p95-ms")
}

// BenchmarkMemoryOver1000Edits reports how the Go heap and the process
// RSS (tree-sitter's C memory included) grow over 1,000 edits of the
// 2,000-line file, after the first 100 settled.
func BenchmarkMemoryOver1000Edits(b *testing.B) {
	for n := 0; n < b.N; n++ {
		ed := newEditor(b, realEngine(b), Options{}, nil)
		ed.open(docURI, bigFile(b))
		ed.diagnostics(docURI, 1)
		var heap0, rss0 uint64
		for i := 0; i < 1100; i++ {
			if i == 100 {
				heap0, rss0 = memNow()
			}
			line := 50 + (i*37)%1900
			v := ed.edit(docURI, line, 0, line, 0, "x = 1\n")
			if i%2 == 1 {
				v = ed.edit(docURI, line, 0, line+1, 0, "")
			}
			ed.diagnostics(docURI, v)
			ed.mu.Lock()
			ed.notes = ed.notes[:0]
			ed.mu.Unlock()
		}
		heap1, rss1 := memNow()
		b.ReportMetric(float64(int64(heap1)-int64(heap0))/1024, "heap-growth-KB")
		b.ReportMetric(float64(int64(rss1)-int64(rss0))/1024, "rss-growth-KB")
		b.ReportMetric(float64(heap1)/1024/1024, "heap-MB")
	}
}

func memNow() (heap, rss uint64) {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if f, err := os.Open("/proc/self/statm"); err == nil {
		defer f.Close()
		data, _ := io.ReadAll(f)
		var size, res uint64
		fmt.Sscan(string(data), &size, &res)
		rss = res * uint64(os.Getpagesize())
	}
	return ms.HeapInuse, rss
}

// TestRealEngineFixesFromTranspileFix: quick fixes and fix-all carry the
// rewrites of transpile/fix, the same ones `stelp fix` applies.
func TestRealEngineFixesFromTranspileFix(t *testing.T) {
	ed := newEditor(t, realEngine(t), Options{}, nil)
	text := "total = eval(\"1 + 2\")\nprint(total)\n"
	ed.open(docURI, text)
	ed.diagnostics(docURI, 1)
	var quick *codeAction
	for _, a := range ed.codeActions(docURI, 0, "quickfix") {
		if !strings.HasPrefix(a.Title, "Suppress") {
			a := a
			quick = &a
		}
	}
	if quick == nil {
		t.Fatal("no quick fix for eval of a constant expression")
	}
	if got := applyTo(t, text, *quick); strings.Contains(got, "eval") || !strings.Contains(got, "1 + 2") {
		t.Errorf("quick fix %q gave:\n%s", quick.Title, got)
	}
	var res fixAllResult
	if err := ed.command("stelp.fixAll", map[string]any{"text": text}, &res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Text, "eval") || len(res.Applied) != 1 || len(res.Remaining) != 0 {
		t.Errorf("fixAll: %+v", res)
	}
}
