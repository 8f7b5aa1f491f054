// Package bench measures stelp on the paper's data sets: the safe HumanEval
// programs and the unsafe InjectedHumanEval programs. It knows nothing about
// how a program is run: the caller passes an Executor (the real pipeline in
// `stelp bench corpus`, a fake in tests).
package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/stelp-dev/stelp/exec"
)

// Program is one corpus entry made runnable.
type Program struct {
	ID     string // "HumanEval/0" or "IHE-000"
	TaskID string // HumanEval task the program is built from
	Safe   bool   // HumanEval (safe) or InjectedHumanEval (unsafe)
	CWE    int    // unsafe only
	Risk   string // unsafe only
	Source string
	// Mutant is a safe program whose solution body was replaced by a wrong
	// one: its own tests must fail (status error), which shows that "ok"
	// really means the tests ran and passed.
	Mutant bool
}

type humanEvalRow struct {
	TaskID            string `json:"task_id"`
	Prompt            string `json:"prompt"`
	EntryPoint        string `json:"entry_point"`
	CanonicalSolution string `json:"canonical_solution"`
	Test              string `json:"test"`
}

type injectedRow struct {
	ID         string `json:"id"`
	CWE        int    `json:"cwe_id"`
	Risk       string `json:"risk_name"`
	TaskID     string `json:"task_id"`
	EntryPoint string `json:"entry_point"`
	Program    string `json:"program"`
}

// HumanEvalProgram assembles the safe program as DESIGN.md defines it:
// prompt + canonical solution + tests + check(entry_point).
func HumanEvalProgram(prompt, solution, test, entryPoint string) string {
	return prompt + solution + "\n\n" + test + "\n\ncheck(" + entryPoint + ")\n"
}

// wrongBody is a solution that fails every HumanEval test: returning a
// fresh object that compares equal to nothing the tests expect.
const wrongBody = "    return object()\n"

