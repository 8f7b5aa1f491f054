// Package policy is stelp's one configuration model: the rules, the import
// allowlist, the resource limits and the per-path overrides that every stage
// reads. It knows nothing about parsing, execution or LSP.
package policy

import "time"

// Severity of a finding. The zero value is SeverityDefault: "use the rule's".
type Severity string

const (
	SeverityDefault Severity = ""
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
	SeverityOff     Severity = "off"
)

// Limits bound one execution. Zero fields mean "use the default".
type Limits struct {
	Time      time.Duration // wall clock for the whole run
	Steps     int64         // budget ticks (loop bodies, calls, iterations)
	MemoryMB  int64         // worker address-space cap, MiB
	Recursion int           // Python call depth
	OutputKB  int64         // stdout+stderr cap, KiB
}

// Policy is the effective configuration for one file.
type Policy struct {
	// Rules maps a rule ID (e.g. "SP101") or rule name to a severity
	// override.
	Rules map[string]Severity
	// ModulesAllow is the import allowlist, by top-level module name.
	ModulesAllow []string
	// Limits for the executor.
	Limits Limits
	// Files allows the in-memory virtual file system during execution.
	Files bool
	// Tools is reserved for host functions exposed to programs.
	Tools map[string]any
}

// DefaultModules are the benign modules real LLM-written code imports.
var DefaultModules = []string{
	"math", "cmath", "string", "re", "json", "collections", "itertools", "functools",
	"heapq", "bisect", "typing", "random", "copy", "statistics", "operator",
	"fractions", "decimal", "hashlib", "datetime", "dataclasses", "enum", "abc",
	"numbers",
}

// DefaultLimits apply when a config sets none.
func DefaultLimits() Limits {
	return Limits{
		Time:      5 * time.Second,
		Steps:     10_000_000,
		MemoryMB:  1024,
		Recursion: 200,
		OutputKB:  1024,
	}
}

// Default is the zero-config policy.
func Default() *Policy {
	return &Policy{
		Rules:        map[string]Severity{},
		ModulesAllow: append([]string(nil), DefaultModules...),
		Limits:       DefaultLimits(),
	}
}

// Allows reports whether the top-level module of name is on the allowlist.
func (p *Policy) Allows(module string) bool {
	top := module
	for i := 0; i < len(module); i++ {
		if module[i] == '.' {
			top = module[:i]
			break
		}
	}
	for _, m := range p.ModulesAllow {
		if m == top || m == module {
			return true
		}
	}
	return false
}
