// Package policy is stelp's one configuration model: the rules, the import
// allowlist, the resource limits and the per-path overrides that every stage
// reads. It knows nothing about parsing, execution or LSP.
//
// # The .stelp.yaml file
//
// stelp uses the `.stelp.yaml` (or `.stelp.yml`) nearest to a file,
// looking in the file's folder and its parents up to the repository root (a
// folder holding `.git`). With none, the built-in defaults apply. Every key
// is optional:
//
//	extends: ../shared/stelp.yaml   # or a list; relative to this file
//	rules:                          # rule ID or name -> error|warning|info|off
//	  SP101: error
//	  md5-for-security: off
//	modules:
//	  allow: [math, re, json]       # replaces the import allowlist
//	  allow_extra: [numpy]          # adds to it
//	  deny: [random]                # removes from it
//	limits:
//	  time: 5s                      # wall clock (Go duration)
//	  steps: 1000000                # budget ticks
//	  memory: 512MB                 # KB/MB/GB are binary (KiB/MiB/GiB)
//	  recursion: 1000               # Python call depth (CPython's default)
//	  output: 1MB                   # stdout+stderr
//	files: false                    # allow the in-memory virtual file system
//	tools: {}                       # reserved for host functions
//	paths:                          # glob -> rules/modules/limits/files/tools
//	  "tests/**":
//	    rules: {SP101: warning}
//
// Settings apply in order, later ones winning: the defaults, each file in
// `extends` (itself resolved the same way), the file's own keys, then each
// matching `paths:` pattern in the order written (those of extended files
// first). Globs are gitignore-like and relative to the discovered config's
// folder: `**` spans folders, a pattern without `/` matches at any depth, a
// leading `/` anchors it, and a pattern matching a folder covers its
// contents.
//
// Nothing is silently ignored: an unknown key, a wrong type, a bad severity,
// duration or size, an unknown rule (when a RuleResolver is given), a
// duplicate key or an extends cycle is an *Error naming the file, line,
// column and key.
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
	"numbers", "secrets", "contextlib",
}

// DefaultLimits apply when a config sets none.
func DefaultLimits() Limits {
	return Limits{
		Time:      5 * time.Second,
		Steps:     10_000_000,
		MemoryMB:  1024,
		Recursion: 1000, // CPython's default recursion limit
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
