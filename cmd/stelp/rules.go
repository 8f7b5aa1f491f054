package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

const rulesHelp = `List stelp's rules: ID, name, default severity, CWE, category, whether an
automatic fix exists, and what each one catches. With RULE (an ID such as
SP101 or a name such as eval-call), explain that one rule in full: why it
matters, an example it flags and the safe alternative.

--format markdown prints docs/rules.md as generated from the registry.`

// jsonRule is the `stelp rules --format json` shape.
type jsonRule struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	CWE      int    `json:"cwe"`
	Category string `json:"category"`
	Bandit   string `json:"bandit,omitempty"`
	Summary  string `json:"summary"`
	Why      string `json:"why"`
	Bad      string `json:"bad"`
	Good     string `json:"good"`
	Fix      bool   `json:"fix"`
}

func runRules(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("rules", "[--format text|json|markdown] [RULE...]", rulesHelp)
	format := newChoice("text", "text", "json", "markdown")
	fs.Var(format, "format", "output `format`: text, json or markdown")
	names, code, ok := parseFlags(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	rules := analysis.Registry()
	if len(names) > 0 {
		if format.val == "markdown" {
			return usageErr(fs, stderr, "--format markdown prints the whole catalogue; leave out %q", names[0])
		}
		rules = rules[:0]
		for _, n := range names {
			r := analysis.RuleByID(n)
			if r == nil {
				fmt.Fprintf(stderr, "stelp rules: unknown rule %q; run 'stelp rules' for the list\n", n)
				return exitUsage
			}
			rules = append(rules, r)
		}
	}

	out := bufio.NewWriter(stdout)
	switch {
	case format.val == "markdown":
		fmt.Fprint(out, analysis.DocsMarkdown())
	case format.val == "json":
		list := make([]jsonRule, 0, len(rules))
		for _, r := range rules {
			list = append(list, jsonRule{
				ID: r.ID, Name: r.Name, Severity: string(r.Severity), CWE: r.CWE,
				Category: string(r.Category), Bandit: r.Bandit, Summary: r.Summary,
				Why: r.Why, Bad: r.Bad, Good: r.Good, Fix: r.HasFix,
			})
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			fmt.Fprintf(stderr, "stelp rules: %v\n", err)
			return exitUsage
		}
	case len(names) > 0:
		for i, r := range rules {
			if i > 0 {
				fmt.Fprintln(out)
			}
			explain(out, r)
		}
	default:
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tCWE\tCATEGORY\tFIX\tSUMMARY")
		for _, r := range rules {
			fix := ""
			if r.HasFix {
				fix = "yes"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, cweLabel(r.CWE), r.Category, fix, r.Summary)
		}
		tw.Flush()
		fmt.Fprintf(out, "\n%d rules. 'stelp rules RULE' explains one; set severities in .stelp.yaml under rules:.\n", len(rules))
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "stelp rules: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func cweLabel(cwe int) string {
	if cwe == 0 {
		return "-"
	}
	return fmt.Sprintf("CWE-%d", cwe)
}

// explain prints one rule in full, like `ruff rule`.
func explain(w io.Writer, r *analysis.Rule) {
	fmt.Fprintf(w, "%s %s: %s\n\n", r.ID, r.Name, r.Summary)
	fmt.Fprintf(w, "Severity: %s (change it in .stelp.yaml: rules: {%s: %s})\n", r.Severity, r.ID, otherSeverity(r.Severity))
	fmt.Fprintf(w, "Category: %s\n", r.Category)
	if r.CWE != 0 {
		fmt.Fprintf(w, "CWE:      %s (https://cwe.mitre.org/data/definitions/%d.html)\n", cweLabel(r.CWE), r.CWE)
	}
	if r.Bandit != "" {
		fmt.Fprintf(w, "Bandit:   %s\n", r.Bandit)
	}
	if r.HasFix {
		fmt.Fprintln(w, "Fix:      an automatic rewrite is available")
	}
	if why := strings.TrimSpace(r.Why); why != "" {
		fmt.Fprintf(w, "\n%s\n", why)
	}
	if bad := strings.TrimSpace(r.Bad); bad != "" {
		fmt.Fprintf(w, "\nFlagged:\n%s\n", indent(bad))
	}
	if good := strings.TrimSpace(r.Good); good != "" {
		fmt.Fprintf(w, "\nInstead:\n%s\n", indent(good))
	}
}

func otherSeverity(s policy.Severity) policy.Severity {
	if s == policy.SeverityError {
		return policy.SeverityWarning
	}
	return policy.SeverityError
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
