package main

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
)

func TestRulesText(t *testing.T) {
	code, out, errs := stelp(t, "", "rules")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	reg := analysis.Registry()
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "SUMMARY") {
		t.Errorf("header %q", lines[0])
	}
	for i, r := range reg {
		f := strings.Fields(lines[i+1])
		if len(f) < 5 || f[0] != r.ID || f[1] != r.Name || f[2] != string(r.Severity) || !strings.HasSuffix(lines[i+1], r.Summary) {
			t.Errorf("row %d %q does not describe %s", i, lines[i+1], r.ID)
		}
	}
	if !strings.Contains(out, "\n"+itoa(len(reg))+" rules.") {
		t.Errorf("no rule count in:\n%s", out[len(out)-200:])
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestRulesJSON(t *testing.T) {
	code, out, _ := stelp(t, "", "rules", "--format", "json")
	var list []jsonRule
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("exit %d: %v", code, err)
	}
	reg := analysis.Registry()
	if len(list) != len(reg) {
		t.Fatalf("%d rules, registry has %d", len(list), len(reg))
	}
	for i, r := range reg {
		j := list[i]
		if j.ID != r.ID || j.Name != r.Name || j.Severity != string(r.Severity) || j.CWE != r.CWE ||
			j.Category != string(r.Category) || j.Summary != r.Summary || j.Why != r.Why || j.Fix != r.HasFix {
			t.Errorf("rule %s: %+v", r.ID, j)
		}
	}
}

func TestRulesMarkdownAndOne(t *testing.T) {
	code, out, _ := stelp(t, "", "rules", "--format", "markdown")
	if code != 0 || out != analysis.DocsMarkdown() {
		t.Errorf("markdown: exit %d, output differs from analysis.DocsMarkdown()", code)
	}
	r := analysis.RuleByID("SP101")
	for _, arg := range []string{"SP101", "sp101", r.Name} {
		code, out, _ := stelp(t, "", "rules", arg)
		if code != 0 || !strings.HasPrefix(out, "SP101 "+r.Name+": "+r.Summary) || !strings.Contains(out, "Flagged:") {
			t.Errorf("rules %s: exit %d\n%s", arg, code, out)
		}
	}
	code, out, _ = stelp(t, "", "rules", "--format", "json", "SP101")
	var list []jsonRule
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 || len(list) != 1 || list[0].ID != "SP101" {
		t.Errorf("rules --format json SP101: exit %d, %v, %+v", code, err, list)
	}
	if code, _, errs := stelp(t, "", "rules", "SP9999"); code != 2 || !strings.Contains(errs, `unknown rule "SP9999"`) {
		t.Errorf("unknown rule: exit %d, %q", code, errs)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := stelp(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "stelp ") || !strings.HasSuffix(out, runtime.GOOS+"/"+runtime.GOARCH+"\n") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, _, _ := stelp(t, "", "version", "extra"); code != 2 {
		t.Errorf("version with an argument: exit %d, want 2", code)
	}
	info := &debug.BuildInfo{Main: debug.Module{Version: "v0.3.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"},
	}}
	tail := " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		linked string
		info   *debug.BuildInfo
		want   string
	}{
		{"", info, "stelp v0.3.0 (rev 0123456789ab, modified)" + tail},
		{"v1.2.3", info, "stelp v1.2.3 (rev 0123456789ab, modified)" + tail},
		{"v1.2.3", nil, "stelp v1.2.3" + tail},
		{"", &debug.BuildInfo{}, "stelp (devel)" + tail},
		{"", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261125063215-0123456789ab+dirty"}, Settings: info.Settings},
			"stelp v0.0.0-20261125063215-0123456789ab+dirty" + tail},
	} {
		if got := versionString(tc.linked, tc.info); got != tc.want {
			t.Errorf("versionString(%q) = %q, want %q", tc.linked, got, tc.want)
		}
	}
}
