package server

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/exec"
)

// Feedback texts are for an LLM repairing its own code: short, one
// problem per line, each saying where, what and what to do instead.

const maxFeedbackItems = 10

func (s *Server) checkFeedback(ix *lineIndex, findings []analysis.Finding) string {
	if len(findings) == 0 {
		return "No problems found."
	}
	var errs, others int
	for _, f := range findings {
		if f.Severity == "error" {
			errs++
		} else {
			others++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem%s found", len(findings), plural(len(findings), "", "s"))
	if errs > 0 {
		fmt.Fprintf(&b, " (%d blocking execution)", errs)
	}
	b.WriteString(":")
	s.writeFindings(&b, ix, findings)
	return b.String()
}

func (s *Server) writeFindings(b *strings.Builder, ix *lineIndex, findings []analysis.Finding) {
	for i, f := range findings {
		if i == maxFeedbackItems {
			fmt.Fprintf(b, "\n... and %d more.", len(findings)-i)
			break
		}
		b.WriteString("\n")
		b.WriteString(s.findingSentence(ix, f))
	}
}

// findingSentence: "Line 3 (`y = eval(s)`): eval() runs arbitrary code;
// <why>." The source line lets a model find the spot without counting.
func (s *Server) findingSentence(ix *lineIndex, f analysis.Finding) string {
	what := strings.TrimRight(f.Message, ". ")
	advice := ""
	if info, ok := s.engine.Rule(f.Rule); ok {
		if what == "" {
			what = strings.TrimRight(info.Summary, ". ")
		}
		advice = strings.TrimRight(info.Advice, ". ")
	}
	out := fmt.Sprintf("Line %d%s: %s", f.Range.Start.Line+1, excerpt(ix, f.Range.Start.Line), what)
	if advice != "" {
		out += "; " + lowerFirst(advice)
	}
	out += "."
	if f.Fix != nil && f.Fix.Title != "" {
		kind := "safe"
		if f.Fix.Applicability != analysis.FixSafe {
			kind = "changes behaviour"
		}
		out += fmt.Sprintf(" (Available fix, %s: %s.)", kind, strings.TrimRight(f.Fix.Title, ". "))
	}
	return out
}

func lowerFirst(s string) string {
	if s == "" || len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z' { // keep acronyms
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (s *Server) executeFeedback(ix *lineIndex, res *exec.Result, findings []analysis.Finding) string {
	switch res.Status {
	case exec.StatusOK:
		if res.Stdout == "" {
			return "The program ran to completion without printing anything."
		}
		return "The program ran to completion."
	case exec.StatusBlocked:
		var b strings.Builder
		b.WriteString("Not run: the code uses constructs that are not allowed.")
		var blocking []analysis.Finding
		for _, f := range findings {
			if f.Severity == "error" {
				blocking = append(blocking, f)
			}
		}
		s.writeFindings(&b, ix, blocking)
		b.WriteString("\nRewrite these lines without those constructs (only allowed modules and builtins), then run again.")
		return b.String()
	case exec.StatusError:
		if e := res.Exception; e != nil {
			out := fmt.Sprintf("The program raised %s%s%s: %s.", e.Type, atLine(e.Line), excerpt(ix, e.Line-1), strings.TrimRight(e.Message, ". "))
			if vals := valuesBefore(res.Trace, e.Line); vals != "" {
				out += " Last values: " + vals + "."
			}
			return out
		}
		return "The program failed: " + strings.TrimSpace(res.Stderr)
	case exec.StatusViolation:
		if len(res.Violations) == 0 {
			return "A runtime guard stopped the program."
		}
		v := res.Violations[0]
		return fmt.Sprintf("A runtime guard stopped the program%s%s: %s (%s access is not allowed here). Do the work without it, using only allowed modules and builtins.",
			atLine(v.Line), excerpt(ix, v.Line-1), strings.TrimRight(v.Detail, ". "), v.Kind)
	case exec.StatusLimit:
		if res.Limit == nil {
			return "A resource limit stopped the program."
		}
		return fmt.Sprintf("The %s limit stopped the program: %s. %s", res.Limit.Kind, strings.TrimRight(res.Limit.Detail, ". "), limitAdvice(res.Limit.Kind))
	}
	return "Run finished with status " + string(res.Status) + "."
}

func atLine(line int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf(" at line %d", line)
}

func limitAdvice(kind string) string {
	switch kind {
	case "time", "steps":
		return "Look for a loop that never ends or work that grows too fast with the input."
	case "memory":
		return "Avoid building very large lists, strings or numbers."
	case "recursion":
		return "Make the recursion stop sooner, or use a loop."
	case "output":
		return "Print less."
	}
	return ""
}

func (s *Server) fixAllFeedback(ix *lineIndex, applied int, remaining []analysis.Finding) string {
	var b strings.Builder
	if applied == 0 {
		b.WriteString("No safe fixes to apply.")
	} else {
		fmt.Fprintf(&b, "Applied %d safe fix%s.", applied, plural(applied, "", "es"))
	}
	if len(remaining) == 0 {
		b.WriteString(" No problems remain.")
		return b.String()
	}
	fmt.Fprintf(&b, " %d problem%s remain%s, to fix by hand:", len(remaining), plural(len(remaining), "", "s"), plural(len(remaining), "s", ""))
	s.writeFindings(&b, ix, remaining)
	return b.String()
}

// examplesFeedback: " 1 of 2 docstring examples failed: f(3) gave 5, the
// docstring expects 6."
func examplesFeedback(checks []exampleCheck) string {
	var bad []string
	for _, c := range checks {
		switch {
		case !c.Ran:
			bad = append(bad, fmt.Sprintf("%s did not complete", c.Call))
		case !c.OK:
			bad = append(bad, fmt.Sprintf("%s gave %s, the docstring expects %s", c.Call, c.Got, c.Want))
		}
	}
	if len(checks) == 0 {
		return ""
	}
	if len(bad) == 0 {
		return fmt.Sprintf(" All %d docstring example%s gave the expected value.", len(checks), plural(len(checks), "", "s"))
	}
	return fmt.Sprintf(" %d of %d docstring example%s failed: %s.", len(bad), len(checks), plural(len(checks), "", "s"), strings.Join(bad, "; "))
}

// maxExcerpt bounds the quoted source line in feedback.
const maxExcerpt = 60

// excerpt quotes a 0-based line: " (`x = eval(s)`)", shortened with "…".
func excerpt(ix *lineIndex, line int) string {
	if ix == nil || line < 0 || line >= len(ix.starts) {
		return ""
	}
	text := strings.TrimSpace(string(ix.text[ix.starts[line]:ix.lineEnd(line)]))
	if text == "" || strings.Contains(text, "`") {
		return ""
	}
	if r := []rune(text); len(r) > maxExcerpt {
		text = string(r[:maxExcerpt-1]) + "…"
	}
	return " (`" + text + "`)"
}

// maxFeedbackValues bounds the trace values quoted after an exception.
const maxFeedbackValues = 4

// valuesBefore lists the last values assigned on the traced lines up to
// line (nearest first): "total = 6 (line 6), i = 3 (line 5)".
func valuesBefore(trace []exec.TraceLine, line int) string {
	if line <= 0 {
		return ""
	}
	var parts []string
	for i := len(trace) - 1; i >= 0 && len(parts) < maxFeedbackValues; i-- {
		t := trace[i]
		if t.Line > line || len(t.Values) == 0 {
			continue
		}
		names := make([]string, 0, len(t.Values))
		for n := range t.Values {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if len(parts) < maxFeedbackValues {
				parts = append(parts, fmt.Sprintf("%s = %s (line %d)", n, t.Values[n], t.Line))
			}
		}
	}
	return strings.Join(parts, ", ")
}
