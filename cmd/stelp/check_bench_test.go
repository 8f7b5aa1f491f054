package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkCheckTree is `stelp check --format json DIR` over 200 files of
// ~60 lines in 10 folders with two configs: walking, config discovery,
// analysis on all CPUs and output, per run.
func BenchmarkCheckTree(b *testing.B) {
	var body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&body, "def f%d(xs):\n    total = 0\n    for x in xs:\n        total += x * %d\n    return total\n\n", i, i)
	}
	body.WriteString("y = eval(s)\n")
	files := map[string]string{
		".stelp.yaml":     "rules: {SP101: warning}\n",
		"d3/.stelp.yaml":  "extends: ../.stelp.yaml\npaths: {\"*_t.py\": {rules: {SP101: off}}}\n",
		"venv/pyvenv.cfg": "",
	}
	for d := range 10 {
		for f := range 20 {
			files[fmt.Sprintf("d%d/m%d_t.py", d, f)] = body.String()
		}
	}
	root := project(b, files)
	ctx := context.Background()
	for b.Loop() {
		if code := run(ctx, []string{"check", "--format", "json", root}, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
