package analysis

import sitter "github.com/smacker/go-tree-sitter"

// EndPoint is the node's end as a 0-based row and byte column.
func (n *Node) EndPoint() sitter.Point {
	p := n.t.pos(n.nd().end)
	return sitter.Point{Row: uint32(p.Line), Column: uint32(p.Column)}
}

// NextNamedSibling returns the next named node with the same parent, or nil.
func (n *Node) NextNamedSibling() *Node {
	nodes := n.t.nodes
	for c := nodes[n.i].next; c >= 0; c = nodes[c].next {
		if nodes[c].named {
			return n.at(c)
		}
	}
	return nil
}

// NamedDescendantForByteRange returns the smallest named node within n that
// spans the bytes [start, end), or n itself. It descends as tree-sitter's
// ts_node_named_descendant_for_byte_range does: into the first child that
// reaches end and starts no later than start.
func (n *Node) NamedDescendantForByteRange(start, end uint32) *Node {
	nodes := n.t.nodes
	cur, last := n.i, n.i
	for {
		next := int32(-1)
		for c := nodes[cur].first; c >= 0; c = nodes[c].next {
			if nodes[c].end < end || nodes[c].end <= start {
				continue
			}
			if start < nodes[c].start {
				break
			}
			next = c
			break
		}
		if next < 0 {
			return n.at(last)
		}
		cur = next
		if nodes[cur].named {
			last = cur
		}
	}
}
