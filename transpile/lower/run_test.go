package lower

import (
	"context"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // py.NewContext, py.Compile
)

// standIns replace the runtime ABI of exec/pyrt in plain gpython, enough
// for str-keyed dicts and specs-free formatting: these tests check the
// lowering and the Prelude, not the runtime.
const standIns = `
def __stelp_dict__(pairs=()):
    d = {}
    for k, v in pairs:
        d[k] = v
    return d
def __stelp_dict_merge__(*ms):
    d = {}
    for m in ms:
        for k in m:
            d[k] = m[k]
    return d
def __stelp_set__(it=()):
    return set(it)
def __stelp_format__(v, spec, conv):
    if conv == 'r':
        return repr(v)
    return str(v)
`

// run lowers src and runs it in a fresh gpython context with the Prelude,
// returning what it printed.
func run(t *testing.T, src string) string {
	t.Helper()
	res, err := Lower(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unsupported) > 0 {
		t.Fatalf("unsupported: %v", res.Unsupported)
	}
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	b := ctx.Store().Builtins.Globals
	var out strings.Builder
	b["print"] = py.MustNewMethod("print", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		for i, a := range args {
			if i > 0 {
				out.WriteString(" ")
			}
			s, err := py.Str(a)
			if err != nil {
				return nil, err
			}
			out.WriteString(string(s.(py.String)))
		}
		out.WriteString("\n")
		return py.None, nil
	}, 0, "")
	b["__stelp_globals__"] = b["globals"]
	b["__stelp_locals__"] = b["locals"]
	for _, part := range []string{standIns, Prelude} {
		pc, err := py.Compile(part, "<prelude>", py.ExecMode, 0, true)
		if err != nil {
			t.Fatalf("prelude: %v", err)
		}
		mod, err := py.RunCode(ctx, pc, "<prelude>", "__stelp_prelude__")
		if err != nil {
			t.Fatalf("prelude: %v", err)
		}
		for k, v := range mod.Globals {
			if strings.HasPrefix(k, "__stelp_") {
				b[k] = v
			}
		}
	}
	code, err := py.Compile(string(res.Code), "<test>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatalf("compile: %v\n%s", err, res.Code)
	}
	if _, err := py.RunCode(ctx, code, "<test>", "__main__"); err != nil {
		t.Fatalf("run: %v\n%s\noutput so far:\n%s", err, res.Code, out.String())
	}
	return out.String()
}

// The expected outputs are what CPython 3.11 prints for these programs.
func TestLoweredProgramsRun(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"walrus while and after", `
def f():
    xs = [3, 1, 0, 4]
    i = 0
    out = []
    while (v := xs[i]) != 0:
        out.append(v)
        i += 1
    return out, v
print(f())
`, "([3, 1], 0)\n"},
		{"walrus comprehension binds function local", `
def f(data):
    ys = [y for d in data if (y := d * 3) > 3]
    return ys, y
print(f([1, 2, 3]))
`, "([6, 9], 9)\n"},
		{"walrus module and class", `
if (n := 4) > 3:
    print(n)
class C:
    (k := 2)
    j = k + 1
print(C.k, C.j, [(last := c) for c in "xy"], last)
`, "4\n2 3 ['x', 'y'] y\n"},
		{"walrus nonlocal and global", `
g = 0
def outer():
    t = 1
    def inner():
        nonlocal t
        global g
        (t := t + 1)
        (g := g + 10)
    inner()
    return t
print(outer(), g)
`, "2 10\n"},
		{"match sequences and guards", `
def f(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return "one"
        case [x, *mid, y] if x == y:
            return "ends same " + str(mid)
        case (1 | 2) as small:
            return "small " + str(small)
        case _:
            return "other"
for v in [[], [5], [1, 2, 3, 1], (7, 8), 2, "ab"]:
    print(f(v))
`, "empty\none\nends same [2, 3]\nother\nsmall 2\nother\n"},
		{"match mappings and classes", `
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def f(v):
    match v:
        case {"k": k, **rest}:
            return "map " + str(k) + " " + str(sorted(rest))
        case P(0, y):
            return "y " + str(y)
        case P(x=x, y=0):
            return "x " + str(x)
        case int(n):
            return "int " + str(n)
    return "none"
print(f({"k": 1, "a": 2}), f(P(0, 5)), f(P(3, 0)), f(7), f(P(1, 1)))
`, "map 1 ['a'] y 5 x 3 int 7 none\n"},
		{"match at module level binds globals", `
match (3, 4):
    case (x, 0):
        print("x axis")
    case (x, y):
        print(x + y)
print(x, y)
`, "7\n3 4\n"},
		{"match subject evaluated once", `
calls = []
def subj():
    calls.append(1)
    return 5
def f():
    match subj():
        case 1:
            return "one"
        case n if n > 3:
            return "big " + str(n)
print(f(), len(calls))
`, "big 5 1\n"},
		{"stars and calls", `
def f(*a, **k):
    return list(a), k.get("x"), k.get("y")
a = [1, 2]
print(f(*a, *a), f(0, *a, 3), f(**{"x": 1}, y=2))
print([*a, *"b"], [*(*a, 0)], *a)
`, "([1, 2, 1, 2], None, None) ([0, 1, 2, 3], None, None) ([], 1, 2)\n[1, 2, 'b'] [1, 2, 0] 1 2\n"},
		{"keyword-only defaults and positional-only", `
def f(a, /, b=2, *, c, d=4):
    return a, b, c, d
print(f(1, c=3))
`, "(1, 2, 3, 4)\n"},
		{"f-strings", `
x = 3
name = "n"
print(f"{x} {name!r} {x=} {{x}} " f"{x + 1}" "!")
`, "3 'n' x=3 {x} 4!\n"},
		// (Their order is the runtime dict's business; the stand-in is
		// gpython's unordered dict.)
		{"class annotations kept", `
class D:
    b: int = 1
    a: "str"
    c: list = []
print(sorted(D.__annotations__), D.__annotations__["b"] is int, D.__annotations__["a"], D.b)
`, "['a', 'b', 'c'] True str 1\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.src); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}
