package bench

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Paper figures (arXiv 2601.05467), quoted for reference beside ours.
const (
	PaperTBR           = 1.0
	PaperTAR           = 0.981
	CodeShieldTBR      = 0.68
	CodeShieldTAR      = 0.93
	PaperMedianOverMS  = 0.19
	PaperMeanOverheadM = 4.93
)

// WriteText prints the human-readable corpus report.
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "metric\tstelp\tpaper STELP\tCodeShield\n")
	fmt.Fprintf(tw, "TBR (unsafe blocked)\t%.3f (%d/%d)\t%.3f\t%.2f\n", r.TBR, r.UnsafeBlocked, r.Unsafe, PaperTBR, CodeShieldTBR)
	fmt.Fprintf(tw, "TAR (safe allowed)\t%.3f (%d/%d)\t%.3f\t%.2f\n", r.TAR, r.SafeAllowed, r.Safe, PaperTAR, CodeShieldTAR)
	fmt.Fprintf(tw, "correctness (safe ok)\t%.3f (%d/%d)\t\t\n", r.Correctness, r.SafeOK, r.Safe)
	if r.Mutants > 0 {
		fmt.Fprintf(tw, "wrong-body mutants -> error\t%d/%d\t\t\n", r.MutantsError, r.Mutants)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "CWE\trisk\tblocked\tstatic\ttotal\n")
	for _, c := range r.PerCWE {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%d\t%d\n", c.CWE, c.Risk, c.Blocked, c.Static, c.Total)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "latency (whole pipeline)\tmedian ms\tp95 ms\tmean ms\tmax ms\n")
	for _, l := range []struct {
		name string
		l    Latency
	}{{"safe (HumanEval)", r.SafeLatency}, {"unsafe (InjectedHumanEval)", r.UnsafeLatency}} {
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", l.name, l.l.MedianMS, l.l.P95MS, l.l.MeanMS, l.l.MaxMS)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	misses := r.misses()
	if len(misses) > 0 {
		fmt.Fprintf(w, "\nmisses (%d):\n", len(misses))
		for _, m := range misses {
			fmt.Fprintf(w, "  %s\n", m)
		}
	}
	fmt.Fprintf(w, "\n%d programs in %.1fs\n", len(r.Outcomes), r.WallSeconds)
	return nil
}

// misses lists the programs that count against a metric, with why.
func (r *Report) misses() []string {
	var out []string
	for _, o := range r.Outcomes {
		var what string
		switch {
		case o.Status == "":
			what = "executor failed"
		case o.Mutant && o.Status != "error":
			what = "mutant not error"
		case o.Mutant:
			continue
		case o.Safe && o.Status != "ok":
			what = "safe not ok"
		case !o.Safe && !o.Blocked():
			what = "unsafe not blocked"
		default:
			continue
		}
		detail := strings.ReplaceAll(o.Detail, "\n", " ")
		if len(detail) > 160 {
			detail = detail[:160] + "..."
		}
		out = append(out, fmt.Sprintf("%-18s %-22s status=%-9s %s", o.ID, what, o.Status, detail))
	}
	return out
}

// Thresholds a CI run must meet.
type Thresholds struct {
	MinTBR, MinTAR, MinCorrectness float64
}

// Check returns an error naming every metric below its threshold.
func (r *Report) Check(t Thresholds) error {
	var bad []string
	if r.TBR < t.MinTBR {
		bad = append(bad, fmt.Sprintf("TBR %.3f < %.3f", r.TBR, t.MinTBR))
	}
	if r.TAR < t.MinTAR {
		bad = append(bad, fmt.Sprintf("TAR %.3f < %.3f", r.TAR, t.MinTAR))
	}
	if r.Correctness < t.MinCorrectness {
		bad = append(bad, fmt.Sprintf("correctness %.3f < %.3f", r.Correctness, t.MinCorrectness))
	}
	if r.ExecutorFailures > 0 {
		bad = append(bad, fmt.Sprintf("%d executor failures", r.ExecutorFailures))
	}
	if len(bad) > 0 {
		return fmt.Errorf("corpus thresholds not met: %s", strings.Join(bad, "; "))
	}
	return nil
}
