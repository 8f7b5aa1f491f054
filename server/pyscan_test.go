package server

import (
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
)

func TestSuppressPlacement(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		line int // finding line (0-based)
		want string
	}{
		{"simple", "x = eval(s)\n", 0, "x = eval(s)  # stelp: ignore[SP101] R\n"},
		{"hash in a string is not a comment", "x = \"a # b\" + eval(s)\n", 0, "x = \"a # b\" + eval(s)  # stelp: ignore[SP101] R\n"},
		{"trailing white space", "x = eval(s)   \n", 0, "x = eval(s)  # stelp: ignore[SP101] R   \n"},
		{"backslash continuation", "x = 1 + \\\n    eval(s)\n", 1, "x = 1 + \\\n    eval(s)  # stelp: ignore[SP101] R\n"},
		{"triple-quoted first line", "x = f(\"\"\"a\nb\"\"\", eval(s))\n", 1, "x = f(\"\"\"a\nb\"\"\", eval(s))  # stelp: ignore[SP101] R\n"},
		{"inside brackets: first line", "y = [\n    eval(s),\n]\n", 1, "y = [  # stelp: ignore[SP101] R\n    eval(s),\n]\n"},
		{"later statement", "a = 1\nb = (2,\n     eval(s))\nc = 3\n", 2, "a = 1\nb = (2,  # stelp: ignore[SP101] R\n     eval(s))\nc = 3\n"},
		{"merge", "x = eval(s)  # stelp: ignore[SP102] old reason\n", 0, "x = eval(s)  # stelp: ignore[SP102,SP101] old reason\n"},
		{"CRLF", "x = eval(s)\r\ny = 1\r\n", 0, "x = eval(s)  # stelp: ignore[SP101] R\r\ny = 1\r\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := []byte(c.src)
			snap := &snapshot{text: text, lines: newLineIndex(text)}
			col := strings.Index(strings.Split(c.src, "\n")[c.line], "eval")
			f := analysis.Finding{Rule: "SP101", Range: analysis.Range{Start: analysis.Position{Line: c.line, Column: col}, End: analysis.Position{Line: c.line, Column: col + 4}}}
			got := string(applyEdits(text, []byteEdit{suppressEdit(snap, f)}))
			got = strings.ReplaceAll(got, suppressReason, "R")
			if got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestTopLevelFunctions(t *testing.T) {
	src := "@decorator\ndef a(x, y=2):\n    '''>>> a(1)\n    3\n    '''\n    return x + y\n\n" +
		"async def b(*args, **kw):\n    pass\n" +
		"s = '''\ndef not_a_function():\n'''\n" +
		"def c(x: int = 1, /, *, k: str = 'a,b'):\n    pass\n" +
		"def d(x: dict[str, int], y=(1, 2)):\n    pass\n"
	var got []string
	for _, f := range topLevelFunctions([]byte(src)) {
		got = append(got, f.name+map[bool]string{true: ":0", false: ":n"}[f.zeroArgs]+":"+strings.Repeat("e", len(f.examples)))
	}
	if strings.Join(got, " ") != "a:n:e b:0: c:0: d:n:" {
		t.Errorf("functions: %v", got)
	}
	if ex := topLevelFunctions([]byte(src))[0].examples[0]; ex.src != "a(1)" || ex.want != "3" {
		t.Errorf("example: %+v", ex)
	}
}

func TestIsStatement(t *testing.T) {
	for src, want := range map[string]bool{
		"f(1)": false, "x = f(1)": true, "f(x=1)": false, "a == b": false, "a <= b": false, "a != b": false,
		"import math": true, "print(f(2))": true, "for i in range(3):\n    f(i)": true, "x += 1": true, "[x for x in y if x >= 2]": false,
	} {
		if got := isStatement(src); got != want {
			t.Errorf("isStatement(%q) = %v", src, got)
		}
	}
}
