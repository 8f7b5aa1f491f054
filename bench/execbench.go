package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ExecTools are the ways one safe program is run.
type ExecTools struct {
	// Daemon runs `stelp run FILE`, the default way, as a fresh process
	// that hands the program to a warm daemon (end to end: start, check,
	// transpile, the round trip to the daemon, exit) and returns its
	// status; nil leaves it out.
	Daemon func(ctx context.Context, path string) (string, error)
	// OneShot runs `stelp run --no-daemon FILE` as a fresh process (end
	// to end: start, check, transpile, a fresh worker, exit) and returns
	// its status.
	OneShot func(ctx context.Context, path string) (string, error)
	// Python runs a fresh `python3 -I -S FILE`; an error is a non-zero exit.
	Python func(ctx context.Context, path string) error
	// Warm runs the source through the server's code path
	// (pipeline.Execute on a warm exec.Pool) and returns its status and
	// the wall time the worker reported for the run itself (usage.wall_ms).
	Warm func(ctx context.Context, src []byte) (status string, workerMS float64, err error)
}

// ExecProgram is one program's medians over the repetitions.
//
// The stelp_run fields are `stelp run --no-daemon` (a one-shot worker),
// which is what `stelp run` was before it had a daemon, so reports saved
// then read the same; the daemon fields are absent from those.
type ExecProgram struct {
	ID         string  `json:"id"`
	DaemonMS   float64 `json:"stelp_run_daemon_ms,omitempty"`
	StelpRunMS float64 `json:"stelp_run_ms"`
	PythonMS   float64 `json:"python_ms"`
	WarmMS     float64 `json:"warm_ms"`
	WorkerMS   float64 `json:"worker_ms"` // of WarmMS, inside the worker
	// BackToBackMS is the warm pool's time with the executions back to
	// back (absent from reports saved before it was measured).
	BackToBackMS float64 `json:"warm_back_to_back_ms,omitempty"`
	DaemonRatio  float64 `json:"stelp_run_daemon_over_python,omitempty"`
	Ratio        float64 `json:"stelp_run_over_python"`
	DaemonStatus string  `json:"stelp_daemon_status,omitempty"`
	StelpStatus  string  `json:"stelp_status"`
	WarmStatus   string  `json:"warm_status"`
	PythonErr    string  `json:"python_error,omitempty"`
}

// ExecReport compares execution latency in one run.
type ExecReport struct {
	Programs []ExecProgram `json:"programs"`
	Reps     int           `json:"reps"`
	// Over every sample (programs × repetitions). Daemon is `stelp run`,
	// StelpRun `stelp run --no-daemon`.
	Daemon   Summary `json:"stelp_run_daemon"`
	StelpRun Summary `json:"stelp_run"`
	Python   Summary `json:"python"`
	// Warm is the warm pool interleaved with the process launches of the
	// other ways, which leave it cold caches.
	Warm Summary `json:"warm"`
	// WarmWorker is the part of Warm spent inside the worker running the
	// program (its own usage.wall_ms); the rest is check, transpile and
	// the round trip.
	WarmWorker Summary `json:"warm_worker"`
	// BackToBack is the warm pool as a language server in use sees it:
	// every program, reps times, one execution after the other with no
	// process started in between. BackToBackWorker is its part inside
	// the worker.
	BackToBack       Summary `json:"warm_back_to_back"`
	BackToBackWorker Summary `json:"warm_back_to_back_worker"`
	// DaemonMedianRatio is the median over programs of stelp run (on the
	// warm daemon) / python3, each a median over repetitions: the
	// issue's target is ≤ 1.0. MedianRatio is the same for
	// --no-daemon.
	DaemonMedianRatio float64 `json:"daemon_median_ratio,omitempty"`
	MedianRatio       float64 `json:"median_ratio"`
	// The overall medians over python3's.
	DaemonRatioOfMedians float64 `json:"daemon_ratio_of_medians,omitempty"`
	RatioOfMedians       float64 `json:"ratio_of_medians"`
	// WarmOverPython is the warm median over python3's.
	WarmOverPython float64 `json:"warm_over_python"`
	// NotOK lists programs whose status was not ok in any way.
	NotOK      []string `json:"not_ok"`
	LoadBefore string   `json:"load_before"`
	LoadAfter  string   `json:"load_after"`
}

