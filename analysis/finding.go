// Package analysis parses Python with tree-sitter and runs the rule registry
// over it. It knows nothing of LSP or execution.
package analysis

import "github.com/stelp-dev/stelp/policy"

// Position is a 0-based line and a 0-based byte column in the source.
// Converting to 1-based (CLI/JSON) or UTF-16 (LSP) is the caller's job.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is a half-open source span.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Category groups rules by the kind of harm.
type Category string

// Applicability says whether a fix preserves behaviour on benign input.
type Applicability string

const (
	// FixSafe: same behaviour on benign input; applied by fix-all.
	FixSafe Applicability = "safe"
	// FixUnsafe: changes behaviour; offered, never applied by fix-all.
	FixUnsafe Applicability = "unsafe"
)

// TextEdit replaces the bytes of Range with NewText.
type TextEdit struct {
	Range   Range  `json:"range"`
	NewText string `json:"new_text"`
}

// Fix is a concrete rewrite for one finding.
type Fix struct {
	Title         string        `json:"title"`
	Applicability Applicability `json:"applicability"`
	Edits         []TextEdit    `json:"edits"`
}

// Related points at another place that explains a finding (e.g. the
// input() call whose value reaches eval).
type Related struct {
	Range   Range  `json:"range"`
	Message string `json:"message"`
}

// Finding is one rule match (or a syntax error, rule SP000).
type Finding struct {
	Rule     string          `json:"rule"`
	Name     string          `json:"name"`
	Severity policy.Severity `json:"severity"`
	CWE      int             `json:"cwe"`
	Category Category        `json:"category"`
	Message  string          `json:"message"`
	Range    Range           `json:"range"`
	Fix      *Fix            `json:"fix,omitempty"`
	Related  []Related       `json:"related,omitempty"`

	// byte offsets of Range in the checked source, when the engine made
	// the finding; they let Contract convert columns without rescanning.
	startOff, endOff int
	hasOffsets       bool
}
