package transpile

import (
	"context"
	"strings"
	"testing"
)

func TestPrepareKeepsLines(t *testing.T) {
	cases := []string{
		"\n",
		"\n\n# only a comment\n",
		"\n\nx = {1: 'a'}\nprint(f'{x}')\n\n\n",
		"def f(a, /, b):\n    return (y := a + b)\n",
		"match v:\n    case [a, *rest]:\n        print(a)\n",
	}
	for _, src := range cases {
		prog, err := Prepare(context.Background(), []byte(src), Options{Trace: true})
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if len(prog.Problems) > 0 {
			t.Fatalf("%q: %v", src, prog.Problems)
		}
		if got, want := strings.Count(string(prog.Code), "\n"), strings.Count(src, "\n"); got != want {
			t.Fatalf("%q: %d lines, want %d:\n%s", src, got, want, prog.Code)
		}
	}
}

func TestPrepareProblems(t *testing.T) {
	prog, err := Prepare(context.Background(), []byte("\n\nx = 1\ndef f(:\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(prog.Problems) == 0 || prog.Problems[0].Line != 4 || prog.Problems[0].Feature != FeatureSyntax || prog.Code != nil {
		t.Fatalf("want a syntax problem on line 4 and no code: %+v", prog)
	}
}