// RunExec runs every safe file reps times with each tool, interleaved per
// program and rotating which tool goes first, so neither a cache warmed by
// the previous run nor a change of load favours one tool.
func RunExec(ctx context.Context, dir string, files []File, tools ExecTools, reps int) (*ExecReport, error) {
	return runExec(ctx, dir, files, tools, reps, time.Now)
}

func runExec(ctx context.Context, dir string, files []File, tools ExecTools, reps int, now func() time.Time) (*ExecReport, error) {
	if reps < 1 {
		reps = 1
	}
	var safe []File
	for _, f := range files {
		if f.Program.Safe && !f.Program.Mutant {
			safe = append(safe, f)
		}
	}
	if len(safe) == 0 {
		return nil, fmt.Errorf("no safe programs to run")
	}
	rep := &ExecReport{Reps: reps, LoadBefore: LoadAvg()}
	var allDaemon, allRun, allPy, allWarm, allWorker []float64
	srcs := make([][]byte, 0, len(safe))
	for _, f := range safe {
		path := filepath.Join(dir, f.Name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, src)
		var daemon, run, py, warm, worker []float64
		p := ExecProgram{ID: f.Program.ID}
		// Each way, timed; a failure of stelp itself ends the run.
		ways := []func() error{
			func() error {
				st, err := tools.OneShot(ctx, path)
				if err != nil {
					return fmt.Errorf("%s: stelp run --no-daemon: %w", f.Program.ID, err)
				}
				p.StelpStatus = worst(p.StelpStatus, st)
				return nil
			},
			func() error {
				if err := tools.Python(ctx, path); err != nil {
					p.PythonErr = err.Error()
				}
				return nil
			},
			func() error {
				st, inner, err := tools.Warm(ctx, src)
				if err != nil {
					return fmt.Errorf("%s: warm pool: %w", f.Program.ID, err)
				}
				worker = append(worker, inner)
				p.WarmStatus = worst(p.WarmStatus, st)
				return nil
			},
		}
		samples := []*[]float64{&run, &py, &warm}
		if tools.Daemon != nil {
			ways = append(ways, func() error {
				st, err := tools.Daemon(ctx, path)
				if err != nil {
					return fmt.Errorf("%s: stelp run: %w", f.Program.ID, err)
				}
				p.DaemonStatus = worst(p.DaemonStatus, st)
				return nil
			})
			samples = append(samples, &daemon)
		}
		for r := 0; r < reps; r++ {
			for k := range ways {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				i := (r + k) % len(ways)
				t0 := now()
				if err := ways[i](); err != nil {
					return nil, err
				}
				*samples[i] = append(*samples[i], ms(now().Sub(t0)))
			}
		}
		p.StelpRunMS, p.PythonMS, p.WarmMS, p.WorkerMS = Median(run), Median(py), Median(warm), Median(worker)
		p.Ratio = Ratio(p.StelpRunMS, p.PythonMS)
		if tools.Daemon != nil {
			p.DaemonMS = Median(daemon)
			p.DaemonRatio = Ratio(p.DaemonMS, p.PythonMS)
		}
		if p.StelpStatus != "ok" || p.WarmStatus != "ok" || p.PythonErr != "" || tools.Daemon != nil && p.DaemonStatus != "ok" {
			daemonNote := ""
			if tools.Daemon != nil {
				daemonNote = "stelp run " + p.DaemonStatus + ", "
			}
			rep.NotOK = append(rep.NotOK, fmt.Sprintf("%s: %sstelp run --no-daemon %s, warm %s, python3 %s",
				p.ID, daemonNote, p.StelpStatus, p.WarmStatus, orOK(p.PythonErr)))
		}
		rep.Programs = append(rep.Programs, p)
		allDaemon = append(allDaemon, daemon...)
		allRun = append(allRun, run...)
		allPy = append(allPy, py...)
		allWarm = append(allWarm, warm...)
		allWorker = append(allWorker, worker...)
	}
	if err := backToBack(ctx, rep, srcs, tools.Warm, reps, now); err != nil {
		return nil, err
	}
	rep.StelpRun, rep.Python, rep.Warm = Summarize(allRun), Summarize(allPy), Summarize(allWarm)
	rep.WarmWorker = Summarize(allWorker)
	ratios := make([]float64, 0, len(rep.Programs))
	var daemonRatios []float64
	for _, p := range rep.Programs {
		ratios = append(ratios, p.Ratio)
		if tools.Daemon != nil {
			daemonRatios = append(daemonRatios, p.DaemonRatio)
		}
	}
	rep.MedianRatio = Median(ratios)
	rep.RatioOfMedians = Ratio(rep.StelpRun.P50MS, rep.Python.P50MS)
	if tools.Daemon != nil {
		rep.Daemon = Summarize(allDaemon)
		rep.DaemonMedianRatio = Median(daemonRatios)
		rep.DaemonRatioOfMedians = Ratio(rep.Daemon.P50MS, rep.Python.P50MS)
	}
	rep.WarmOverPython = Ratio(rep.Warm.P50MS, rep.Python.P50MS)
	rep.LoadAfter = LoadAvg()
	return rep, nil
}

