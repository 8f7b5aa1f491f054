package analysis

import (
	"fmt"
	"strings"
)

// DocsMarkdown renders the rule catalogue (docs/rules.md) from the registry.
func DocsMarkdown() string {
	var b strings.Builder
	rules := Registry()
	b.WriteString("# stelp rules\n\n")
	b.WriteString("<!-- Generated from the rule registry (analysis/rules_*.go) by `go test ./analysis -update`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "%d rules. IDs are stable and grouped by family: SP0xx engine, SP1xx code execution, "+
		"SP2xx reflection and sandbox escape, SP3xx imports, SP4xx process and command execution, SP5xx file system, "+
		"SP6xx network, SP7xx deserialization, SP8xx resource exhaustion, concurrency and leaks, "+
		"SP9xx crypto, secrets and injection.\n\n", len(rules))
	b.WriteString("Silence one finding with `# stelp: ignore[SP101] reason` on any line of the statement; " +
		"change a rule's severity (or turn it `off`) under `rules:` in `.stelp.yaml`.\n\n")
	b.WriteString("| ID | name | severity | category | CWE | Bandit | fix |\n|---|---|---|---|---|---|---|\n")
	for _, r := range rules {
		fix := ""
		if r.HasFix {
			fix = "yes"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID+"-"+r.Name), r.Name,
			r.Severity, r.Category, cweText(r.CWE), r.Bandit, fix)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s %s\n\n", r.ID, r.Name)
		fmt.Fprintf(&b, "%s.\n\n", strings.TrimSuffix(r.Summary, "."))
		fmt.Fprintf(&b, "- severity: %s\n- category: %s\n", r.Severity, r.Category)
		if r.CWE != 0 {
			fmt.Fprintf(&b, "- CWE: [CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)\n", r.CWE, r.CWE)
		}
		if r.Bandit != "" {
			fmt.Fprintf(&b, "- Bandit: %s\n", r.Bandit)
		}
		if r.HasFix {
			b.WriteString("- fix: available\n")
		}
		fmt.Fprintf(&b, "\n%s\n", r.Why)
		if r.Bad != "" {
			fmt.Fprintf(&b, "\nFlagged:\n\n```python\n%s\n```\n", strings.TrimRight(r.Bad, "\n"))
		}
		if r.Good != "" {
			fmt.Fprintf(&b, "\nInstead:\n\n```python\n%s\n```\n", strings.TrimRight(r.Good, "\n"))
		}
	}
	return b.String()
}

func cweText(c int) string {
	if c == 0 {
		return ""
	}
	return fmt.Sprintf("CWE-%d", c)
}
