package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

// SARIF 2.1.0, only the parts code-scanning services read. Field names are
// the spec's; see https://docs.oasis-open.org/sarif/sarif/v2.1.0/.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// rulesDocURL is docs/rules.md on the default branch; each rule's
	// helpUri adds its heading's anchor.
	rulesDocURL = "https://github.com/stelp-dev/stelp/blob/main/docs/rules.md"
	projectURL  = "https://github.com/stelp-dev/stelp"
	// contractColumnKind is how analysis.ContractFinding counts columns.
	contractColumnKind = "unicodeCodePoints"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Invocations        []sarifInvocation        `json:"invocations"`
	Results            []sarifResult            `json:"results"`
	ColumnKind         string                   `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
	// SecuritySeverity is GitHub code scanning's 0.0-10.0 score, a string.
	SecuritySeverity string `json:"security-severity"`
	Precision        string `json:"precision"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func sarifLevel(s policy.Severity) string {
	switch s {
	case policy.SeverityError:
		return "error"
	case policy.SeverityWarning:
		return "warning"
	}
	return "note"
}

// securitySeverity scores a rule for code scanning, which files alerts as
// critical (>= 9.0), high (>= 7.0), medium (>= 4.0) or low. Error rules in
// the families that hand an attacker code execution are critical.
func securitySeverity(r *analysis.Rule) string {
	switch r.Severity {
	case policy.SeverityError:
		switch r.Category {
		case "code-execution", "sandbox-escape", "process", "injection", "deserialization":
			return "9.0"
		}
		return "7.5"
	case policy.SeverityWarning:
		return "5.0"
	}
	return "2.0"
}

func sarifRuleOf(r *analysis.Rule, anchors map[string]string) sarifRule {
	tags := []string{"security", string(r.Category)}
	if r.CWE != 0 {
		tags = append(tags, fmt.Sprintf("external/cwe/cwe-%d", r.CWE))
	}
	full := strings.TrimSpace(r.Why)
	if full == "" {
		full = r.Summary
	}
	var md strings.Builder
	fmt.Fprintf(&md, "**%s** (`%s`): %s\n\n%s\n", r.ID, r.Name, r.Summary, full)
	if bad := strings.TrimSpace(r.Bad); bad != "" {
		fmt.Fprintf(&md, "\nFlagged:\n\n```python\n%s\n```\n", bad)
	}
	if good := strings.TrimSpace(r.Good); good != "" {
		fmt.Fprintf(&md, "\nInstead:\n\n```python\n%s\n```\n", good)
	}
	if r.CWE != 0 {
		fmt.Fprintf(&md, "\n[CWE-%d](https://cwe.mitre.org/data/definitions/%d.html)\n", r.CWE, r.CWE)
	}
	anchor := anchors[r.ID]
	if anchor == "" {
		anchor = strings.ToLower(r.ID)
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 r.Name,
		ShortDescription:     sarifText{Text: r.Summary},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifText{Text: r.Summary + "\n\n" + full, Markdown: md.String()},
		HelpURI:              rulesDocURL + "#" + anchor,
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity)},
		Properties: sarifRuleProps{
			Tags:             tags,
			SecuritySeverity: securitySeverity(r),
			Precision:        "high",
		},
	}
}

// ruleAnchors maps rule IDs to the GitHub anchors of their headings in the
// generated docs/rules.md, so helpUri lands on the rule itself whatever the
// heading wording is.
func ruleAnchors(markdown string, rules []*analysis.Rule) map[string]string {
	anchors := map[string]string{}
	for _, line := range strings.Split(markdown, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		heading := strings.TrimSpace(strings.TrimLeft(line, "#"))
		for _, r := range rules {
			if _, done := anchors[r.ID]; !done && containsWord(heading, r.ID) {
				anchors[r.ID] = githubSlug(heading)
			}
		}
	}
	return anchors
}

func containsWord(s, word string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		before := start == 0 || !isWordByte(s[start-1])
		after := end == len(s) || !isWordByte(s[end])
		if before && after {
			return true
		}
		i = end
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// githubSlug is GitHub's heading anchor: lower case, spaces to hyphens,
// punctuation other than '-' and '_' dropped.
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sarifArtifactOf names a file the way code scanning resolves it: relative
// paths against the checkout (%SRCROOT%), absolute ones as file URIs.
func sarifArtifactOf(path string) sarifArtifact {
	if path == "-" {
		return sarifArtifact{URI: "stdin"}
	}
	if filepath.IsAbs(path) {
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()}
	}
	rel := filepath.ToSlash(filepath.Clean(path))
	return sarifArtifact{URI: (&url.URL{Path: rel}).String(), URIBaseID: "%SRCROOT%"}
}

