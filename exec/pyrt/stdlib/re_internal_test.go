package stdlib

import (
	"strings"
	"testing"
	"time"

	"github.com/go-python/gpython/py"
)

// A catastrophically backtracking pattern must stop with an error rather
// than hang the interpreter.
func TestRegexTimeout(t *testing.T) {
	old := reMatchTimeout
	reMatchTimeout = 50 * time.Millisecond
	defer func() { reMatchTimeout = old }()
	c, err := reCompile(`(x+x+)+y`, reUnicode)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p := &patternObj{c: c}
	_, err = p.find(kindSearch, pyStr(strings.Repeat("x", 40)), nil, nil)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("want a timeout error, got %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("took %v", d)
	}
}

// Translation errors are Python's re.error messages with positions.
func TestTranslateErrors(t *testing.T) {
	for pat, want := range map[string]string{
		"(":        "missing ), unterminated subpattern at position 0",
		"a)":       "unbalanced parenthesis at position 1",
		"[a":       "unterminated character set at position 0",
		`\q`:       `bad escape \q at position 0`,
		"(?P<1>x)": "bad character in group name '1' at position 4",
		`(a)\2`:    "invalid group reference 2 at position 4",
		"a(?i)b":   "global flags not at the start of the expression at position 1",
	} {
		_, err := translatePattern(pat, reUnicode)
		if err == nil || err.Error() != want {
			t.Errorf("%q: got %v, want %q", pat, err, want)
		}
	}
}

// Group numbering follows Python (named groups numbered in order with the
// unnamed ones), which .NET syntax would not do by itself.
func TestTranslateGroups(t *testing.T) {
	tr, err := translatePattern(`(?P<a>x)(y)(?:z)(?P<b>(w))`, reUnicode)
	if err != nil {
		t.Fatal(err)
	}
	if tr.groups != 4 || tr.names["a"] != 1 || tr.names["b"] != 3 {
		t.Fatalf("groups=%d names=%v", tr.groups, tr.names)
	}
	if tr.parent[4] != 3 || tr.parent[2] != 0 {
		t.Fatalf("parents %v", tr.parent)
	}
	if strings.Contains(tr.expr, "?P") || strings.Contains(tr.expr, "?<a") {
		t.Fatalf("named groups left in %q", tr.expr)
	}
}

func pyStr(s string) py.String { return py.String(s) }
