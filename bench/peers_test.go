package bench

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const banditJSON = `{
  "errors": [],
  "generated_at": "2026-11-25T07:17:06Z",
  "metrics": {"_totals": {"loc": 9}},
  "results": [
    {"filename": "/tmp/x/unsafe_IHE-000.py", "issue_severity": "MEDIUM", "issue_confidence": "HIGH", "test_id": "B307", "line_number": 3},
    {"filename": "/tmp/x/unsafe_IHE-001.py", "issue_severity": "LOW", "issue_confidence": "HIGH", "test_id": "B605", "line_number": 2},
    {"filename": "/tmp/x/unsafe_IHE-002.py", "issue_severity": "HIGH", "issue_confidence": "MEDIUM", "test_id": "B602", "line_number": 1},
    {"filename": "/tmp/x/safe_HumanEval_0.py", "issue_severity": "LOW", "issue_confidence": "HIGH", "test_id": "B101", "line_number": 9}
  ]
}`

func TestParseBanditFlagsMediumAndHighOnly(t *testing.T) {
	out, err := ParseBandit(strings.NewReader(banditJSON))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Results) != 4 || out.Results[0].TestID != "B307" || out.Results[0].Line != 3 {
		t.Fatalf("results not decoded: %+v", out.Results)
	}
	got := out.Flagged()
	want := map[string]bool{"unsafe_IHE-000.py": true, "unsafe_IHE-002.py": true}
	if len(got) != len(want) {
		t.Fatalf("flagged %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Fatalf("flagged %v, want %v", got, want)
		}
	}
}

