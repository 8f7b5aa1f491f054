package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stelp runs the CLI in-process with the given stdin and returns the exit
// code and both outputs.
func stelp(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// project writes files (slash paths -> content) under a temp dir that is
// its own repository root (a .git marker), so config discovery never
// climbs into whatever is above the temp dir.
func project(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDispatch(t *testing.T) {
	for _, tc := range []struct {
		name      string
		args      []string
		code      int
		out, errs string // substrings expected in stdout / stderr
		emptyOut  bool
		emptyErrs bool
	}{
		{name: "no args", args: nil, code: 2, errs: "Usage:", emptyOut: true},
		{name: "--help", args: []string{"--help"}, code: 0, out: "Commands:", emptyErrs: true},
		{name: "-h", args: []string{"-h"}, code: 0, out: "check", emptyErrs: true},
		{name: "help", args: []string{"help"}, code: 0, out: "Commands:"},
		{name: "help check", args: []string{"help", "check"}, code: 0, out: "Usage: stelp check", emptyErrs: true},
		{name: "help unknown", args: []string{"help", "nope"}, code: 2, errs: `unknown command "nope"`},
		{name: "help too many", args: []string{"help", "check", "rules"}, code: 2, errs: "at most one"},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, errs: `unknown command "frobnicate"`, emptyOut: true},
		{name: "flag before command", args: []string{"--format", "json"}, code: 2, errs: "flags go after it"},
		{name: "--version", args: []string{"--version"}, code: 0, out: "stelp "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := stelp(t, "", tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			if !strings.Contains(out, tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, out)
			}
			if !strings.Contains(errs, tc.errs) {
				t.Errorf("stderr lacks %q:\n%s", tc.errs, errs)
			}
			if tc.emptyOut && out != "" {
				t.Errorf("stdout should be empty, got:\n%s", out)
			}
			if tc.emptyErrs && errs != "" {
				t.Errorf("stderr should be empty, got:\n%s", errs)
			}
		})
	}
}

// Every command in the table is listed in --help and answers --help, -h
// and `stelp help NAME` with its own usage on stdout and exit 0.
func TestEveryCommandHasHelp(t *testing.T) {
	_, top, _ := stelp(t, "", "--help")
	for _, c := range commands() {
		if c.hidden {
			if strings.Contains(top, "  "+c.name+" ") {
				t.Errorf("hidden command %s is listed in --help", c.name)
			}
			continue
		}
		if !strings.Contains(top, "  "+c.name+" ") || !strings.Contains(top, c.summary) {
			t.Errorf("--help does not list %s with its summary", c.name)
		}
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			code, out, errs := stelp(t, "", args...)
			if code != 0 || !strings.HasPrefix(strings.ToLower(out), "usage: stelp "+c.name) || errs != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
			}
		}
		code, _, errs := stelp(t, "", c.name, "--no-such-flag")
		if code != 2 || !strings.Contains(errs, "no-such-flag") {
			t.Errorf("%s --no-such-flag: exit %d, stderr %q", c.name, code, errs)
		}
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	fs := newFlags("x", "", "")
	format := newChoice("text", "text", "json")
	fs.Var(format, "format", "")
	var out, errb bytes.Buffer
	pos, _, ok := parseFlags(fs, []string{"a.py", "--format", "json", "-", "--", "--format"}, &out, &errb)
	if !ok || format.val != "json" || strings.Join(pos, " ") != "a.py - --format" {
		t.Errorf("got %v %q ok=%v stderr=%q", pos, format.val, ok, errb.String())
	}
	fs = newFlags("x", "", "")
	fs.Var(newChoice("text", "text", "json"), "format", "")
	if _, code, ok := parseFlags(fs, []string{"--format", "xml"}, &out, &errb); ok || code != 2 || !strings.Contains(errb.String(), `"xml" is not one of text, json`) {
		t.Errorf("bad choice: code %d ok %v stderr %q", code, ok, errb.String())
	}
}
