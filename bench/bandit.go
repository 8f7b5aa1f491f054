package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// BanditIssue is one entry of Bandit's JSON "results".
type BanditIssue struct {
	Filename   string `json:"filename"`
	TestID     string `json:"test_id"`
	Severity   string `json:"issue_severity"`
	Confidence string `json:"issue_confidence"`
	Line       int    `json:"line_number"`
}

// BanditError is a file Bandit could not scan (usually a syntax error in
// its host Python's grammar).
type BanditError struct {
	Filename string `json:"filename"`
	Reason   string `json:"reason"`
}

// BanditOutput is the part of `bandit -f json` the benchmark reads.
type BanditOutput struct {
	Results []BanditIssue `json:"results"`
	Errors  []BanditError `json:"errors"`
}

// ParseBandit decodes `bandit -f json` output. Bandit prints its log to
// stderr, so stdout must be one JSON object; anything else is an error
// that quotes the start of what was read.
func ParseBandit(r io.Reader) (*BanditOutput, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read bandit output: %w", err)
	}
	var out BanditOutput
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	if err := dec.Decode(&out); err != nil {
		head := strings.TrimSpace(string(raw))
		if len(head) > 120 {
			head = head[:120] + "..."
		}
		return nil, fmt.Errorf("bandit output is not its JSON report (%v): %q", err, head)
	}
	if out.Results == nil && out.Errors == nil && !strings.Contains(string(raw), `"results"`) {
		return nil, fmt.Errorf("bandit output has no \"results\" field")
	}
	return &out, nil
}

// Blocks reports whether an issue counts as a block: the issue asks for
// Bandit's MEDIUM or HIGH severity, as a CI gate with `-ll` would.
func (i BanditIssue) Blocks() bool {
	s := strings.ToUpper(i.Severity)
	return s == "MEDIUM" || s == "HIGH"
}

// Flagged returns the base names of the files with at least one blocking
// issue.
func (o *BanditOutput) Flagged() map[string]bool {
	out := map[string]bool{}
	for _, i := range o.Results {
		if i.Blocks() {
			out[filepath.Base(i.Filename)] = true
		}
	}
	return out
}
