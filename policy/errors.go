package policy

import (
	"fmt"
	"strings"
)

// Error is one problem in a config file, located precisely enough for an
// editor to jump to it and for a person to fix it without guessing.
type Error struct {
	File   string // config file path as it was opened
	Line   int    // 1-based; 0 if unknown (e.g. the file could not be read)
	Column int    // 1-based; 0 if unknown
	Key    string // dotted key path, e.g. `limits.time` or `paths."tests/**".rules.SP101`
	Msg    string
}

// Error formats as `file:line:col: key: msg`, leaving out the parts that are
// unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is every problem found while loading a config (and the files it
// extends). Reporting them all at once saves a fix-rerun cycle per mistake.
type ErrorList []*Error

func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap lets errors.As find the individual *Error values.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// err returns nil for an empty list so callers can `return errs.err()`.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
