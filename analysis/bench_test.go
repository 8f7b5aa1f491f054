package analysis

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/internal/cputime"
	"github.com/stelp-dev/stelp/policy"
)

// benchSource builds a realistic file of about n lines: functions with
// loops, comprehensions, string work, imports and a few unsafe calls.
func benchSource(n int) []byte {
	var b strings.Builder
	b.WriteString("import math\nimport re\nfrom typing import List\n\n")
	lines := 4
	for i := 0; lines < n; i++ {
		fmt.Fprintf(&b, `def func_%d(values: List[int], text: str) -> int:
    """Docstring for func_%d: eval(x) here is text."""
    total = 0
    seen = set()
    for i, v in enumerate(values):
        if v %% 2 == 0 and v not in seen:
            total += v * i
            seen.add(v)
        elif v > 10:
            total -= math.floor(v / 3)
    words = [w.lower() for w in re.split(r"\s+", text) if w]
    counts = {w: words.count(w) for w in set(words)}
    while total > 100:
        total //= 2
    label = f"{text[:3]}-{total}"
    if len(label) > 5 and counts:
        return max(counts.values()) + total
    return total + len("ab" + "cd")


`, i, i)
		lines += 19
		if i%10 == 0 {
			b.WriteString("x = eval('1 + 1')\n")
			lines++
		}
	}
	return []byte(b.String())
}

// BenchmarkCheck2000Lines is a full check (parse, flatten, resolve, all
// rules) of a 2,000-line file.
func BenchmarkCheck2000Lines(b *testing.B) {
	src := benchSource(2000)
	pol := policy.Default()
	ctx := context.Background()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		Check(ctx, src, pol)
	}
	cputime.ReportPerOp(b, start)
}

// BenchmarkCheckTree2000Lines is the analysis alone on a parsed tree (what
// the language server runs after an incremental parse).
func BenchmarkCheckTree2000Lines(b *testing.B) {
	src := benchSource(2000)
	p := NewParser()
	defer p.Close()
	t, err := p.Parse(context.Background(), nil, src)
	if err != nil {
		b.Fatal(err)
	}
	defer t.Close()
	pol := policy.Default()
	b.ResetTimer()
	start := cputime.Used()
	for i := 0; i < b.N; i++ {
		CheckTree(context.Background(), t, pol)
	}
	cputime.ReportPerOp(b, start)
}

// BenchmarkIncrementalParse2000Lines re-parses after a one-character edit
// in the middle of the file (typing a character, then deleting it), as the
// language server does on each keystroke: parse and flatten, no rules.
func BenchmarkIncrementalParse2000Lines(b *testing.B) {
	src := benchSource(2000)
	at := bytes.Index(src[len(src)/2:], []byte("total += v")) + len(src)/2 + len("total")
	typed, ins := replace(src, at, at, "x")
	_, del := replace(typed, at, at+1, "")
	p := NewParser()
	defer p.Close()
	ctx := context.Background()
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { t.Close() }()
	b.ResetTimer()
	start := cputime.Used()
	defer cputime.ReportPerOp(b, start)
	for i := 0; i < b.N; i++ {
		text, e := typed, ins
		if i%2 == 1 {
			text, e = src, del
		}
		t.Edit(e)
		t2, err := p.Parse(ctx, t, text)
		if err != nil {
			b.Fatal(err)
		}
		t.Close()
		t = t2
	}
}