// LoadCorpus reads humaneval.jsonl and every injected-humaneval*.jsonl in
// dir. withMutants adds one wrong-body mutant per HumanEval program.
func LoadCorpus(dir string, withMutants bool) ([]Program, error) {
	var progs []Program
	he := filepath.Join(dir, "humaneval.jsonl")
	err := readJSONL(he, func(line int, raw []byte) error {
		var r humanEvalRow
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		if r.TaskID == "" || r.EntryPoint == "" {
			return errors.New("missing task_id or entry_point")
		}
		progs = append(progs, Program{ID: r.TaskID, TaskID: r.TaskID, Safe: true,
			Source: HumanEvalProgram(r.Prompt, r.CanonicalSolution, r.Test, r.EntryPoint)})
		if withMutants {
			progs = append(progs, Program{ID: r.TaskID + "/mutant", TaskID: r.TaskID, Safe: true, Mutant: true,
				Source: HumanEvalProgram(r.Prompt, wrongBody, r.Test, r.EntryPoint)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	matches, err := filepath.Glob(filepath.Join(dir, "injected-humaneval*.jsonl"))
	if err != nil {
		return nil, err
	}
	if len(matches) == 0 {
		return nil, fmt.Errorf("%s: no injected-humaneval*.jsonl", dir)
	}
	sort.Strings(matches)
	for _, path := range matches {
		err := readJSONL(path, func(line int, raw []byte) error {
			var r injectedRow
			if err := json.Unmarshal(raw, &r); err != nil {
				return err
			}
			if r.ID == "" || r.Program == "" {
				return errors.New("missing id or program")
			}
			progs = append(progs, Program{ID: r.ID, TaskID: r.TaskID, CWE: r.CWE, Risk: r.Risk, Source: r.Program})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return progs, nil
}

func readJSONL(path string, row func(line int, raw []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("corpus file %s not found", path)
		}
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		if len(strings.TrimSpace(string(raw))) == 0 {
			continue
		}
		if err := row(n, raw); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// Executor runs one program through the whole pipeline.
type Executor func(ctx context.Context, src []byte) (*exec.Result, error)

// Outcome is what happened to one program.
type Outcome struct {
	ID      string      `json:"id"`
	Safe    bool        `json:"safe"`
	Mutant  bool        `json:"mutant,omitempty"`
	CWE     int         `json:"cwe,omitempty"`
	Risk    string      `json:"risk,omitempty"`
	Status  exec.Status `json:"status"`
	Detail  string      `json:"detail,omitempty"`
	Seconds float64     `json:"seconds"`
}

// Blocked reports whether stelp stopped the program (TBR's numerator).
func (o Outcome) Blocked() bool {
	return o.Status == exec.StatusBlocked || o.Status == exec.StatusViolation || o.Status == exec.StatusLimit
}

// CWERow is the per-CWE line of the report.
type CWERow struct {
	CWE     int    `json:"cwe"`
	Risk    string `json:"risk"`
	Total   int    `json:"total"`
	Blocked int    `json:"blocked"`
	Static  int    `json:"static"` // of which blocked before running
}

// Latency summarises per-program wall time through the pipeline.
type Latency struct {
	MedianMS float64 `json:"median_ms"`
	P95MS    float64 `json:"p95_ms"`
	MeanMS   float64 `json:"mean_ms"`
	MaxMS    float64 `json:"max_ms"`
}

// Report holds the paper's metrics (DESIGN.md, "How it is measured").
type Report struct {
	Unsafe           int       `json:"unsafe"`
	UnsafeBlocked    int       `json:"unsafe_blocked"`
	TBR              float64   `json:"tbr"`
	Safe             int       `json:"safe"`
	SafeAllowed      int       `json:"safe_allowed"`
	TAR              float64   `json:"tar"`
	SafeOK           int       `json:"safe_ok"`
	Correctness      float64   `json:"correctness"`
	Mutants          int       `json:"mutants"`
	MutantsError     int       `json:"mutants_error"`
	PerCWE           []CWERow  `json:"per_cwe"`
	SafeLatency      Latency   `json:"safe_latency"`
	UnsafeLatency    Latency   `json:"unsafe_latency"`
	Outcomes         []Outcome `json:"outcomes"`
	WallSeconds      float64   `json:"wall_seconds"`
	ExecutorFailures int       `json:"executor_failures"`
}

// RunCorpus runs every program with at most parallel at a time.
func RunCorpus(ctx context.Context, progs []Program, run Executor, parallel int) (*Report, error) {
	if parallel < 1 {
		parallel = 1
	}
	start := time.Now()
	outcomes := make([]Outcome, len(progs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, parallel)
	for i := range progs {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			p := progs[i]
			t0 := time.Now()
			res, err := run(ctx, []byte(p.Source))
			o := Outcome{ID: p.ID, Safe: p.Safe, Mutant: p.Mutant, CWE: p.CWE, Risk: p.Risk, Seconds: time.Since(t0).Seconds()}
			switch {
			case err != nil:
				o.Status = ""
				o.Detail = "executor: " + err.Error()
			default:
				o.Status = res.Status
				o.Detail = describe(res)
			}
			outcomes[i] = o
		}(i)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return summarise(outcomes, time.Since(start)), nil
}

func describe(r *exec.Result) string {
	switch {
	case r.Limit != nil:
		return "limit " + r.Limit.Kind + ": " + r.Limit.Detail
	case len(r.Violations) > 0:
		v := r.Violations[0]
		return fmt.Sprintf("violation %s: %s (line %d)", v.Kind, v.Detail, v.Line)
	case r.Exception != nil:
		return fmt.Sprintf("%s: %s (line %d)", r.Exception.Type, r.Exception.Message, r.Exception.Line)
	case r.Status == exec.StatusBlocked && len(r.Findings) > 0:
		b, _ := json.Marshal(r.Findings[0])
		return "blocked by " + string(b)
	}
	return ""
}

func summarise(outcomes []Outcome, wall time.Duration) *Report {
	rep := &Report{Outcomes: outcomes, WallSeconds: wall.Seconds()}
	cwes := map[int]*CWERow{}
	var safeT, unsafeT []float64
	for _, o := range outcomes {
		if o.Status == "" {
			rep.ExecutorFailures++
		}
		switch {
		case o.Mutant:
			rep.Mutants++
			if o.Status == exec.StatusError {
				rep.MutantsError++
			}
		case o.Safe:
			rep.Safe++
			if o.Status != exec.StatusBlocked && o.Status != "" {
				rep.SafeAllowed++
			}
			if o.Status == exec.StatusOK {
				rep.SafeOK++
			}
			safeT = append(safeT, o.Seconds*1000)
		default:
			rep.Unsafe++
			row := cwes[o.CWE]
			if row == nil {
				row = &CWERow{CWE: o.CWE, Risk: o.Risk}
				cwes[o.CWE] = row
			}
			row.Total++
			if o.Blocked() {
				rep.UnsafeBlocked++
				row.Blocked++
				if o.Status == exec.StatusBlocked {
					row.Static++
				}
			}
			unsafeT = append(unsafeT, o.Seconds*1000)
		}
	}
	rep.TBR = ratio(rep.UnsafeBlocked, rep.Unsafe)
	rep.TAR = ratio(rep.SafeAllowed, rep.Safe)
	rep.Correctness = ratio(rep.SafeOK, rep.Safe)
	for _, r := range cwes {
		rep.PerCWE = append(rep.PerCWE, *r)
	}
	sort.Slice(rep.PerCWE, func(i, j int) bool { return rep.PerCWE[i].CWE < rep.PerCWE[j].CWE })
	rep.SafeLatency = latency(safeT)
	rep.UnsafeLatency = latency(unsafeT)
	return rep
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func latency(ms []float64) Latency {
	s := Summarize(ms)
	return Latency{MedianMS: s.P50MS, P95MS: s.P95MS, MeanMS: s.MeanMS, MaxMS: s.MaxMS}
}

// Percentile of sorted values, nearest-rank with linear interpolation.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	if len(sorted) == 1 {
		return sorted[0]
	}
	pos := p / 100 * float64(len(sorted)-1)
	lo := int(pos)
	if lo >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[lo+1]-sorted[lo])
}
