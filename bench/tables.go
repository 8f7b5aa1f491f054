package bench

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Table is a header and rows of cells, rendered for the terminal or as
// Markdown from the same data so the two never disagree.
type Table struct {
	Head []string
	Rows [][]string
}

// WriteText renders aligned columns.
func (t Table) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.Head, "\t"))
	for _, r := range t.Rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// WriteMarkdown renders a GitHub-flavoured Markdown table; a | in a cell
// is escaped so it cannot split the cell.
func (t Table) WriteMarkdown(w io.Writer) error {
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	row := func(cells []string) string {
		out := make([]string, len(t.Head))
		for i := range out {
			if i < len(cells) {
				out[i] = cell(cells[i])
			}
		}
		return "| " + strings.Join(out, " | ") + " |\n"
	}
	var b strings.Builder
	b.WriteString(row(t.Head))
	seps := make([]string, len(t.Head))
	for i := range seps {
		seps[i] = "---"
	}
	b.WriteString("|" + strings.Join(seps, "|") + "|\n")
	for _, r := range t.Rows {
		b.WriteString(row(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
func f2(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
func f3(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

func frac(n, d int) string {
	return fmt.Sprintf("%s (%d/%d)", f3(ratio(n, d)), n, d)
}

// DetectTable is the detection comparison.
func (r *DetectReport) Table() Table {
	t := Table{Head: []string{"detector", "unsafe flagged", "HumanEval flagged", "files/s", "median s per pass", "CPU ms per file"}}
	for _, d := range r.Tools {
		t.Rows = append(t.Rows, []string{d.Tool, frac(d.UnsafeFlagged, d.Unsafe), frac(d.SafeFlagged, d.Safe),
			f1(d.FilesPerSecond), f3(Median(d.Seconds)), f3(d.CPUMSPerFile)})
	}
	return t
}

// Table is the execution comparison, paper figures beside ours.
func (r *ExecReport) Table() Table {
	t := Table{Head: []string{"per HumanEval program", "p50 ms", "p95 ms", "mean ms", "vs python3 p50"}}
	add := func(name string, s Summary, vs string) {
		t.Rows = append(t.Rows, []string{name, f2(s.P50MS), f2(s.P95MS), f2(s.MeanMS), vs})
	}
	add("python3 -I -S (fresh process)", r.Python, "1.00×")
	if r.Daemon.N > 0 {
		add("stelp run (fresh process, warm daemon)", r.Daemon, f2(r.DaemonRatioOfMedians)+"× (per-program median ratio "+f2(r.DaemonMedianRatio)+"×)")
	}
	add("stelp run --no-daemon (fresh process, one-shot worker)", r.StelpRun, f2(r.RatioOfMedians)+"× (per-program median ratio "+f2(r.MedianRatio)+"×)")
	if r.BackToBack.N > 0 {
		add("stelp warm pool, back to back (pipeline.Execute, server path)", r.BackToBack, f2(Ratio(r.BackToBack.P50MS, r.Python.P50MS))+"×")
		add("  of which inside the worker (usage.wall_ms)", r.BackToBackWorker, "")
		add("stelp warm pool, interleaved with the launches above", r.Warm, f2(r.WarmOverPython)+"×")
	} else {
		add("stelp warm pool (pipeline.Execute, server path)", r.Warm, f2(r.WarmOverPython)+"×")
	}
	add("  of which inside the worker (usage.wall_ms)", r.WarmWorker, "")
	t.Rows = append(t.Rows, []string{"paper: STELP overhead", f2(PaperMedianOverMS), "", f2(PaperMeanOverheadM), ""})
	return t
}

// Target is one "done when" line of issue 8.
type Target struct {
	Name string `json:"name"`
	Want string `json:"want"`
	Got  string `json:"got"`
	Met  bool   `json:"met"`
	Load string `json:"load"`
}

// Targets evaluates the three targets on whatever was measured.
func Targets(d *DetectReport, e *ExecReport) []Target {
	var out []Target
	if d != nil {
		out = append(out, Target{Name: "stelp check throughput / Bandit's", Want: "≥ 20×",
			Got: f1(d.CLIOverBandit) + "×", Met: d.CLIOverBandit >= 20, Load: d.LoadAfter})
	}
	if e != nil {
		out = append(out,
			Target{Name: "stelp run / python3 -I -S, median per program", Want: "≤ 1.0×",
				Got: f2(e.TargetRatio()) + "×", Met: e.TargetRatio() > 0 && e.TargetRatio() <= 1.0, Load: e.LoadAfter},
			Target{Name: "warm execution p50" + warmHow(e), Want: "≤ 2 ms",
				Got: f2(e.WarmTarget().P50MS) + " ms", Met: e.WarmTarget().N > 0 && e.WarmTarget().P50MS <= 2, Load: e.LoadAfter})
	}
	return out
}

func warmHow(e *ExecReport) string {
	if e.BackToBack.N > 0 {
		return " (back to back)"
	}
	return ""
}

// TargetTable renders Targets.
func TargetTable(ts []Target) Table {
	t := Table{Head: []string{"target", "want", "measured", "met", "load (1/5/15 min)"}}
	for _, x := range ts {
		met := "no"
		if x.Met {
			met = "yes"
		}
		t.Rows = append(t.Rows, []string{x.Name, x.Want, x.Got, met, x.Load})
	}
	return t
}

// PaperTable quotes the paper's detection figures beside the corpus run.
func PaperTable(c *Report) Table {
	t := Table{Head: []string{"metric", "stelp (this run)", "paper STELP", "paper CodeShield"}}
	ours := func(s string) string {
		if c == nil {
			return "not run"
		}
		return s
	}
	var tbr, tar, cor string
	if c != nil {
		tbr, tar, cor = frac(c.UnsafeBlocked, c.Unsafe), frac(c.SafeAllowed, c.Safe), frac(c.SafeOK, c.Safe)
	}
	t.Rows = [][]string{
		{"TBR (unsafe blocked)", ours(tbr), f3(PaperTBR), f2(CodeShieldTBR)},
		{"TAR (safe allowed)", ours(tar), f3(PaperTAR), f2(CodeShieldTAR)},
		{"correctness (safe ok)", ours(cor), "", ""},
	}
	return t
}

// Machine describes where the figures were measured.
type Machine struct {
	CPU      string `json:"cpu"`
	Cores    int    `json:"cores"`
	MemoryGB string `json:"memory_gb"`
	Kernel   string `json:"kernel"`
	Go       string `json:"go"`
	Python   string `json:"python"`
	Bandit   string `json:"bandit"`
	Load     string `json:"load"`
}

// DescribeMachine reads what Linux exposes under /proc; fields it cannot
// read stay "unknown". python and bandit are the peers' version lines.
func DescribeMachine(python, bandit string) Machine {
	m := Machine{CPU: "unknown", Cores: runtime.NumCPU(), MemoryGB: "unknown", Kernel: "unknown",
		Go: runtime.Version(), Python: python, Bandit: bandit, Load: LoadAvg()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Fields(l)
			if len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					m.MemoryGB = f1(kb / (1 << 20))
				}
			}
		}
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = "Linux " + strings.TrimSpace(string(b))
	}
	return m
}

// Table renders the machine description.
func (m Machine) Table() Table {
	return Table{Head: []string{"machine", ""}, Rows: [][]string{
		{"CPU", m.CPU}, {"cores", strconv.Itoa(m.Cores)}, {"memory", m.MemoryGB + " GiB"}, {"kernel", m.Kernel},
		{"Go", m.Go}, {"python3", m.Python}, {"bandit", m.Bandit}, {"load at start (1/5/15 min)", m.Load},
	}}
}
