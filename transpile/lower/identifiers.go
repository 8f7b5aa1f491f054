package lower

import (
	"github.com/stelp-dev/stelp/analysis"
	"golang.org/x/text/unicode/norm"
)

// normaliseIdentifiers spells every identifier in its NFKC form, as CPython's
// tokenizer does: `ｘ = 2` binds x, and `obj.__ｂａｓｅ__` reads __base__.
// gpython compares names byte by byte, so without this a program would
// silently read a different variable than CPython. NFKC never yields a
// newline, so lines stay where they were. It reports whether anything
// changed; ASCII-only sources cost one scan.
func normaliseIdentifiers(tree *analysis.Tree) ([]byte, bool) {
	src := tree.Source()
	if analysis.IsASCII(src) {
		return src, false
	}
	var out []byte
	pos := uint32(0)
	var walk func(n *analysis.Node)
	walk = func(n *analysis.Node) {
		if n.Type() == "identifier" {
			name := src[n.StartByte():n.EndByte()]
			if !analysis.IsASCII(name) {
				if nf := norm.NFKC.Bytes(name); string(nf) != string(name) {
					out = append(append(out, src[pos:n.StartByte()]...), nf...)
					pos = n.EndByte()
				}
			}
			return
		}
		for _, c := range n.Children() {
			walk(c)
		}
	}
	walk(tree.RootNode())
	if out == nil {
		return src, false
	}
	return append(out, src[pos:]...), true
}
