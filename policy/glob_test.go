package policy

import (
	"strings"
	"testing"
)

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		yes, no []string
	}{
		{"tests/**", []string{"tests/a.py", "tests/x/y/z.py"}, []string{"a/tests/b.py", "testsuite/a.py"}},
		{"tests", []string{"tests/a.py", "src/tests/a.py"}, []string{"tests.py", "src/testsx/a.py"}},
		{"/tests", []string{"tests/a.py"}, []string{"src/tests/a.py"}},
		{"./tests/*.py", []string{"tests/a.py"}, []string{"tests/x/a.py", "src/tests/a.py"}},
		{"*_test.py", []string{"a_test.py", "x/y/b_test.py"}, []string{"a_test.pyc", "test.py"}},
		{"src/**/gen/*.py", []string{"src/gen/a.py", "src/a/b/gen/c.py"}, []string{"src/gen/a/b.py", "lib/gen/a.py"}},
		{"**/*.py", []string{"a.py", "x/y.py"}, []string{"a.txt"}},
		{"a/**/**/b", []string{"a/b", "a/x/y/b/c.py"}, []string{"b/a"}},
		{"[ab]?.py", []string{"a1.py", "d/b2.py"}, []string{"c1.py", "a12.py"}},
		{".", []string{"anything/at/all.py"}, nil},
	} {
		g, err := compileGlob(tc.pattern)
		if err != nil {
			t.Errorf("%q: %v", tc.pattern, err)
			continue
		}
		for _, p := range tc.yes {
			if !g.match(p) {
				t.Errorf("%q should match %q", tc.pattern, p)
			}
		}
		for _, p := range tc.no {
			if g.match(p) {
				t.Errorf("%q should not match %q", tc.pattern, p)
			}
		}
	}
}

func TestGlobErrors(t *testing.T) {
	for pat, want := range map[string]string{
		"":        "empty",
		"a//b":    "empty path segment",
		"../x":    `".." is not allowed`,
		"a/**b":   "whole path segment",
		`a\b.py`:  "separator",
		"[a-.py":  "malformed",
		"src/[/x": "malformed",
	} {
		_, err := compileGlob(pat)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("compileGlob(%q) = %v, want %q", pat, err, want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"512MB": 512 << 20, "512mib": 512 << 20, "1.5GB": 3 << 29, "64 KB": 64 << 10,
		"10B": 10, "2g": 2 << 30, "1_024KB": 1 << 20,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "512", "1.2.3MB", "5TB", "-1MB", "1e30GB"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}
