package fix

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

// Measurement is what safe fix-all does to the paper's corpora (issue 5's
// closing figures).
type Measurement struct {
	Unsafe        int            // InjectedHumanEval programs measured
	Fixed         int            // of those, programs fix-all changed
	Fixes         int            // fixes applied in all
	Clean         int            // programs with no error finding left after safe fixes
	CleanPass     int            // of the clean ones, programs whose own tests pass under stelp (status ok)
	CleanStatuses map[string]int // status of each clean program's run
	// OriginalOK lists clean programs that fail under stelp after the
	// fixes although the original, run with the gate off, passed: what
	// the fixes broke (want none). Originals stopped by a runtime guard
	// (eval, exec) cannot be compared and are not listed.
	OriginalOK  []string
	Safe        int            // HumanEval programs measured
	SafeChanged []string       // HumanEval programs fix-all changed (want none)
	ByRule      map[string]int // fixes applied by rule, from the first round
}

// Program is one corpus program to measure (bench.Program carries the
// same fields; this package does not depend on bench).
type Program struct {
	ID     string
	Safe   bool // HumanEval (must not change) or InjectedHumanEval
	Source string
}

// Measure applies safe fix-all to every program, checks what is left, and
// runs the unsafe programs left without error findings through run (the
// gated pipeline), counting those whose own tests pass.
// ungated runs a program with the gate off (for the comparison with the
// original).
func Measure(ctx context.Context, progs []Program, pol *policy.Policy, run, ungated func(ctx context.Context, src []byte) (*exec.Result, error)) (*Measurement, error) {
	if pol == nil {
		pol = policy.Default()
	}
	m := &Measurement{CleanStatuses: map[string]int{}, ByRule: map[string]int{}}
	for _, p := range progs {
		src := []byte(p.Source)
		out, n, err := All(ctx, src, pol, false)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.ID, err)
		}
		if p.Safe {
			m.Safe++
			if string(out) != p.Source {
				m.SafeChanged = append(m.SafeChanged, p.ID)
			}
			continue
		}
		m.Unsafe++
		m.Fixes += n
		if n > 0 {
			m.Fixed++
			for _, f := range Attach(ctx, src, analysis.Check(ctx, src, pol)) {
				if f.Fix != nil && f.Fix.Applicability == analysis.FixSafe {
					m.ByRule[f.Rule]++
				}
			}
		}
		if hasError(analysis.Check(ctx, out, pol)) {
			continue
		}
		m.Clean++
		res, err := run(ctx, out)
		if err != nil {
			return nil, fmt.Errorf("%s: run: %w", p.ID, err)
		}
		m.CleanStatuses[string(res.Status)]++
		if res.Status == exec.StatusOK {
			m.CleanPass++
			continue
		}
		orig, err := ungated(ctx, src)
		if err != nil {
			return nil, fmt.Errorf("%s: run original: %w", p.ID, err)
		}
		if orig.Status == exec.StatusOK {
			m.OriginalOK = append(m.OriginalOK, p.ID)
		}
	}
	return m, nil
}

func hasError(fs []analysis.Finding) bool {
	for _, f := range fs {
		if f.Severity == policy.SeverityError {
			return true
		}
	}
	return false
}

// WriteText prints the figures.
func (m *Measurement) WriteText(w io.Writer) error {
	_, err := fmt.Fprintf(w, "InjectedHumanEval: %d programs, %d changed by safe fix-all (%d fixes)\n"+
		"  no error finding left after safe fixes: %d\n"+
		"  of those, own tests pass under stelp (gate on): %d  statuses %v\n"+
		"  failing after the fixes although the original passed (gate off): %d %v\n"+
		"  safe fixes by rule (first round): %v\n"+
		"HumanEval: %d programs, %d changed by fix-all %v\n",
		m.Unsafe, m.Fixed, m.Fixes, m.Clean, m.CleanPass, m.CleanStatuses, len(m.OriginalOK), m.OriginalOK, sortedCounts(m.ByRule),
		m.Safe, len(m.SafeChanged), m.SafeChanged)
	return err
}

func sortedCounts(c map[string]int) []string {
	var out []string
	for k, v := range c {
		out = append(out, fmt.Sprintf("%s=%d", k, v))
	}
	sort.Strings(out)
	return out
}
