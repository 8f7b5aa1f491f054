package analysis

import "github.com/stelp-dev/stelp/policy"

// Rules the engine itself reports: syntax errors and suppression misuse.

var ruleSyntaxError = &Rule{
	ID: "SP000", Name: "syntax-error", CWE: 0, Category: CatSyntax, Severity: policy.SeverityError,
	Summary: "The code does not parse as Python",
	Why: "Code that does not parse cannot be checked or run; the rest of the file is still analysed, " +
		"but a program with a syntax error is blocked.",
	Bad:  "def f(:\n    return 1",
	Good: "def f():\n    return 1",
}

var ruleSuppressNoReason = &Rule{
	ID: "SP001", Name: "suppression-without-reason", CWE: 0, Category: CatSuppression, Severity: policy.SeverityWarning,
	Summary: "A `# stelp: ignore[...]` comment gives no reason",
	Why:     "Every silenced finding needs a reason a reviewer can judge; write it after the bracket.",
	Bad:     "x = eval(s)  # stelp: ignore[SP101]",
	Good:    "x = eval(s)  # stelp: ignore[SP101] s is a constant table built above",
}

var ruleSuppressUnused = &Rule{
	ID: "SP002", Name: "unused-suppression", CWE: 0, Category: CatSuppression, Severity: policy.SeverityWarning,
	Summary: "A `# stelp: ignore[...]` comment suppresses nothing or names an unknown rule",
	Why:     "Stale suppressions hide future findings on the same statement; remove them.",
	Bad:     "x = 1  # stelp: ignore[SP101] was eval once",
	Good:    "x = 1",
}

func engineFamily() family {
	return family{rules: []*Rule{ruleSyntaxError, ruleSuppressNoReason, ruleSuppressUnused}}
}
