package analysis

/*
#include <stdint.h>
#include <stdbool.h>

// These mirror tree_sitter/api.h of the pinned smacker/go-tree-sitter; the
// functions are linked from that package's C objects. Walking the tree in C
// costs one cgo call per document instead of several per node (the Go
// binding also caches every visited node in a map, which dominates a check).
typedef struct { uint32_t context[4]; const void *id; const void *tree; } stelp_TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[2]; } stelp_TSTreeCursor;

extern stelp_TSTreeCursor ts_tree_cursor_new(stelp_TSNode);
extern void ts_tree_cursor_delete(stelp_TSTreeCursor *);
extern stelp_TSNode ts_tree_cursor_current_node(const stelp_TSTreeCursor *);
extern uint16_t ts_tree_cursor_current_field_id(const stelp_TSTreeCursor *);
extern bool ts_tree_cursor_goto_first_child(stelp_TSTreeCursor *);
extern bool ts_tree_cursor_goto_next_sibling(stelp_TSTreeCursor *);
extern bool ts_tree_cursor_goto_parent(stelp_TSTreeCursor *);
extern uint16_t ts_node_symbol(stelp_TSNode);
extern uint32_t ts_node_start_byte(stelp_TSNode);
extern uint32_t ts_node_end_byte(stelp_TSNode);
extern bool ts_node_is_named(stelp_TSNode);
extern bool ts_node_is_missing(stelp_TSNode);

typedef struct {
	uint32_t start, end;
	int32_t parent;
	uint16_t sym, field;
	uint8_t flags;
} stelp_flat;

// stelp_flatten writes the tree in pre-order into out and returns the node
// count, or -1 when out (capacity cap) is too small. The walk is iterative:
// the depth of the tree never touches the C stack.
static int64_t stelp_flatten(stelp_TSNode root, stelp_flat *out, int64_t cap) {
	stelp_TSTreeCursor c = ts_tree_cursor_new(root);
	int64_t n = 0;
	int64_t parent = -1;
	for (;;) {
		if (n >= cap) {
			ts_tree_cursor_delete(&c);
			return -1;
		}
		stelp_TSNode node = ts_tree_cursor_current_node(&c);
		stelp_flat *f = &out[n];
		f->start = ts_node_start_byte(node);
		f->end = ts_node_end_byte(node);
		f->sym = ts_node_symbol(node);
		f->field = ts_tree_cursor_current_field_id(&c);
		f->flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0);
		f->parent = (int32_t)parent;
		int64_t self = n;
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) {
			parent = self;
			continue;
		}
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) {
				break;
			}
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			parent = out[parent].parent;
		}
	}
}
*/
import "C"

import (
	"fmt"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// flatten copies the syntax tree into a Go slice in pre-order, so that the
// rules walk plain memory. Children follow their parent; siblings are linked.
func flatten(root *sitter.Node, lang *langTables) ([]node, error) {
	// sitter.Node's first field is the C TSNode value (pinned version).
	cRoot := *(*C.stelp_TSNode)(unsafe.Pointer(root))
	capacity := int64(root.EndByte()/2) + 64
	var raw []C.stelp_flat
	for {
		raw = make([]C.stelp_flat, capacity)
		n := C.stelp_flatten(cRoot, &raw[0], C.int64_t(capacity))
		if n >= 0 {
			raw = raw[:n]
			break
		}
		capacity *= 2
	}
	if len(raw) == 0 || uint32(raw[0].start) != root.StartByte() || uint32(raw[0].end) != root.EndByte() || uint16(raw[0].sym) != uint16(root.Symbol()) {
		return nil, fmt.Errorf("flatten syntax tree: layout of the tree-sitter binding changed")
	}
	nodes := make([]node, len(raw))
	last := make([]int32, len(raw))
	for i := range raw {
		r := &raw[i]
		nd := &nodes[i]
		nd.start, nd.end = uint32(r.start), uint32(r.end)
		nd.kind = lang.symbol(uint16(r.sym))
		nd.sym = uint16(r.sym)
		if int(nd.sym) >= len(lang.symbols) {
			nd.sym = uint16(len(lang.symbols)) // ERROR
		}
		nd.field = lang.fieldName(uint16(r.field))
		nd.named = r.flags&1 != 0
		nd.missing = r.flags&2 != 0
		nd.parent = int32(r.parent)
		nd.first, nd.next = -1, -1
		last[i] = -1
		if p := nd.parent; p >= 0 {
			if l := last[p]; l >= 0 {
				nodes[l].next = int32(i)
			} else {
				nodes[p].first = int32(i)
			}
			last[p] = int32(i)
		}
	}
	// Pre-order keeps every subtree contiguous; record where each ends so
	// that rules scan descendants with a loop instead of recursion.
	for i := len(nodes) - 1; i >= 0; i-- {
		if nodes[i].stop == 0 {
			nodes[i].stop = int32(i + 1)
		}
		if p := nodes[i].parent; p >= 0 && nodes[p].stop < nodes[i].stop {
			nodes[p].stop = nodes[i].stop
		}
	}
	return nodes, nil
}