func TestParseBanditReportsScanErrors(t *testing.T) {
	out, err := ParseBandit(strings.NewReader(`{"errors": [{"filename": "b.py", "reason": "syntax error while parsing AST from file"}], "results": []}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) != 1 || out.Errors[0].Filename != "b.py" || len(out.Flagged()) != 0 {
		t.Fatalf("got %+v", out)
	}
}

func TestParseBanditRejectsWhatIsNotItsReport(t *testing.T) {
	for _, in := range []string{"", "[main]\tINFO\tprofile include tests: None\n", `{"foo": 1}`, `{"results": 3}`} {
		if _, err := ParseBandit(strings.NewReader(in)); err == nil {
			t.Errorf("%q: want an error", in)
		}
	}
	_, err := ParseBandit(strings.NewReader("Traceback (most recent call last):\n  File x"))
	if err == nil || !strings.Contains(err.Error(), "Traceback") {
		t.Fatalf("error should quote the output, got %v", err)
	}
}

func TestParseStelpCheckCountsErrorSeverityOnly(t *testing.T) {
	in := `{"files": [
	  {"path": "/d/unsafe_IHE-000.py", "findings": [{"rule": "SP101", "severity": "error"}]},
	  {"path": "/d/unsafe_IHE-001.py", "findings": [{"rule": "SP900", "severity": "warning"}, {"rule": "SP901", "severity": "info"}]},
	  {"path": "/d/safe_HumanEval_0.py", "findings": []}],
	 "summary": {"files": 3, "errors": 1, "warnings": 1, "infos": 1}}`
	got, err := ParseStelpCheck(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !got["unsafe_IHE-000.py"] {
		t.Fatalf("flagged %v", got)
	}
	if _, err := ParseStelpCheck(strings.NewReader(`{"files": []}`)); err == nil {
		t.Fatal("a report without summary must be refused")
	}
	if _, err := ParseStelpCheck(strings.NewReader(`stelp check: usage`)); err == nil {
		t.Fatal("text output must be refused")
	}
}

func TestSummaryMath(t *testing.T) {
	s := Summarize([]float64{5, 1, 4, 2, 3})
	if s.N != 5 || s.P50MS != 3 || s.MeanMS != 3 || s.MinMS != 1 || s.MaxMS != 5 {
		t.Fatalf("%+v", s)
	}
	// p95 of 1..5 at position 0.95*4 = 3.8: 4 + 0.8*(5-4).
	if math.Abs(s.P95MS-4.8) > 1e-9 {
		t.Fatalf("p95 %v, want 4.8", s.P95MS)
	}
	if Median([]float64{4, 1, 3, 2}) != 2.5 {
		t.Fatal("median of an even count interpolates")
	}
	if Median(nil) != 0 || Summarize(nil).N != 0 {
		t.Fatal("empty input")
	}
	if Ratio(3, 0) != 0 || Ratio(math.NaN(), 1) != 0 || Ratio(3, 2) != 1.5 {
		t.Fatal("ratio")
	}
	in := []float64{3, 1, 2}
	Summarize(in)
	if in[0] != 3 {
		t.Fatal("Summarize must not reorder its input")
	}
}

// fakeClock advances only when a fake tool says so, so timings are exact.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time           { return c.t }
func (c *fakeClock) spend(ms float64)         { c.t = c.t.Add(time.Duration(ms * float64(time.Millisecond))) }
func testFiles(t *testing.T) (string, []File) { return writeTestFiles(t, 3, 2) }

func writeTestFiles(t *testing.T, safe, unsafe int) (string, []File) {
	t.Helper()
	var progs []Program
	for i := 0; i < safe; i++ {
		progs = append(progs, Program{ID: "HumanEval/" + string(rune('0'+i)), Safe: true, Source: "x = 1\n"})
		progs = append(progs, Program{ID: "HumanEval/" + string(rune('0'+i)) + "/mutant", Safe: true, Mutant: true, Source: "x = 2\n"})
	}
	for i := 0; i < unsafe; i++ {
		progs = append(progs, Program{ID: "IHE-00" + string(rune('0'+i)), Source: "eval('1')\n"})
	}
	dir := t.TempDir()
	files, err := WriteFiles(dir, progs)
	if err != nil {
		t.Fatal(err)
	}
	return dir, files
}

func TestWriteFilesSkipsMutantsAndNamesBySet(t *testing.T) {
	dir, files := testFiles(t)
	if len(files) != 5 {
		t.Fatalf("%d files, want 5 (mutants are not written)", len(files))
	}
	if files[0].Name != "safe_HumanEval_0.py" || files[3].Name != "unsafe_IHE-000.py" {
		t.Fatalf("names %s %s", files[0].Name, files[3].Name)
	}
	b, err := os.ReadFile(filepath.Join(dir, files[3].Name))
	if err != nil || string(b) != "eval('1')\n" {
		t.Fatalf("content %q %v", b, err)
	}
	_, err = WriteFiles(t.TempDir(), []Program{{ID: "a/b"}, {ID: "a_b"}})
	if err == nil {
		t.Fatal("two programs mapping to one file name must be an error")
	}
}

func TestRunDetectScoresEachToolOnTheSameFiles(t *testing.T) {
	dir, files := testFiles(t)
	clk := &fakeClock{t: time.Unix(0, 0)}
	var cliDirs []string
	tools := DetectTools{
		InProcess: func(ctx context.Context, src []byte) bool {
			clk.spend(10)
			return strings.Contains(string(src), "eval")
		},
		StelpCLI: func(ctx context.Context, d string) (map[string]bool, time.Duration, error) {
			cliDirs = append(cliDirs, d)
			clk.spend(50)
			return map[string]bool{"unsafe_IHE-000.py": true, "unsafe_IHE-001.py": true}, 40 * time.Millisecond, nil
		},
		Bandit: func(ctx context.Context, d string) (map[string]bool, time.Duration, error) {
			clk.spend(1000)
			return map[string]bool{"unsafe_IHE-001.py": true, "safe_HumanEval_2.py": true}, 900 * time.Millisecond, nil
		},
	}
	rep, err := runDetect(context.Background(), dir, files, tools, 2, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	if len(cliDirs) != 2 || cliDirs[0] != dir {
		t.Fatalf("CLI ran on %v, want %s twice", cliDirs, dir)
	}
	in, cli, bandit := rep.Tools[0], rep.Tools[1], rep.Tools[2]
	if in.UnsafeFlagged != 2 || in.SafeFlagged != 0 || in.Unsafe != 2 || in.Safe != 3 {
		t.Fatalf("in-process %+v", in)
	}
	if bandit.UnsafeFlagged != 1 || bandit.SafeFlagged != 1 || bandit.UnsafeRate != 0.5 {
		t.Fatalf("bandit %+v", bandit)
	}
	// 5 files: in-process 5×10 ms = 50 ms, CLI 50 ms, Bandit 1000 ms.
	if in.FilesPerSecond != 100 || cli.FilesPerSecond != 100 || bandit.FilesPerSecond != 5 {
		t.Fatalf("throughput %v %v %v", in.FilesPerSecond, cli.FilesPerSecond, bandit.FilesPerSecond)
	}
	if rep.CLIOverBandit != 20 || rep.InProcessOverBandit != 20 {
		t.Fatalf("ratios %v %v", rep.CLIOverBandit, rep.InProcessOverBandit)
	}
	if math.Abs(cli.CPUMSPerFile-8) > 1e-9 || math.Abs(rep.CLIOverBanditCPU-22.5) > 1e-9 {
		t.Fatalf("cpu %v ms/file, ratio %v", cli.CPUMSPerFile, rep.CLIOverBanditCPU)
	}
	ts := Targets(rep, nil)
	if len(ts) != 1 || !ts[0].Met || ts[0].Got != "20.0×" {
		t.Fatalf("targets %+v", ts)
	}
}

func TestRunDetectNamesTheFailingTool(t *testing.T) {
	dir, files := testFiles(t)
	tools := DetectTools{
		InProcess: func(ctx context.Context, src []byte) bool { return false },
		StelpCLI:  func(ctx context.Context, d string) (map[string]bool, time.Duration, error) { return nil, 0, nil },
		Bandit: func(ctx context.Context, d string) (map[string]bool, time.Duration, error) {
			return nil, 0, errors.New("bandit: not installed")
		},
	}
	_, err := RunDetect(context.Background(), dir, files, tools, 1)
	if err == nil || !strings.Contains(err.Error(), ToolBandit) {
		t.Fatalf("got %v", err)
	}
}

// fakeExecTools take 30 ms (one-shot, a limit for HumanEval/2), 20 ms
// (python3) and 2 ms (warm, 0.5 of it in the worker) of clk, and record
// their order. Warm runs after the first interleaved ones take 1 ms
// (0.25 in the worker): with 3 programs and 2 repetitions, those are the
// back-to-back ones.
func fakeExecTools(clk *fakeClock, order *[]string) ExecTools {
	warmRuns := 0
	return ExecTools{
		OneShot: func(ctx context.Context, path string) (string, error) {
			*order = append(*order, "run:"+filepath.Base(path))
			clk.spend(30)
			if strings.HasSuffix(path, "safe_HumanEval_2.py") {
				return "limit", nil
			}
			return "ok", nil
		},
		Python: func(ctx context.Context, path string) error {
			*order = append(*order, "py")
			clk.spend(20)
			return nil
		},
		Warm: func(ctx context.Context, src []byte) (string, float64, error) {
			*order = append(*order, "warm")
			if warmRuns++; warmRuns > 6 {
				clk.spend(1)
				return "ok", 0.25, nil
			}
			clk.spend(2)
			return "ok", 0.5, nil
		},
	}
}

func TestRunExecInterleavesAndComputesRatios(t *testing.T) {
	dir, files := testFiles(t)
	clk := &fakeClock{t: time.Unix(0, 0)}
	var order []string
	rep, err := runExec(context.Background(), dir, files, fakeExecTools(clk, &order), 2, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Programs) != 3 {
		t.Fatalf("%d programs, want the 3 safe ones (no mutants, no unsafe)", len(rep.Programs))
	}
	for _, o := range order {
		if strings.Contains(o, "unsafe") {
			t.Fatalf("an unsafe program was run: %v", order)
		}
	}
	// Each repetition rotates which tool goes first.
	if order[0] != "run:safe_HumanEval_0.py" || order[3] != "py" || order[5] != "run:safe_HumanEval_0.py" {
		t.Fatalf("order %v", order[:6])
	}
	if rep.Python.P50MS != 20 || rep.StelpRun.P50MS != 30 || rep.Warm.P50MS != 2 || rep.WarmWorker.P50MS != 0.5 {
		t.Fatalf("summaries %+v %+v %+v", rep.Python, rep.StelpRun, rep.Warm)
	}
	if rep.MedianRatio != 1.5 || rep.RatioOfMedians != 1.5 || rep.WarmOverPython != 0.1 {
		t.Fatalf("ratios %v %v %v", rep.MedianRatio, rep.RatioOfMedians, rep.WarmOverPython)
	}
	// Then every program again on the warm pool, back to back.
	if tail := order[len(order)-6:]; strings.Join(tail, " ") != "warm warm warm warm warm warm" || order[len(order)-7] == "warm" && order[len(order)-8] == "warm" {
		t.Fatalf("order ends %v", order[len(order)-8:])
	}
	if rep.BackToBack.N != 6 || rep.BackToBack.P50MS != 1 || rep.BackToBackWorker.P50MS != 0.25 || rep.Programs[0].BackToBackMS != 1 {
		t.Fatalf("back to back %+v %+v %+v", rep.BackToBack, rep.BackToBackWorker, rep.Programs[0])
	}
	if len(rep.NotOK) != 1 || !strings.Contains(rep.NotOK[0], "HumanEval/2: stelp run --no-daemon limit") {
		t.Fatalf("not ok %v", rep.NotOK)
	}
	ts := Targets(nil, rep)
	if len(ts) != 2 || ts[0].Met || !ts[1].Met || ts[1].Got != "1.00 ms" || !strings.Contains(ts[1].Name, "back to back") {
		t.Fatalf("targets %+v", ts)
	}
	series := rep.Series()
	if len(series) != 3 || len(series[0].Values) != 3 || series[2].Values[0] != 20 {
		t.Fatalf("series %+v", series)
	}
}

// With the daemon measured, the four ways rotate, and the issue-8 target
// is judged on the daemon's figures while the one-shot row stays.
func TestRunExecWithDaemon(t *testing.T) {
	dir, files := testFiles(t)
	clk := &fakeClock{t: time.Unix(0, 0)}
	var order []string
	tools := fakeExecTools(clk, &order)
	tools.Daemon = func(ctx context.Context, path string) (string, error) {
		order = append(order, "daemon")
		clk.spend(10)
		if strings.HasSuffix(path, "safe_HumanEval_1.py") {
			return "error", nil
		}
		return "ok", nil
	}
	rep, err := runExec(context.Background(), dir, files, tools, 2, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(order[:8], " "); got != "run:safe_HumanEval_0.py py warm daemon py warm daemon run:safe_HumanEval_0.py" {
		t.Fatalf("order %s", got)
	}
	if rep.Daemon.P50MS != 10 || rep.StelpRun.P50MS != 30 || rep.DaemonMedianRatio != 0.5 || rep.DaemonRatioOfMedians != 0.5 || rep.MedianRatio != 1.5 {
		t.Fatalf("daemon %+v one-shot %+v ratios %v %v %v", rep.Daemon, rep.StelpRun, rep.DaemonMedianRatio, rep.DaemonRatioOfMedians, rep.MedianRatio)
	}
	if rep.Programs[0].DaemonMS != 10 || rep.Programs[0].DaemonRatio != 0.5 {
		t.Fatalf("program %+v", rep.Programs[0])
	}
	if len(rep.NotOK) != 2 || rep.NotOK[0] != "HumanEval/1: stelp run error, stelp run --no-daemon ok, warm ok, python3 ok" ||
		!strings.Contains(rep.NotOK[1], "HumanEval/2: stelp run ok, stelp run --no-daemon limit") {
		t.Fatalf("not ok %v", rep.NotOK)
	}
	if ts := Targets(nil, rep); !ts[0].Met || ts[0].Got != "0.50×" {
		t.Fatalf("targets %+v", ts)
	}
	var txt strings.Builder
	if err := rep.Table().WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	for _, row := range []string{"stelp run (fresh process, warm daemon)", "stelp run --no-daemon (fresh process, one-shot worker)"} {
		if !strings.Contains(txt.String(), row) {
			t.Errorf("table lacks %q:\n%s", row, txt.String())
		}
	}
	if series := rep.Series(); len(series) != 4 || series[1].Name != "stelp run (warm daemon)" || series[1].Values[0] != 10 {
		t.Fatalf("series %+v", series)
	}
}

func TestRunExecWithoutSafeProgramsIsAnError(t *testing.T) {
	dir, files := writeTestFiles(t, 0, 2)
	_, err := RunExec(context.Background(), dir, files, ExecTools{}, 1)
	if err == nil {
		t.Fatal("want an error")
	}
}

func TestLatencySVGIsWellFormedWithOneCurvePerSeries(t *testing.T) {
	var b strings.Builder
	series := []Series{
		{Name: "warm <pool> & co", Values: []float64{0.8, 1.2, 3}},
		{Name: "one-shot", Values: []float64{40, 45, 60, 0}}, // 0 cannot be drawn on a log axis
		{Name: "python3", Values: []float64{18, 20, 25}},
	}
	if err := WriteLatencySVG(&b, "title & more", series); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader(b.String()))
	var names []string
	polylines, points := 0, []int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b.String())
		}
		if se, ok := tok.(xml.StartElement); ok {
			for _, a := range se.Attr {
				if se.Name.Local == "g" && a.Name.Local == "data-name" {
					names = append(names, a.Value)
				}
				if se.Name.Local == "polyline" && a.Name.Local == "points" {
					polylines++
					points = append(points, len(strings.Fields(a.Value)))
				}
			}
		}
	}
	if strings.Join(names, "|") != "warm <pool> & co|one-shot|python3" {
		t.Fatalf("series %q", names)
	}
	// Two points per step: 3 values each, the 0 dropped.
	if polylines != 3 || points[0] != 6 || points[1] != 6 || points[2] != 6 {
		t.Fatalf("polylines %d points %v", polylines, points)
	}
	if !strings.Contains(b.String(), "n=3, median 1.2 ms") {
		t.Fatal("legend should give n and the median")
	}
	if err := WriteLatencySVG(io.Discard, "x", []Series{{Name: "a"}}); err == nil {
		t.Fatal("nothing to draw must be an error")
	}
}

func TestTableRendering(t *testing.T) {
	tb := Table{Head: []string{"tool", "files/s"}, Rows: [][]string{{"stelp", "500.0"}, {"a|b", "1"}}}
	var txt, md strings.Builder
	if err := tb.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(txt.String()), "\n")
	if len(lines) != 3 || strings.Index(lines[0], "files/s") != strings.Index(lines[1], "500.0") {
		t.Fatalf("columns not aligned:\n%s", txt.String())
	}
	if err := tb.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	want := "| tool | files/s |\n|---|---|\n| stelp | 500.0 |\n| a\\|b | 1 |\n"
	if md.String() != want {
		t.Fatalf("markdown\n%s\nwant\n%s", md.String(), want)
	}
}

func TestAllReportMarkdownHasEverySection(t *testing.T) {
	dir, files := testFiles(t)
	clk := &fakeClock{t: time.Unix(0, 0)}
	ex, err := runExec(context.Background(), dir, files, ExecTools{
		OneShot: func(context.Context, string) (string, error) { clk.spend(15); return "ok", nil },
		Python:  func(context.Context, string) error { clk.spend(20); return nil },
		Warm:    func(context.Context, []byte) (string, float64, error) { clk.spend(1); return "ok", 0.3, nil },
	}, 1, clk.now)
	if err != nil {
		t.Fatal(err)
	}
	a := &AllReport{Date: "2026-11-25", Machine: Machine{CPU: "Test CPU", Cores: 2, Python: "Python 3.11", Bandit: "bandit 1.6.2"},
		Commands: []string{"./stelp bench all --write-docs"}, Exec: ex, Corpus: &Report{Unsafe: 10, UnsafeBlocked: 10, TBR: 1, Safe: 4, SafeAllowed: 4, TAR: 1}}
	a.Targets = Targets(nil, ex)
	var md strings.Builder
	if err := a.WriteMarkdown(&md, "benchmarks-latency.svg"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Benchmarks", "Test CPU", "./stelp bench all --write-docs", "## Targets (issue 8)",
		"| stelp run / python3 -I -S, median per program | ≤ 1.0× | 0.75× | yes |", "## Execution latency",
		"](benchmarks-latency.svg)", "| TBR (unsafe blocked) | 1.000 (10/10) | 1.000 | 0.68 |", "0.19"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
	var txt strings.Builder
	if err := a.WriteText(&txt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.String(), "== issue 8 targets") || !strings.Contains(txt.String(), "0.75×") {
		t.Fatalf("text:\n%s", txt.String())
	}
}
