package server

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/stelp-dev/stelp/policy"
)

// editorOptions are the settings a client sends in initializationOptions
// and again, after a change, in workspace/didChangeConfiguration
// ({"settings": {"stelp": {...}}} or {"settings": {...}}).
type editorOptions struct {
	DocsURL            string        `json:"docsUrl"`
	TraceNotifications *bool         `json:"traceNotifications"`
	Traces             *bool         `json:"traces"` // false: no inlay hints or stelp/trace
	DebounceMS         *int          `json:"debounceMs"`
	Limits             *editorLimits `json:"limits"`
}

// editorLimits are limits in the `.stelp.yaml` spelling ("5s", "512MB");
// set ones override the config file's.
type editorLimits struct {
	Time      string `json:"time"`
	Steps     int64  `json:"steps"`
	Memory    string `json:"memory"`
	Recursion int    `json:"recursion"`
	Output    string `json:"output"`
}

// toLimits converts; zero fields mean "keep the config's".
func (l *editorLimits) toLimits() (policy.Limits, error) {
	var out policy.Limits
	if l == nil {
		return out, nil
	}
	if l.Time != "" {
		d, err := time.ParseDuration(strings.TrimSpace(l.Time))
		if err != nil || d <= 0 {
			return out, fmt.Errorf("limits.time: %q is not a positive duration such as 5s", l.Time)
		}
		out.Time = d
	}
	if l.Steps < 0 || l.Recursion < 0 {
		return out, fmt.Errorf("limits.steps and limits.recursion must not be negative")
	}
	out.Steps, out.Recursion = l.Steps, l.Recursion
	var err error
	if out.MemoryMB, err = sizeIn(l.Memory, 1<<20, "limits.memory"); err != nil {
		return out, err
	}
	if out.OutputKB, err = sizeIn(l.Output, 1<<10, "limits.output"); err != nil {
		return out, err
	}
	return out, nil
}

// sizeIn parses "512MB"-style sizes (binary units, as .stelp.yaml reads
// them) and rounds up to whole units.
func sizeIn(s string, unit int64, key string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	mult := map[string]int64{"b": 1, "kb": 1 << 10, "kib": 1 << 10, "k": 1 << 10, "mb": 1 << 20, "mib": 1 << 20, "m": 1 << 20, "gb": 1 << 30, "gib": 1 << 30, "g": 1 << 30}[strings.ToLower(strings.TrimSpace(s[i:]))]
	v, err := strconv.ParseFloat(s[:i], 64)
	if err != nil || mult == 0 || v <= 0 {
		return 0, fmt.Errorf("%s: %q is not a size such as 512MB", key, s)
	}
	return (int64(v*float64(mult)) + unit - 1) / unit, nil
}

// applyEditorOptions takes a client's settings; a bad value is reported
// and leaves the previous setting in place.
func (s *Server) applyEditorOptions(raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var o editorOptions
	if err := json.Unmarshal(raw, &o); err != nil {
		return fmt.Errorf("stelp settings: %w", err)
	}
	lim, err := o.Limits.toLimits()
	s.optMu.Lock()
	defer s.optMu.Unlock()
	if o.DocsURL != "" {
		s.opts.DocsURL = o.DocsURL
	}
	if o.TraceNotifications != nil {
		s.client.traceNotify = *o.TraceNotifications
	}
	if o.Traces != nil {
		s.tracesOff = !*o.Traces
	}
	if o.DebounceMS != nil {
		s.opts.Debounce = time.Duration(*o.DebounceMS) * time.Millisecond
		if *o.DebounceMS <= 0 {
			s.opts.Debounce = -1
		}
	}
	if err != nil {
		return fmt.Errorf("stelp settings: %w", err)
	}
	if o.Limits != nil {
		s.limits = lim
	}
	return nil
}

// withEditorLimits overlays the editor's limits on a file's policy.
func (s *Server) withEditorLimits(pol *policy.Policy) *policy.Policy {
	s.optMu.Lock()
	l := s.limits
	s.optMu.Unlock()
	if l == (policy.Limits{}) {
		return pol
	}
	p := *pol
	if l.Time > 0 {
		p.Limits.Time = l.Time
	}
	if l.Steps > 0 {
		p.Limits.Steps = l.Steps
	}
	if l.MemoryMB > 0 {
		p.Limits.MemoryMB = l.MemoryMB
	}
	if l.Recursion > 0 {
		p.Limits.Recursion = l.Recursion
	}
	if l.OutputKB > 0 {
		p.Limits.OutputKB = l.OutputKB
	}
	return &p
}
