package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/bench"
)

// BenchmarkCheckCorpusDir is `stelp check --format json DIR` in-process
// over the corpus programs written as files (the detection benchmark's
// CLI pass without process start-up), to profile where its time goes.
func BenchmarkCheckCorpusDir(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no corpus at %s", dir)
	}
	progs, err := bench.LoadCorpus(dir, false)
	if err != nil {
		b.Fatal(err)
	}
	tmp := b.TempDir()
	files, err := bench.WriteFiles(tmp, progs)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if code := run(ctx, []string{"check", "--format", "json", tmp}, strings.NewReader(""), io.Discard, io.Discard); code != exitFound {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(len(files)*b.N)/b.Elapsed().Seconds(), "files/s")
}

func TestBenchUnknownAndUsage(t *testing.T) {
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"bench", "nope"}, strings.NewReader(""), &out, &errb); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errb.String(), "want corpus, detect, exec, all or report") {
		t.Fatalf("stderr %q", errb.String())
	}
	out.Reset()
	if code := run(context.Background(), []string{"bench", "--help"}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, sub := range []string{"detect", "exec", "all", "report", "python3 -I -S", "bandit -r DIR -f json"} {
		if !strings.Contains(out.String(), sub) {
			t.Errorf("help lacks %q", sub)
		}
	}
}

func TestBenchDetectSaysHowToGetAMissingBandit(t *testing.T) {
	var out, errb strings.Builder
	code := run(context.Background(), []string{"bench", "detect", "--bandit", filepath.Join(t.TempDir(), "no-bandit")}, strings.NewReader(""), &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "no-bandit") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	t.Setenv("PATH", t.TempDir())
	errb.Reset()
	code = run(context.Background(), []string{"bench", "detect"}, strings.NewReader(""), &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "apt-get install -y bandit") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	code = run(context.Background(), []string{"bench", "exec"}, strings.NewReader(""), &out, &errb)
	if code != exitUsage || !strings.Contains(errb.String(), "python3 not found") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

func TestBenchReportRendersASavedRunAndWritesDocs(t *testing.T) {
	all := bench.AllReport{
		Date:    "2026-11-25 08:00 UTC",
		Machine: bench.Machine{CPU: "Test CPU", Cores: 2, Python: "Python 3.11.7", Bandit: "bandit 1.6.2"},
		Exec: &bench.ExecReport{Reps: 1, Programs: []bench.ExecProgram{
			{ID: "HumanEval/0", StelpRunMS: 40, PythonMS: 20, WarmMS: 1.5, Ratio: 2},
			{ID: "HumanEval/1", StelpRunMS: 10, PythonMS: 20, WarmMS: 0.5, Ratio: 0.5},
		}, Warm: bench.Summary{N: 2, P50MS: 1}, MedianRatio: 1.25},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "run.json")
	var buf strings.Builder
	if err := writeBenchJSON(&buf, all); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "docs")
	var out, errb strings.Builder
	if code := run(context.Background(), []string{"bench", "report", "--write-docs", "--docs", docs, path}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	// Targets are judged again from the figures, not trusted from the file.
	if !strings.Contains(out.String(), "1.25×") || !strings.Contains(out.String(), "1.00 ms") {
		t.Fatalf("stdout:\n%s", out.String())
	}
	md, err := os.ReadFile(filepath.Join(docs, "benchmarks.md"))
	if err != nil || !strings.Contains(string(md), "](benchmarks-latency.svg)") || !strings.Contains(string(md), "Test CPU") {
		t.Fatalf("benchmarks.md: %v\n%s", err, md)
	}
	svg, err := os.ReadFile(filepath.Join(docs, "benchmarks-latency.svg"))
	if err != nil || strings.Count(string(svg), "<polyline") != 3 {
		t.Fatalf("svg: %v\n%s", err, svg)
	}
	if err := os.WriteFile(path, []byte(`{"date": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if code := run(context.Background(), []string{"bench", "report", path}, strings.NewReader(""), &out, &errb); code != exitUsage || !strings.Contains(errb.String(), "no detect, exec or corpus") {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
}
