package pyrt

import (
	"strings"
	"testing"
)

// The lowered forms of displays (__stelp_set__, __stelp_dict__, ...) must
// print exactly what the native displays print; the native displays are
// checked against CPython by the golden cases.
func TestABIMatchesDisplays(t *testing.T) {
	cases := []struct{ lowered, native string }{
		{`print(__stelp_set__((5, 3, 1, 100, 37,)))`, `print({5, 3, 1, 100, 37})`},
		{`print(__stelp_set__((-1, -2, 0,)))`, `print({-1, -2, 0})`},
		{`print(__stelp_set__(((1, 2), (3, 4), (5, 6),)))`, `print({(1, 2), (3, 4), (5, 6)})`},
		{"a = 5\nprint(__stelp_set__((a, 3, 1, 100, 37)))", "a = 5\nprint({a, 3, 1, 100, 37})"},
		{`print(__stelp_set__((37, 5)))`, `print({37, 5})`},
		{`print(__stelp_set__(x % 7 for x in range(20, 0, -1)))`, `print({x % 7 for x in range(20, 0, -1)})`},
		{`print(__stelp_dict__(((1, 'a'), (2.0, 'b'), (True, 'c'))))`, `print({1: 'a', 2.0: 'b', True: 'c'})`},
		{`print(__stelp_dict__(((k, v) for k, v in zip('ab', [1, 2]))))`, `print({k: v for k, v in zip('ab', [1, 2])})`},
		{`d = {1: 2}` + "\n" + `print(__stelp_dict_merge__(d, {3: 4}), type(__stelp_dict__()) is dict)`, `d = {1: 2}` + "\n" + `print(dict(d, **{}) | {3: 4}, type({}) is dict)`},
		{`print(__stelp_format__(3.14159, '.2f', ''), __stelp_format__('x', '>3', 'r'), __stelp_format__(0.1, '', ''))`, `print('{:.2f}'.format(3.14159), '{!r:>3}'.format('x'), '{}'.format(0.1))`},
	}
	for _, c := range cases {
		got, exc := runSnippet(t, c.lowered)
		want, wexc := runSnippet(t, c.native)
		if exc != "" || wexc != "" {
			t.Errorf("%s: exceptions %q / %q", c.lowered, exc, wexc)
			continue
		}
		if strings.TrimSpace(got) != strings.TrimSpace(want) {
			t.Errorf("%s\n got  %s want %s", c.lowered, got, want)
		}
	}
}

// A metaclass this runtime cannot honour is refused loudly: gpython would
// ignore the keyword and run the class without the behaviour it asks for.
func TestUnsupportedMetaclassIsRefused(t *testing.T) {
	_, exc := runSnippet(t, "class Meta:\n    pass\nclass A(metaclass=Meta):\n    pass\nprint(A)\n")
	if !strings.Contains(exc, "NotImplementedError") || !strings.Contains(exc, "metaclass=Meta") {
		t.Fatalf("exception %q, want NotImplementedError naming metaclass=Meta", exc)
	}
	out, exc := runSnippet(t, "class A(metaclass=type):\n    x = 1\nprint(A.x)\n")
	if exc != "" || strings.TrimSpace(out) != "1" {
		t.Fatalf("metaclass=type: out %q exc %q", out, exc)
	}
}
