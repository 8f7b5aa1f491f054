package instrument

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestInstrument(t *testing.T) {
	cases := []struct {
		name, src, want string
		trace           bool
	}{
		{"while", "while x:\n    x -= 1\n", "while __stelp_tick__(1) and (x):\n    x -= 1\n", false},
		{"for", "for i in a, b:\n    pass\n", "for i in __stelp_iter__((a, b), 1):\n    pass\n", false},
		{"comprehension", "y = [i for i in range(3) if i]\n", "y = [i for i in __stelp_iter__((range(3)), 1) if i]\n", false},
		{"function entry", "def f(n):\n    return n\n", "def f(n):\n    __stelp_enter__(1); return n\n", false},
		{"entry after docstring", "def f(n):\n    \"\"\"doc\"\"\"\n    return n\n", "def f(n):\n    \"\"\"doc\"\"\"\n    __stelp_enter__(1); return n\n", false},
		{"entry in if header", "def f(n):\n    if n:\n        return 1\n", "def f(n):\n    if (__stelp_enter__(1) and (n)):\n        return 1\n", false},
		{"entry in for header", "def f(xs):\n    for x in xs:\n        pass\n", "def f(xs):\n    for x in __stelp_iter__(((__stelp_enter__(1) and (xs))), 2):\n        pass\n", false},
		{"keyword before paren", "while(x):\n    x -= 1\nfor(i)in(xs):\n    pass\n", "while __stelp_tick__(1) and ((x)):\n    x -= 1\nfor(i)in __stelp_iter__(((xs)), 3):\n    pass\n", false},
		{"keyword before paren traced", "if(x):\n    pass\n", "if __stelp_line__(1) and ((x)):\n    __stelp_line__(2); pass\n", true},
		{"entry in with as", "def f(p):\n    with open(p) as fh:\n        return fh\n", "def f(p):\n    with (__stelp_enter__(1) and (open(p))) as fh:\n        return fh\n", false},
		{"entry in try", "def f():\n    try:\n        g()\n    except E:\n        pass\n", "def f():\n    try:\n        __stelp_enter__(1); g()\n    except E:\n        pass\n", false},
		{"lambda", "f = lambda n: n + 1\n", "f = lambda n: (__stelp_enter__(1) and (n + 1))\n", false},
		{"attr load", "print(f.__globals__)\n", "print(__stelp_attr__(f, \"__globals__\"))\n", false},
		{"attr nested", "x = a.__class__.__base__.__subclasses__()\n", "x = __stelp_attr__(__stelp_attr__(a.__class__, \"__base__\"), \"__subclasses__\")()\n", false},
		{"attr store", "f.__code__ = c\n", "__stelp_attr__(f, \"__code__\", 1)._stelp_denied = c\n", false},
		{"attr object of store is a load", "o.__dict__.x = 1\n", "__stelp_attr__(o, \"__dict__\").x = 1\n", false},
		{"nfkc attr", "f.__ｇlobals__\n", "__stelp_attr__(f, \"__ｇlobals__\")\n", false},
		{"multiline attr", "x = (a\n     .__dict__)\n", "x = (__stelp_attr__(a\n, \"__dict__\"))\n", false},
		{"trace assign", "a, b = 1, 2\n", "__stelp_line__(1); a, b = 1, 2; __stelp_trace__(1, 'a', a); __stelp_trace__(1, 'b', b)\n", true},
		{"trace aug and chained", "x = y = 0\nx += 1\n", "__stelp_line__(1); x = y = 0; __stelp_trace__(1, 'x', x); __stelp_trace__(1, 'y', y)\n__stelp_line__(2); x += 1; __stelp_trace__(2, 'x', x)\n", true},
		{"trace keeps docstring and future", "\"\"\"m\"\"\"\nfrom __future__ import annotations\nx = 1  # c\n", "\"\"\"m\"\"\"\nfrom __future__ import annotations\n__stelp_line__(3); x = 1; __stelp_trace__(3, 'x', x)  # c\n", true},
		{"trace if", "if a:\n    pass\n", "if __stelp_line__(1) and (a):\n    __stelp_line__(2); pass\n", true},
		{"trace loop target", "for i, (a, b) in pairs:\n    # c\n    s = a\n", "for i, (a, b) in __stelp_iter__((pairs), 1, 1):\n    # c\n    __stelp_line__(3); __stelp_trace__(1, 'i', i); __stelp_trace__(1, 'a', a); __stelp_trace__(1, 'b', b); s = a; __stelp_trace__(3, 's', s)\n", true},
		{"one count per line", "a = 1; b = 2\n__x__ = 3\n", "__stelp_line__(1); a = 1; __stelp_trace__(1, 'a', a); b = 2; __stelp_trace__(1, 'b', b)\n__stelp_line__(2); __x__ = 3\n", true},
		{"same-line body", "while c: n += 1\n", "while __stelp_tick__(1) and (c): __stelp_line__(1); n += 1; __stelp_trace__(1, 'n', n)\n", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Instrument(context.Background(), []byte(c.src), Options{Trace: c.trace})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != c.want {
				t.Fatalf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestInstrumentKeepsLinesAndParses(t *testing.T) {
	src := `import math
class A:
    """doc"""
    def m(self, xs):
        total = 0
        for x in xs:
            while x > 0:
                x -= 1; total += 1
        return [t for t in range(total) for u in range(t)]

    @staticmethod
    def s():
        def inner():
            return 1
        return inner()
with ctx() as c:
    v = {k: k for k in range(3)}
`
	for _, trace := range []bool{false, true} {
		out, err := Instrument(context.Background(), []byte(src), Options{Trace: trace})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(string(out), "\n") != strings.Count(src, "\n") {
			t.Fatalf("line count changed:\n%s", out)
		}
		// The output must itself be valid Python.
		if _, err := Instrument(context.Background(), out, Options{}); err != nil {
			t.Fatalf("instrumented code does not parse: %v\n%s", err, out)
		}
	}
}

func TestInstrumentSyntaxError(t *testing.T) {
	_, err := Instrument(context.Background(), []byte("x = 1\ndef f(:\n"), Options{})
	var syn *SyntaxError
	if !errors.As(err, &syn) || syn.Line != 2 {
		t.Fatalf("got %v, want a SyntaxError on line 2", err)
	}
}
