package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/internal/cputime"
	"github.com/stelp-dev/stelp/policy"
)

// File is a corpus program written to disk for the tools that read files.
type File struct {
	Name    string // base name in the directory
	Program Program
}

// FileName is the on-disk name of a program: its set and ID, with the
// characters a path cannot hold replaced.
func FileName(p Program) string {
	set := "unsafe"
	if p.Safe {
		set = "safe"
	}
	id := strings.NewReplacer("/", "_", "\\", "_", " ", "_").Replace(p.ID)
	return set + "_" + id + ".py"
}

// WriteFiles writes every program that is not a mutant into dir (which
// must exist) and returns them in corpus order. The programs are only ever
// parsed or, for the safe set, run by CPython; never the unsafe ones.
func WriteFiles(dir string, progs []Program) ([]File, error) {
	var files []File
	seen := map[string]bool{}
	for _, p := range progs {
		if p.Mutant {
			continue
		}
		name := FileName(p)
		if seen[name] {
			return nil, fmt.Errorf("two corpus programs map to the file name %s", name)
		}
		seen[name] = true
		if err := os.WriteFile(filepath.Join(dir, name), []byte(p.Source), 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", name, err)
		}
		files = append(files, File{Name: name, Program: p})
	}
	return files, nil
}

// ParseStelpCheck reads `stelp check --format json` output (DESIGN.md
// contract) and returns the base names of files with an error-severity
// finding, which is what blocks a run.
func ParseStelpCheck(r io.Reader) (map[string]bool, error) {
	var out struct {
		Files []struct {
			Path     string `json:"path"`
			Findings []struct {
				Severity string `json:"severity"`
			} `json:"findings"`
		} `json:"files"`
		Summary *struct {
			Files int `json:"files"`
		} `json:"summary"`
	}
	if err := json.NewDecoder(r).Decode(&out); err != nil {
		return nil, fmt.Errorf("stelp check output is not its JSON report: %w", err)
	}
	if out.Summary == nil {
		return nil, fmt.Errorf("stelp check output has no summary")
	}
	flagged := map[string]bool{}
	for _, f := range out.Files {
		for _, fd := range f.Findings {
			if fd.Severity == string(policy.SeverityError) {
				flagged[filepath.Base(f.Path)] = true
			}
		}
	}
	return flagged, nil
}

// InProcessFlagger checks sources with analysis.Check on the caller's
// goroutine: the cost of the analysis alone, without process start-up.
func InProcessFlagger(pol *policy.Policy) func(ctx context.Context, src []byte) bool {
	return func(ctx context.Context, src []byte) bool {
		for _, f := range analysis.Check(ctx, src, pol) {
			if f.Severity == policy.SeverityError {
				return true
			}
		}
		return false
	}
}

// DirTool scans a directory and returns the base names it flags and the
// CPU time its process used (0 when unknown).
type DirTool func(ctx context.Context, dir string) (map[string]bool, time.Duration, error)

// DetectTools are the detectors compared on the same files.
type DetectTools struct {
	InProcess func(ctx context.Context, src []byte) bool
	StelpCLI  DirTool
	Bandit    DirTool
}

// ToolDetect is one detector's line of the detection table.
type ToolDetect struct {
	Tool           string    `json:"tool"`
	Unsafe         int       `json:"unsafe"`
	UnsafeFlagged  int       `json:"unsafe_flagged"`
	UnsafeRate     float64   `json:"unsafe_rate"`
	Safe           int       `json:"safe"`
	SafeFlagged    int       `json:"safe_flagged"`
	SafeRate       float64   `json:"safe_rate"`
	Files          int       `json:"files"`
	Seconds        []float64 `json:"seconds"`          // wall, per repetition
	CPUSeconds     []float64 `json:"cpu_seconds"`      // user + system, per repetition
	FilesPerSecond float64   `json:"files_per_second"` // files / median seconds
	// CPUMSPerFile is the median CPU time of a pass per file: what the
	// tool costs, whatever the load.
	CPUMSPerFile float64 `json:"cpu_ms_per_file"`
}

