package analysis

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzCheck: any input must be checked without panicking, with findings
// whose ranges lie inside the source and whose contract columns are sane.
// `go test` runs the seeds; `go test -fuzz FuzzCheck ./analysis` explores.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"x = eval(input())\n",
		"while True:\n    pass\n",
		"def f(n):\n    return f(n)\n",
		"getattr(__builtins__, 'ev' + 'al')('1')\n",
		"\"{0.__class__}\".format(x)  # stelp: ignore[SP203] demo\n",
		"class A:\n    run = exec\nA.run('x')\n",
		"(((((((((",
		"\xff\xfe\x00",
		"ｅｖａｌ('1')\n",
		"import os as o\no.system('id')\n",
		"s = 'a' * 10**10\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := lineStarts(src)
		for _, fd := range Check(context.Background(), src, nil) {
			r := fd.Range
			if r.Start.Line < 0 || r.Start.Line >= len(lines) || r.End.Line < r.Start.Line || r.End.Line >= len(lines) {
				t.Fatalf("range out of source: %+v (%d lines)", r, len(lines))
			}
			if int(lines[r.End.Line])+r.End.Column > len(src) {
				t.Fatalf("end beyond source: %+v", r)
			}
			c := fd.Contract(src)
			if c.Line < 1 || c.Column < 1 || c.EndLine < c.Line {
				t.Fatalf("contract position %+v", c)
			}
			if !utf8.ValidString(fd.Message) {
				t.Fatalf("message is not UTF-8: %q", fd.Message)
			}
		}
	})
}
