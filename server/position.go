package server

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"
	"go.lsp.dev/protocol"

	"github.com/stelp-dev/stelp/analysis"
)

// lineIndex holds the byte offset of every line start of one text. LSP
// positions are (line, UTF-16 unit); analysis positions are (line, byte):
// all conversions go through here.
type lineIndex struct {
	text   []byte
	starts []int
}

func newLineIndex(text []byte) *lineIndex {
	starts := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	for i, b := range text {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// lineEnd is the byte offset of the end of line (before "\r\n" or "\n").
func (ix *lineIndex) lineEnd(line int) int {
	if line+1 < len(ix.starts) {
		end := ix.starts[line+1] - 1
		if end > ix.starts[line] && ix.text[end-1] == '\r' {
			end--
		}
		return end
	}
	return len(ix.text)
}

// offset converts an LSP position to a byte offset. As LSP asks, a line
// past the end means the end of the text and a character past the end of
// its line means the end of that line; a position inside a surrogate pair
// rounds to the start of the character.
func (ix *lineIndex) offset(p protocol.Position) int {
	line := int(p.Line)
	if line >= len(ix.starts) {
		return len(ix.text)
	}
	off, end := ix.starts[line], ix.lineEnd(line)
	units := int(p.Character)
	for off < end && units > 0 {
		r, size := utf8.DecodeRune(ix.text[off:end])
		w := utf16.RuneLen(r)
		if w < 0 { // invalid UTF-8 byte: one unit, as editors show U+FFFD
			w = 1
		}
		if w > units {
			break
		}
		units -= w
		off += size
	}
	return off
}

// position converts a byte offset to an LSP position.
func (ix *lineIndex) position(off int) protocol.Position {
	off = max(0, min(off, len(ix.text)))
	line := ix.lineOf(off)
	return protocol.Position{Line: uint32(line), Character: uint32(utf16Len(ix.text[ix.starts[line]:off]))}
}

func (ix *lineIndex) lineOf(off int) int {
	lo, hi := 0, len(ix.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ix.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// byteOffset converts an analysis position (line, byte column), clamped.
func (ix *lineIndex) byteOffset(p analysis.Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(ix.starts) {
		return len(ix.text)
	}
	return min(ix.starts[p.Line]+max(p.Column, 0), ix.lineEnd(p.Line))
}

func (ix *lineIndex) lspRange(r analysis.Range) protocol.Range {
	return protocol.Range{Start: ix.position(ix.byteOffset(r.Start)), End: ix.position(ix.byteOffset(r.End))}
}

// point is the tree-sitter position (row, byte column) of an offset.
func (ix *lineIndex) point(off int) sitter.Point {
	line := ix.lineOf(off)
	return sitter.Point{Row: uint32(line), Column: uint32(off - ix.starts[line])}
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if w := utf16.RuneLen(r); w > 0 {
			n += w
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}

// applyChange replaces text[start:end] with repl and returns the new text
// with the tree-sitter edit that describes the change.
func applyChange(ix *lineIndex, start, end int, repl string) ([]byte, sitter.EditInput) {
	text := ix.text
	out := make([]byte, 0, len(text)-(end-start)+len(repl))
	out = append(out, text[:start]...)
	out = append(out, repl...)
	out = append(out, text[end:]...)
	sp := ix.point(start)
	np := sp
	if nl := bytes.Count([]byte(repl), []byte{'\n'}); nl > 0 {
		np.Row += uint32(nl)
		np.Column = uint32(len(repl) - (bytes.LastIndexByte([]byte(repl), '\n') + 1))
	} else {
		np.Column += uint32(len(repl))
	}
	return out, sitter.EditInput{
		StartIndex:  uint32(start),
		OldEndIndex: uint32(end),
		NewEndIndex: uint32(start + len(repl)),
		StartPoint:  sp,
		OldEndPoint: ix.point(end),
		NewEndPoint: np,
	}
}
