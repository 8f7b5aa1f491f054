package analysis

import (
	"context"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// Node is a syntax node of a Tree with the part of go-tree-sitter's Node
// API that the transpiler uses. It reads the tree's flat copy, so walking
// never crosses into C (the binding pays a cgo call and a map insertion
// per visited node). Nodes are valid until the tree is closed; two
// accesses to the same node return the same *Node.
type Node struct {
	t *Tree
	i int32
}

// syntaxIndex is built on the first RootNode call: node handles, the
// children of each node in arrays for O(1) Child(i), and HasError flags.
type syntaxIndex struct {
	handles    []Node
	kids       []int32 // children of node n: kids[kidStart[n]:kidStart[n+1]]
	kidStart   []int32
	named      []int32 // named children of node n: named[namedStart[n]:namedStart[n+1]]
	namedStart []int32
	hasError   []bool
	fill       []int32 // scratch of buildSyntaxIndex: the next free slot per parent
}

// ParseSource parses src with the fast parser, or when it bails, with a
// pooled tree-sitter parser: for one-off parses (the transpiler's), where
// building a tree-sitter parser would cost as much as parsing a short
// program. A fast-parsed tree has no tree-sitter tree (Sitter is nil).
// Close the tree when done.
func ParseSource(ctx context.Context, src []byte) (*Tree, error) {
	// The tree keeps its own copy, as Parser.Parse does.
	return parseSource(ctx, src, append([]byte(nil), src...))
}

// ParseSourceShared is ParseSource for a caller that keeps src unchanged
// while the tree lives: a fast-parsed tree uses src itself, not a copy
// (stelp check, which holds every file's source to the end anyway).
func ParseSourceShared(ctx context.Context, src []byte) (*Tree, error) {
	return parseSource(ctx, src, src)
}

// parseSource parses src; the fast parser's tree keeps keep, src or a
// copy of it.
func parseSource(ctx context.Context, src, keep []byte) (*Tree, error) {
	if ctx.Err() == nil {
		if t := fastTreePooled(keep); t != nil {
			return t, nil
		}
	}
	p := getParser()
	t, err := p.Parse(ctx, nil, src)
	if err != nil {
		putParser(p)
		return nil, err
	}
	t.pooled = true
	return t, nil
}

// RootNode returns the tree's root, or nil for a closed tree.
func (t *Tree) RootNode() *Node {
	if t == nil || len(t.nodes) == 0 {
		return nil
	}
	if t.syn == nil {
		t.buildSyntaxIndex()
	}
	return &t.syn.handles[0]
}

func (t *Tree) buildSyntaxIndex() {
	nodes := t.nodes
	n := len(nodes)
	s, _ := spareIndexes.Get().(*syntaxIndex)
	if s == nil {
		s = &syntaxIndex{}
	}
	s.handles = resized(s.handles, n)
	s.kidStart, s.namedStart = resized(s.kidStart, n+1), resized(s.namedStart, n+1)
	s.hasError = resized(s.hasError, n)
	for i := range s.handles {
		s.handles[i] = Node{t: t, i: int32(i)}
	}
	// Count, prefix-sum, fill: the children of every node, in order.
	for i := 1; i < n; i++ {
		p := nodes[i].parent
		s.kidStart[p+1]++
		if nodes[i].named {
			s.namedStart[p+1]++
		}
	}
	for i := 0; i < n; i++ {
		s.kidStart[i+1] += s.kidStart[i]
		s.namedStart[i+1] += s.namedStart[i]
	}
	s.kids = resized(s.kids, int(s.kidStart[n]))
	s.named = resized(s.named, int(s.namedStart[n]))
	s.fill = resized(s.fill, 2*n)
	fillK, fillN := s.fill[:n], s.fill[n:]
	copy(fillK, s.kidStart[:n])
	copy(fillN, s.namedStart[:n])
	for i := 1; i < n; i++ {
		p := nodes[i].parent
		s.kids[fillK[p]] = int32(i)
		fillK[p]++
		if nodes[i].named {
			s.named[fillN[p]] = int32(i)
			fillN[p]++
		}
	}
	// Pre-order: children come after their parent, so a reverse pass sees
	// every child before its parent.
	for i := n - 1; i >= 0; i-- {
		if nodes[i].missing || nodes[i].kind == "ERROR" {
			s.hasError[i] = true
		}
		if s.hasError[i] && nodes[i].parent >= 0 {
			s.hasError[nodes[i].parent] = true
		}
	}
	t.syn = s
}

func (n *Node) at(i int32) *Node {
	if i < 0 {
		return nil
	}
	return &n.t.syn.handles[i]
}

func (n *Node) nd() *node { return &n.t.nodes[n.i] }

// Type is the node's grammar symbol name ("call", "identifier", "(").
func (n *Node) Type() string { return n.nd().kind }

// Symbol is the node's grammar symbol id (all ERROR nodes share one).
func (n *Node) Symbol() sitter.Symbol { return sitter.Symbol(n.nd().sym) }

// StartByte and EndByte are the node's byte offsets in the source.
func (n *Node) StartByte() uint32 { return n.nd().start }

// EndByte is the offset just after the node.
func (n *Node) EndByte() uint32 { return n.nd().end }

// StartPoint is the node's start as a 0-based row and byte column.
func (n *Node) StartPoint() sitter.Point {
	p := n.t.pos(n.nd().start)
	return sitter.Point{Row: uint32(p.Line), Column: uint32(p.Column)}
}

// IsNamed reports a named node (not an anonymous token such as "(").
func (n *Node) IsNamed() bool { return n.nd().named }

// IsMissing reports a node tree-sitter inserted to recover from an error.
func (n *Node) IsMissing() bool { return n.nd().missing }

// IsError reports an ERROR node.
func (n *Node) IsError() bool { return n.nd().kind == "ERROR" }

// HasError reports an ERROR or MISSING node in the subtree (n included).
func (n *Node) HasError() bool { return n.t.syn.hasError[n.i] }

// Parent returns the parent node, nil for the root.
func (n *Node) Parent() *Node { return n.at(n.nd().parent) }

// Equal reports whether n and o are the same node.
func (n *Node) Equal(o *Node) bool { return o != nil && n.t == o.t && n.i == o.i }

// ChildCount is the number of children, anonymous tokens included.
func (n *Node) ChildCount() uint32 { return uint32(len(n.list(n.t.syn.kidStart, n.t.syn.kids))) }

// Child returns child i, or nil.
func (n *Node) Child(i int) *Node { return n.pick(n.list(n.t.syn.kidStart, n.t.syn.kids), i) }

// NamedChildCount is the number of named children.
func (n *Node) NamedChildCount() uint32 {
	return uint32(len(n.list(n.t.syn.namedStart, n.t.syn.named)))
}

// NamedChild returns named child i, or nil.
func (n *Node) NamedChild(i int) *Node { return n.pick(n.list(n.t.syn.namedStart, n.t.syn.named), i) }

// list is n's slice of one of the index's child lists.
func (n *Node) list(start, all []int32) []int32 { return all[start[n.i]:start[n.i+1]] }

func (n *Node) pick(list []int32, i int) *Node {
	if i < 0 || i >= len(list) {
		return nil
	}
	return n.at(list[i])
}

// Children returns the children in order (a fresh slice).
func (n *Node) Children() []*Node {
	ks := n.list(n.t.syn.kidStart, n.t.syn.kids)
	out := make([]*Node, len(ks))
	for j, k := range ks {
		out[j] = n.at(k)
	}
	return out
}

// ChildByFieldName returns the first child in field f, or nil.
func (n *Node) ChildByFieldName(f string) *Node {
	nodes := n.t.nodes
	for c := nodes[n.i].first; c >= 0; c = nodes[c].next {
		if nodes[c].field == f {
			return n.at(c)
		}
	}
	return nil
}

// FieldNameForChild returns the field of child i ("" for none; comments
// and other extras belong to no field).
func (n *Node) FieldNameForChild(i int) string {
	if c := n.Child(i); c != nil {
		return c.nd().field
	}
	return ""
}

// spareIndexes keeps the syntax indexes of closed fast-parsed trees (see
// Tree.Close) for the next tree's.
var spareIndexes sync.Pool

// resized returns s with length n and every element zero, reusing its
// array when it is large enough.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