// backToBack runs every program on the warm pool reps times, one
// execution right after the other, after the interleaved runs: the
// latency of a server's warm pool in use, without the caches other
// processes' launches left cold. srcs are rep.Programs' sources.
func backToBack(ctx context.Context, rep *ExecReport, srcs [][]byte, warm func(context.Context, []byte) (string, float64, error), reps int, now func() time.Time) error {
	per := make([][]float64, len(srcs))
	var all, worker []float64
	for r := 0; r < reps; r++ {
		for i, src := range srcs {
			if err := ctx.Err(); err != nil {
				return err
			}
			t0 := now()
			st, inner, err := warm(ctx, src)
			if err != nil {
				return fmt.Errorf("%s: warm pool: %w", rep.Programs[i].ID, err)
			}
			d := ms(now().Sub(t0))
			p := &rep.Programs[i]
			p.WarmStatus = worst(p.WarmStatus, st)
			per[i] = append(per[i], d)
			all = append(all, d)
			worker = append(worker, inner)
		}
	}
	for i := range per {
		rep.Programs[i].BackToBackMS = Median(per[i])
	}
	rep.BackToBack, rep.BackToBackWorker = Summarize(all), Summarize(worker)
	return nil
}

// WarmTarget is the warm pool's summary the issue-8 target is judged on:
// back to back, or, in reports saved before that was measured, the
// interleaved runs.
func (r *ExecReport) WarmTarget() Summary {
	if r.BackToBack.N > 0 {
		return r.BackToBack
	}
	return r.Warm
}

// TargetRatio is the issue-8 figure: the median per-program ratio of
// `stelp run` over python3, on the daemon when it was measured (reports
// from before the daemon have only the one-shot figure, which was then
// what `stelp run` did).
func (r *ExecReport) TargetRatio() float64 {
	if r.Daemon.N > 0 {
		return r.DaemonMedianRatio
	}
	return r.MedianRatio
}

// Series returns per-program medians of each tool, sorted, for the plot.
func (r *ExecReport) Series() []Series {
	var daemon, run, py, warm []float64
	for _, p := range r.Programs {
		daemon = append(daemon, p.DaemonMS)
		run = append(run, p.StelpRunMS)
		py = append(py, p.PythonMS)
		if p.BackToBackMS > 0 {
			warm = append(warm, p.BackToBackMS)
		} else {
			warm = append(warm, p.WarmMS)
		}
	}
	out := []Series{{Name: "stelp, warm pool (server path)", Values: warm}}
	if r.Daemon.N > 0 {
		out = append(out, Series{Name: "stelp run (warm daemon)", Values: daemon})
	}
	out = append(out,
		Series{Name: "stelp run --no-daemon (one-shot worker)", Values: run},
		Series{Name: "python3 -I -S (fresh)", Values: py},
	)
	for _, s := range out {
		sort.Float64s(s.Values)
	}
	return out
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// worst keeps the first non-ok status seen across repetitions, so a
// program that failed once is not reported as ok.
func worst(prev, cur string) string {
	if prev == "" || prev == "ok" {
		return cur
	}
	return prev
}

func orOK(s string) string {
	if s == "" {
		return "ok"
	}
	return "failed (" + strings.TrimSpace(s) + ")"
}

// LoadAvg is the 1, 5 and 15 minute load averages from /proc/loadavg, or
// "" where there is none. Every figure is printed beside it: on a shared
// machine the load explains more variance than anything else.
func LoadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