// DetectReport compares the detectors in one run.
type DetectReport struct {
	Files int          `json:"files"`
	Reps  int          `json:"reps"`
	Tools []ToolDetect `json:"tools"`
	// CLIOverBandit is `stelp check` throughput over Bandit's (target ≥ 20).
	CLIOverBandit       float64 `json:"cli_over_bandit"`
	InProcessOverBandit float64 `json:"in_process_over_bandit"`
	// CLIOverBanditCPU compares CPU per file instead of wall time.
	CLIOverBanditCPU float64 `json:"cli_over_bandit_cpu"`
	LoadBefore       string  `json:"load_before"`
	LoadAfter        string  `json:"load_after"`
}

// Tool names in reports.
const (
	ToolStelpInProcess = "stelp analysis.Check (in-process, 1 goroutine)"
	ToolStelpCLI       = "stelp check (CLI process)"
	ToolBandit         = "bandit -r (CLI process)"
)

// RunDetect runs each detector reps times over the same files in dir,
// interleaved (one of each per repetition) so load changes hit all alike.
// Flags come from the last repetition.
func RunDetect(ctx context.Context, dir string, files []File, tools DetectTools, reps int) (*DetectReport, error) {
	return runDetect(ctx, dir, files, tools, reps, time.Now)
}

func runDetect(ctx context.Context, dir string, files []File, tools DetectTools, reps int, now func() time.Time) (*DetectReport, error) {
	if reps < 1 {
		reps = 1
	}
	rep := &DetectReport{Files: len(files), Reps: reps, LoadBefore: LoadAvg()}
	type tool struct {
		name    string
		run     func() (map[string]bool, time.Duration, error)
		secs    []float64
		cpu     []float64
		flagged map[string]bool
	}
	ts := []*tool{
		{name: ToolStelpInProcess, run: func() (map[string]bool, time.Duration, error) {
			c0 := cputime.Used()
			out := map[string]bool{}
			for _, f := range files {
				if tools.InProcess(ctx, []byte(f.Program.Source)) {
					out[f.Name] = true
				}
			}
			return out, cputime.Used() - c0, ctx.Err()
		}},
		{name: ToolStelpCLI, run: func() (map[string]bool, time.Duration, error) { return tools.StelpCLI(ctx, dir) }},
		{name: ToolBandit, run: func() (map[string]bool, time.Duration, error) { return tools.Bandit(ctx, dir) }},
	}
	for r := 0; r < reps; r++ {
		for _, t := range ts {
			t0 := now()
			fl, cpu, err := t.run()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", t.name, err)
			}
			t.secs = append(t.secs, now().Sub(t0).Seconds())
			t.cpu = append(t.cpu, cpu.Seconds())
			t.flagged = fl
		}
	}
	for _, t := range ts {
		rep.Tools = append(rep.Tools, scoreDetection(t.name, files, t.flagged, t.secs, t.cpu))
	}
	rep.LoadAfter = LoadAvg()
	rep.CLIOverBandit = Ratio(rep.Tools[1].FilesPerSecond, rep.Tools[2].FilesPerSecond)
	rep.InProcessOverBandit = Ratio(rep.Tools[0].FilesPerSecond, rep.Tools[2].FilesPerSecond)
	rep.CLIOverBanditCPU = Ratio(rep.Tools[2].CPUMSPerFile, rep.Tools[1].CPUMSPerFile)
	return rep, nil
}

func scoreDetection(name string, files []File, flagged map[string]bool, secs, cpu []float64) ToolDetect {
	d := ToolDetect{Tool: name, Files: len(files), Seconds: secs, CPUSeconds: cpu}
	for _, f := range files {
		hit := flagged[f.Name]
		if f.Program.Safe {
			d.Safe++
			if hit {
				d.SafeFlagged++
			}
		} else {
			d.Unsafe++
			if hit {
				d.UnsafeFlagged++
			}
		}
	}
	d.UnsafeRate = ratio(d.UnsafeFlagged, d.Unsafe)
	d.SafeRate = ratio(d.SafeFlagged, d.Safe)
	d.FilesPerSecond = Ratio(float64(len(files)), Median(secs))
	d.CPUMSPerFile = Ratio(Median(cpu)*1000, float64(len(files)))
	return d
}
