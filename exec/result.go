// Package exec runs transpiled programs in isolated worker processes and
// returns the result object of DESIGN.md.
package exec

// Status of a run, as in the DESIGN.md contract.
type Status string

const (
	StatusOK        Status = "ok"
	StatusError     Status = "error"
	StatusBlocked   Status = "blocked"
	StatusViolation Status = "violation"
	StatusLimit     Status = "limit"
)

// ExitCode maps a status to the `stelp run` exit code.
func (s Status) ExitCode() int {
	switch s {
	case StatusOK:
		return 0
	case StatusError:
		return 1
	case StatusBlocked:
		return 2
	case StatusViolation:
		return 3
	case StatusLimit:
		return 4
	}
	return 2
}

// Exception is the program's uncaught exception.
type Exception struct {
	Type    string `json:"type"`
	Message string `json:"message"`
	Line    int    `json:"line"`
}

// Violation is a runtime guard that denied an action.
type Violation struct {
	Kind   string `json:"kind"` // import|builtin|file|network|attribute|...
	Detail string `json:"detail"`
	Line   int    `json:"line"`
}

// Limit is the resource limit that stopped a run.
type Limit struct {
	Kind   string `json:"kind"` // time|steps|memory|recursion|output
	Detail string `json:"detail"`
}

// TraceLine is what one original source line did: how often it ran and the
// last values (repr, truncated) of the names assigned on it.
type TraceLine struct {
	Line   int               `json:"line"`
	Count  int64             `json:"count"`
	Values map[string]string `json:"values,omitempty"`
}

// Usage is what a run consumed.
type Usage struct {
	WallMS float64 `json:"wall_ms"`
	Steps  int64   `json:"steps"`
	PeakKB int64   `json:"peak_kb"`
}

// Result is the one object `stelp run --json` prints and `stelp.execute`
// returns. Findings is filled by the pipeline (static stage), kept as raw
// JSON-ready values so that this package does not import analysis.
type Result struct {
	Status     Status      `json:"status"`
	Stdout     string      `json:"stdout"`
	Stderr     string      `json:"stderr"`
	Exception  *Exception  `json:"exception"`
	Findings   []any       `json:"findings"`
	Violations []Violation `json:"violations"`
	Limit      *Limit      `json:"limit"`
	Trace      []TraceLine `json:"trace"`
	Usage      Usage       `json:"usage"`
	// Isolation lists the OS isolation layers that were in force
	// (rlimits, seccomp, landlock, ...), so a caller knows what held.
	Isolation []string `json:"isolation,omitempty"`
}
