package exec

import (
	"context"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// Request is one program to run. Code is already transpiled (lowered and
// instrumented).
type Request struct {
	Code         string            `json:"code"`
	Stdin        string            `json:"stdin,omitempty"`
	Files        map[string]string `json:"files,omitempty"`
	Limits       policy.Limits     `json:"limits"`
	ModulesAllow []string          `json:"modules_allow,omitempty"`
	FilesAllowed bool              `json:"files_allowed,omitempty"`
	Trace        bool              `json:"trace,omitempty"`
}

// Runner runs requests. Implementations: *Pool (warm workers) and OneShot
// (a fresh worker per run, for the CLI).
type Runner interface {
	Run(ctx context.Context, req *Request) (*Result, error)
}

// A Preparer can get ready for a run before its request exists: the
// pipeline calls Prepare before it checks and transpiles a program, so
// that readying a worker overlaps that work (*Pool).
type Preparer interface {
	Runner
	Prepare() PreparedRunner
}

// PreparedRunner runs one request on what was prepared for it; Close gives
// back what no run took, and is safe after Run.
type PreparedRunner interface {
	Runner
	Close() error
}

const maxOutputKB = 16 << 10

// effectiveLimits fills zero fields of l with the policy defaults, so a
// worker never runs without a bound.
func effectiveLimits(l policy.Limits) policy.Limits {
	d := policy.DefaultLimits()
	if l.Time <= 0 {
		l.Time = d.Time
	}
	if l.Steps <= 0 {
		l.Steps = d.Steps
	}
	if l.MemoryMB <= 0 {
		l.MemoryMB = d.MemoryMB
	}
	if l.Recursion <= 0 {
		l.Recursion = d.Recursion
	}
	if l.OutputKB <= 0 {
		l.OutputKB = d.OutputKB
	}
	// The reply frame carries the output; keep it well under maxFrame.
	if l.OutputKB > maxOutputKB {
		l.OutputKB = maxOutputKB
	}
	return l
}

// wallMS converts a duration to the contract's float milliseconds.
func wallMS(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}