func writeSARIF(w io.Writer, inputs, skipped []*checkInput, configErrs []error) error {
	rules := analysis.Registry()
	anchors := ruleAnchors(analysis.DocsMarkdown(), rules)
	index := map[string]int{}
	driver := sarifDriver{Name: "stelp", InformationURI: projectURL, Rules: []sarifRule{}}
	if v := strings.Fields(versionString(version, buildInfo())); len(v) > 1 {
		driver.Version = v[1]
	}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(r, anchors))
	}
	run := sarifRun{
		Tool:               sarifTool{Driver: driver},
		OriginalURIBaseIDs: srcRoot(),
		Results:            []sarifResult{},
		ColumnKind:         contractColumnKind,
		Invocations:        []sarifInvocation{{ExecutionSuccessful: len(skipped) == 0 && len(configErrs) == 0}},
	}
	// Config errors first: they explain the "not checked" notes below.
	for _, err := range configErrs {
		var list policy.ErrorList
		var one *policy.Error
		switch {
		case errors.As(err, &list):
		case errors.As(err, &one):
			list = policy.ErrorList{one}
		default:
			list = policy.ErrorList{{Msg: err.Error()}}
		}
		for _, e := range list {
			n := sarifNotification{Level: "error", Message: sarifText{Text: "invalid config: " + e.Error()}}
			if e.File != "" {
				loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifactOf(e.File)}}
				if e.Line > 0 {
					loc.PhysicalLocation.Region = &sarifRegion{StartLine: e.Line, StartColumn: max(e.Column, 1)}
				}
				n.Locations = []sarifLocation{loc}
			}
			run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, n)
		}
	}
	for _, in := range skipped {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level:   "error",
			Message: sarifText{Text: in.problem},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactOf(in.path),
			}}},
		})
	}
	for _, f := range inputs {
		art := sarifArtifactOf(f.path)
		for _, fd := range f.findings {
			cf := fd.Contract(f.src)
			res := sarifResult{
				RuleID:  cf.Rule,
				Level:   sarifLevel(fd.Severity),
				Message: sarifText{Text: cf.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: art,
					Region: &sarifRegion{
						StartLine: cf.Line, StartColumn: cf.Column,
						EndLine: cf.EndLine, EndColumn: cf.EndColumn,
					},
				}}},
			}
			if i, ok := index[cf.Rule]; ok {
				res.RuleIndex = &i
			}
			if fx := sarifFixOf(fd.Fix, f.src, art); fx != nil {
				res.Fixes = []sarifFix{*fx}
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// srcRoot tells viewers what %SRCROOT% (the base of relative artifact
// URIs) stands for: the directory stelp ran in.
func srcRoot() map[string]sarifArtifact {
	wd, err := os.Getwd()
	if err != nil {
		return nil
	}
	dir := filepath.ToSlash(wd)
	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}
	return map[string]sarifArtifact{"%SRCROOT%": {URI: (&url.URL{Scheme: "file", Path: dir}).String()}}
}

// sarifFixOf converts a fix's byte-based edits to SARIF regions in the
// run's column kind (code points, 1-based, end exclusive).
func sarifFixOf(fx *analysis.Fix, src []byte, art sarifArtifact) *sarifFix {
	if fx == nil || len(fx.Edits) == 0 {
		return nil
	}
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	col := func(p analysis.Position) int {
		if p.Line < 0 || p.Line >= len(starts) {
			return p.Column + 1
		}
		end := min(starts[p.Line]+p.Column, len(src))
		return utf8.RuneCount(src[starts[p.Line]:end]) + 1
	}
	change := sarifArtifactChange{ArtifactLocation: art}
	for _, e := range fx.Edits {
		change.Replacements = append(change.Replacements, sarifReplacement{
			DeletedRegion: sarifRegion{
				StartLine: e.Range.Start.Line + 1, StartColumn: col(e.Range.Start),
				EndLine: e.Range.End.Line + 1, EndColumn: col(e.Range.End),
			},
			InsertedContent: sarifText{Text: e.NewText},
		})
	}
	return &sarifFix{Description: sarifText{Text: fx.Title}, ArtifactChanges: []sarifArtifactChange{change}}
}
