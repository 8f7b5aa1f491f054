package analysis

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// fpMutations returns variants of src that move comments, blank lines and
// line continuations around: the places where tree-sitter's hidden
// NEWLINE/INDENT/DEDENT tokens decide which node a comment lands in.
func fpMutations(src []byte) [][]byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	var out [][]byte
	indentOf := func(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " ")) }
	with := func(i int, insert string) []byte {
		var b bytes.Buffer
		for j, l := range lines {
			if j == i {
				b.WriteString(insert)
			}
			b.Write(l)
		}
		if i == len(lines) {
			b.WriteString(insert)
		}
		return b.Bytes()
	}
	for i := 0; i <= len(lines); i++ {
		prev, cur := 0, 0
		if i > 0 {
			prev = indentOf(lines[i-1])
		}
		if i < len(lines) {
			cur = indentOf(lines[i])
		}
		seen := map[int]bool{}
		for _, k := range []int{0, 2, prev, cur, prev + 4} {
			if !seen[k] {
				seen[k] = true
				out = append(out, with(i, strings.Repeat(" ", k)+"# m\n"))
			}
		}
		out = append(out, with(i, "\n"))
		if i < len(lines) {
			// a comment at the end of line i, and the line split before
			// its last token by a continuation
			l := bytes.TrimRight(lines[i], "\n")
			mut := append(append([]byte(nil), l...), "  # t\n"...)
			out = append(out, replaceLine(lines, i, mut))
			if k := bytes.LastIndexByte(l, ' '); k > indentOf(l) {
				cont := append(append(append([]byte(nil), l[:k]...), " \\\n    "...), l[k+1:]...)
				out = append(out, replaceLine(lines, i, append(cont, '\n')))
			}
		}
	}
	return out
}

func replaceLine(lines [][]byte, i int, with []byte) []byte {
	var b bytes.Buffer
	for j, l := range lines {
		if j == i {
			b.Write(with)
		} else {
			b.Write(l)
		}
	}
	return b.Bytes()
}

// TestFastParseMutations compares the parsers on comment, blank-line and
// continuation variants of the snippets and of a sample of the other
// sources.
func TestFastParseMutations(t *testing.T) {
	p := NewParser()
	defer p.Close()
	var tally fpTally
	check := func(name string, src []byte) {
		for i, m := range fpMutations(src) {
			tally.add(fmt.Sprintf("%s mutation %d", name, i), fpCompare(t, p, fmt.Sprintf("%s mutation %d: %q", name, i, m), m))
		}
	}
	for i, c := range fpSnippets {
		check(fmt.Sprintf("snippet %d", i), []byte(c.src))
	}
	check("benchSource(40)", benchSource(40))
	for i, f := range fpTestdataFiles(t) {
		if i%12 != 0 || testing.Short() {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(src) < 4000 {
			check(f, src)
		}
	}
	t.Logf("mutations: %v", &tally)
	tally.logSites(t)
}

// FuzzFastParse: for any input, the fast parser bails or writes the tree
// tree-sitter writes. `go test -fuzz FuzzFastParse ./analysis` explores
// from the testdata programs, the snippets and their mutations.
func FuzzFastParse(f *testing.F) {
	for _, c := range fpSnippets {
		f.Add([]byte(c.src))
	}
	f.Add(benchSource(30))
	if files, err := fpTestdataFilesFS(); err == nil {
		for i, name := range files {
			src, err := os.ReadFile(name)
			if err == nil && len(src) < 3000 {
				f.Add(src)
				if i%5 == 0 {
					for j, m := range fpMutations(src) {
						if j%7 == 0 {
							f.Add(m)
						}
					}
				}
			}
		}
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		fpCompare(t, p, fmt.Sprintf("%q", src), src)
	})
}
