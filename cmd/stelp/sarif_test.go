package main

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
)

// TestCheckSARIF checks the structure code-scanning services rely on:
// 2.1.0 envelope, rule metadata for every rule, results pointing at rules
// by id and index, 1-based regions and notifications for skipped inputs.
func TestCheckSARIF(t *testing.T) {
	root := project(t, map[string]string{"bad.py": "import math\n" + evalSrc, "good.py": cleanSrc, "bin.py": "\x00"})
	code, out, _ := stelp(t, "", "check", "--format", "sarif", filepath.Join(root, "bad.py"), filepath.Join(root, "good.py"), filepath.Join(root, "bin.py"))
	if code != 2 {
		t.Errorf("exit %d, want 2 (bin.py could not be checked)", code)
	}
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name           string `json:"name"`
					InformationURI string `json:"informationUri"`
					Rules          []struct {
						ID               string `json:"id"`
						Name             string `json:"name"`
						ShortDescription struct {
							Text string `json:"text"`
						} `json:"shortDescription"`
						FullDescription struct {
							Text string `json:"text"`
						} `json:"fullDescription"`
						Help struct {
							Text     string `json:"text"`
							Markdown string `json:"markdown"`
						} `json:"help"`
						HelpURI              string `json:"helpUri"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
						Properties struct {
							Tags             []string `json:"tags"`
							SecuritySeverity string   `json:"security-severity"`
						} `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
			ColumnKind string `json:"columnKind"`
			Results    []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("envelope: version %q schema %q runs %d", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "stelp" || run.Tool.Driver.InformationURI == "" || run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("driver %q %q, columnKind %q", run.Tool.Driver.Name, run.Tool.Driver.InformationURI, run.ColumnKind)
	}
	registry := analysis.Registry()
	if len(run.Tool.Driver.Rules) != len(registry) {
		t.Fatalf("%d rules in SARIF, %d in the registry", len(run.Tool.Driver.Rules), len(registry))
	}
	for i, r := range run.Tool.Driver.Rules {
		reg := registry[i]
		if r.ID != reg.ID || r.Name != reg.Name || r.ShortDescription.Text != reg.Summary || r.FullDescription.Text == "" ||
			r.Help.Text == "" || !strings.Contains(r.Help.Markdown, reg.ID) {
			t.Errorf("rule %d metadata: %+v", i, r)
		}
		anchor := "#" + strings.ToLower(reg.ID+"-"+reg.Name)
		if !strings.HasSuffix(r.HelpURI, "docs/rules.md"+anchor) || !strings.Contains(analysis.DocsMarkdown(), "## "+reg.ID+" "+reg.Name) {
			t.Errorf("%s helpUri %q does not point at its docs/rules.md heading %s", reg.ID, r.HelpURI, anchor)
		}
		if reg.CWE != 0 && !contains(r.Properties.Tags, "external/cwe/cwe-"+strconv.Itoa(reg.CWE)) {
			t.Errorf("%s tags %v lack its CWE", reg.ID, r.Properties.Tags)
		}
		if s, err := strconv.ParseFloat(r.Properties.SecuritySeverity, 64); err != nil || s < 0 || s > 10 {
			t.Errorf("%s security-severity %q", reg.ID, r.Properties.SecuritySeverity)
		}
		if want := sarifLevel(reg.Severity); r.DefaultConfiguration.Level != want {
			t.Errorf("%s default level %q, want %q", reg.ID, r.DefaultConfiguration.Level, want)
		}
	}
	if len(run.Results) != 1 {
		t.Fatalf("want 1 result, got %+v", run.Results)
	}
	res := run.Results[0]
	if res.RuleID != "SP101" || res.RuleIndex == nil || run.Tool.Driver.Rules[*res.RuleIndex].ID != "SP101" || res.Level != "error" || res.Message.Text == "" {
		t.Errorf("result %+v", res)
	}
	loc := res.Locations[0].PhysicalLocation
	if !strings.HasPrefix(loc.ArtifactLocation.URI, "file:///") || !strings.HasSuffix(loc.ArtifactLocation.URI, "/bad.py") {
		t.Errorf("artifact uri %q", loc.ArtifactLocation.URI)
	}
	if r := loc.Region; r.StartLine != 2 || r.StartColumn != 5 || r.EndLine != 2 || r.EndColumn <= r.StartColumn {
		t.Errorf("region %+v, want 2:5 to a later column on line 2", r)
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 || !strings.Contains(inv[0].Notifications[0].Message.Text, "binary") {
		t.Errorf("invocations %+v, want one failed invocation noting bin.py", inv)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSARIFArtifact(t *testing.T) {
	for path, want := range map[string]sarifArtifact{
		"src/a b.py":    {URI: "src/a%20b.py", URIBaseID: "%SRCROOT%"},
		"./x/../y.py":   {URI: "y.py", URIBaseID: "%SRCROOT%"},
		"/abs/p#1.py":   {URI: "file:///abs/p%231.py"},
		"-":             {URI: "stdin"},
		"dir/ü/100%.py": {URI: "dir/%C3%BC/100%25.py", URIBaseID: "%SRCROOT%"},
	} {
		if got := sarifArtifactOf(path); got != want {
			t.Errorf("%q: got %+v, want %+v", path, got, want)
		}
	}
}

func TestRuleAnchors(t *testing.T) {
	rules := []*analysis.Rule{{ID: "SP1"}, {ID: "SP10"}, {ID: "SP2"}}
	md := "# stelp rules\n| [SP1](#sp1) |\n## SP10 big-thing\n## SP1 eval-call\ntext SP2\n### SP2: Weird (title)!\n"
	got := ruleAnchors(md, rules)
	want := map[string]string{"SP1": "sp1-eval-call", "SP10": "sp10-big-thing", "SP2": "sp2-weird-title"}
	for id, a := range want {
		if got[id] != a {
			t.Errorf("%s: anchor %q, want %q", id, got[id], a)
		}
	}
}

func TestSARIFFix(t *testing.T) {
	// "é" is two bytes and one code point: `eval` starts at byte column 14
	// of line 2, which is code point 13, 1-based column 14.
	src := []byte("# x\ns = 'é'; y = eval(s)\n")
	fx := &analysis.Fix{Title: "Use ast.literal_eval", Applicability: analysis.FixUnsafe, Edits: []analysis.TextEdit{{
		Range:   analysis.Range{Start: analysis.Position{Line: 1, Column: 14}, End: analysis.Position{Line: 1, Column: 18}},
		NewText: "ast.literal_eval",
	}}}
	got := sarifFixOf(fx, src, sarifArtifact{URI: "a.py"})
	if got == nil || got.Description.Text != fx.Title || len(got.ArtifactChanges) != 1 {
		t.Fatalf("fix %+v", got)
	}
	r := got.ArtifactChanges[0].Replacements[0]
	if r.DeletedRegion != (sarifRegion{StartLine: 2, StartColumn: 14, EndLine: 2, EndColumn: 18}) || r.InsertedContent.Text != "ast.literal_eval" {
		t.Errorf("replacement %+v", r)
	}
	if sarifFixOf(nil, src, sarifArtifact{}) != nil {
		t.Error("no fix should give no SARIF fix")
	}
}

func TestCheckSARIFConfigError(t *testing.T) {
	root := project(t, map[string]string{".stelp.yaml": "rules:\n  SP101: loud\n", "a.py": evalSrc})
	code, out, _ := stelp(t, "", "check", "--format", "sarif", root)
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil || code != 2 {
		t.Fatalf("exit %d: %v\n%s", code, err, out)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 2 {
		t.Fatalf("invocation %+v", inv)
	}
	cfg, skip := inv.Notifications[0], inv.Notifications[1]
	loc := cfg.Locations[0].PhysicalLocation
	if !strings.Contains(cfg.Message.Text, `rules.SP101: severity "loud"`) || !strings.HasSuffix(loc.ArtifactLocation.URI, "/.stelp.yaml") ||
		loc.Region == nil || loc.Region.StartLine != 2 || loc.Region.StartColumn != 10 {
		t.Errorf("config notification %+v at %+v", cfg, loc)
	}
	if !strings.Contains(skip.Message.Text, "not checked") || !strings.HasSuffix(skip.Locations[0].PhysicalLocation.ArtifactLocation.URI, "/a.py") {
		t.Errorf("skip notification %+v", skip)
	}
	if len(log.Runs[0].Results) != 0 {
		t.Errorf("results %+v", log.Runs[0].Results)
	}
}
