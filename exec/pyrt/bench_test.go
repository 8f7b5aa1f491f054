package pyrt

import (
	"testing"

	"github.com/go-python/gpython/py"
)

// BenchmarkInstall measures preparing a fresh context (what every run pays).
func BenchmarkInstall(b *testing.B) {
	ctx := py.NewContext(py.DefaultContextOpts())
	if err := Install(ctx); err != nil { // the once-per-process part
		b.Fatal(err)
	}
	ctx.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx := py.NewContext(py.DefaultContextOpts())
		if err := Install(ctx); err != nil {
			b.Fatal(err)
		}
		ctx.Close()
	}
}

func benchRun(b *testing.B, src string) {
	code, err := Compile(src, "<bench>")
	if err != nil {
		b.Fatal(err)
	}
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	if err := Install(ctx); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := py.StringDict{"__name__": py.String("__main__")}
		if _, err := ctx.RunCode(code, g, g, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDictLoop is a dict-heavy loop: 10,000 int-keyed and 10,000
// str-keyed insertions and lookups per iteration.
func BenchmarkDictLoop(b *testing.B) {
	benchRun(b, `
d = {}
for i in range(10000):
    d[i] = i * 2
total = 0
for i in range(10000):
    total += d[i]
words = {}
for i in range(10000):
    k = "w%d" % (i % 500)
    words[k] = words.get(k, 0) + 1
assert total == 99990000 and len(words) == 500
`)
}

// BenchmarkClassDunders exercises user-class arithmetic and comparison.
func BenchmarkClassDunders(b *testing.B) {
	benchRun(b, `
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __lt__(self, o): return self.x < o.x
acc = V(0)
for i in range(2000):
    acc = acc + V(i)
vs = sorted([V(i % 97) for i in range(2000)])
assert acc.x == 1999000
`)
}
