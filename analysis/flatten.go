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
	uint64_t ptr; // the node's subtree (0: an inline leaf), see subtreeOf
	uint32_t start, end;
	int32_t parent, first, next, stop;
	int32_t reuse; // index in the old tree of a subtree copied from it, or -1
	uint16_t sym, field;
	uint8_t flags;
} stelp_flat;

// One slot of the reuse table: an old tree's subtree, where it starts in
// that tree's flat nodes and how many flat nodes it spans.
typedef struct {
	uint64_t key;
	int32_t idx, size;
} stelp_reuse;

// stelp_subtree returns the identity of a node's subtree. A TSNode's id
// points at the Subtree slot in its parent's child array; the slot holds
// either an inline leaf (low bit set) or a pointer to the shared,
// immutable heap data. An incremental parse links the unchanged subtrees
// of the old tree into the new one, so the same pointer in both trees is
// the same subtree, with the same descendants.
static uint64_t stelp_subtree(stelp_TSNode node) {
	uint64_t v = *(const uint64_t *)node.id;
	return (v & 1) ? 0 : v;
}

static const stelp_reuse *stelp_lookup(const stelp_reuse *tab, uint64_t mask, uint64_t key) {
	uint64_t h = ((key >> 4) * 0x9E3779B97F4A7C15ull) >> 32;
	for (uint64_t i = h & mask;; i = (i + 1) & mask) {
		if (tab[i].key == key) {
			return &tab[i];
		}
		if (tab[i].key == 0) {
			return 0;
		}
	}
}

// stelp_flatten writes the tree in pre-order into out and returns the node
// count, or -1 when out (capacity cap) is too small. The walk is iterative:
// the depth of the tree never touches the C stack. A subtree found in tab
// (an old tree's subtrees; may be null) is not walked: its root is written
// with reuse set, and the slots of its descendants are left for the caller
// to copy from the old tree.
static int64_t stelp_flatten(stelp_TSNode root, stelp_flat *out, int64_t cap,
		const stelp_reuse *tab, uint64_t mask) {
	stelp_TSTreeCursor c = ts_tree_cursor_new(root);
	int64_t n = 0;
	int64_t parent = -1;
	int64_t prev = -1; // the node whose subtree ended last, at this level
	for (;;) {
		if (n >= cap) {
			ts_tree_cursor_delete(&c);
			return -1;
		}
		stelp_TSNode node = ts_tree_cursor_current_node(&c);
		stelp_flat *f = &out[n];
		f->ptr = stelp_subtree(node);
		f->start = ts_node_start_byte(node);
		f->end = ts_node_end_byte(node);
		f->sym = ts_node_symbol(node);
		f->field = ts_tree_cursor_current_field_id(&c);
		f->flags = (ts_node_is_named(node) ? 1 : 0) | (ts_node_is_missing(node) ? 2 : 0);
		f->parent = (int32_t)parent;
		f->first = -1;
		f->next = -1;
		f->reuse = -1;
		int64_t self = n;
		n++;
		const stelp_reuse *r = 0;
		if (tab && f->ptr) {
			r = stelp_lookup(tab, mask, f->ptr);
		}
		if (r) {
			if (self + r->size > cap) {
				ts_tree_cursor_delete(&c);
				return -1;
			}
			f->reuse = r->idx;
			n = self + r->size;
			f->stop = (int32_t)n;
			if (r->size > 1) {
				f->first = (int32_t)(self + 1);
			}
			prev = self;
		} else if (ts_tree_cursor_goto_first_child(&c)) {
			f->first = (int32_t)n;
			parent = self;
			prev = -1;
			continue;
		} else {
			f->stop = (int32_t)n;
			prev = self;
		}
		for (;;) {
			if (ts_tree_cursor_goto_next_sibling(&c)) {
				out[prev].next = (int32_t)n;
				break;
			}
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			out[parent].stop = (int32_t)n;
			prev = parent;
			parent = out[parent].parent;
		}
	}
}
*/
import "C"

import (
	"cmp"
	"fmt"
	"slices"
	"unsafe"

	sitter "github.com/smacker/go-tree-sitter"
)

// minReuse is the smallest subtree (in flat nodes) that an incremental
// flatten copies from the old tree instead of walking it again; smaller
// ones cost more to look up than to walk.
const minReuse = 16

// flatScratch is what flatten reuses from one parse to the next: the C
// side's output and the index of the old tree's subtrees.
type flatScratch struct {
	raw    []C.stelp_flat
	reuse  reuseTable
	copied int // nodes the last flatten copied from the old tree

	// suspects are the nodes the last flatten walked (not those copied
	// from the old tree) whose kind a misparse involves (see repair.go).
	suspects []int32
	tried    int // patches the last Parse tried, kept or not
}

// reuseTable indexes a tree's larger subtrees by identity (open
// addressing, key 0 = empty) for the flatten of the tree parsed from it.
type reuseTable struct {
	slots []C.stelp_reuse
	mask  uint64
}

// bigSubtree is a subtree of at least minReuse flat nodes: its identity
// (stelp_subtree), first node and node count. A tree lists them in node
// order, for the next parse's reuse table.
type bigSubtree struct {
	key       uint64
	idx, size int32
}

func reuseHash(key uint64) uint64 { return ((key >> 4) * 0x9E3779B97F4A7C15) >> 32 }

// buildReuse indexes the big subtrees of t.
func (t *Tree) buildReuse(tab *reuseTable) {
	size := 16
	for size < 2*len(t.bigs) {
		size *= 2
	}
	if cap(tab.slots) >= size {
		tab.slots = tab.slots[:size]
		clear(tab.slots)
	} else {
		tab.slots = make([]C.stelp_reuse, size)
	}
	tab.mask = uint64(size - 1)
	for _, b := range t.bigs {
		for j := reuseHash(b.key) & tab.mask; ; j = (j + 1) & tab.mask {
			s := &tab.slots[j]
			if uint64(s.key) == b.key {
				break // the same subtree twice: either copy is right
			}
			if s.key == 0 {
				s.key, s.idx, s.size = C.uint64_t(b.key), C.int32_t(b.idx), C.int32_t(b.size)
				break
			}
		}
	}
}

// flatten copies the syntax tree into flat nodes in pre-order, so that the
// rules walk plain memory. Children follow their parent; siblings are
// linked. old, when not nil, is the tree the parse started from: the
// subtrees tree-sitter carried over unchanged are copied from its nodes
// (shifted to their new place) instead of being walked again.
func (p *Parser) flatten(root *sitter.Node, old *Tree) (nodes []node, bigs []bigSubtree, err error) {
	// sitter.Node's first field is the C TSNode value (pinned version).
	cRoot := *(*C.stelp_TSNode)(unsafe.Pointer(root))
	capacity := int(root.EndByte()/2) + 64
	var tab *C.stelp_reuse
	var mask C.uint64_t
	if old != nil && len(old.nodes) > 0 {
		old.buildReuse(&p.scratch.reuse)
		tab, mask = &p.scratch.reuse.slots[0], C.uint64_t(p.scratch.reuse.mask)
		capacity = max(capacity, len(old.nodes)+len(old.nodes)/4+64)
	}
	var n int
	for {
		if cap(p.scratch.raw) < capacity {
			p.scratch.raw = make([]C.stelp_flat, capacity)
		}
		p.scratch.raw = p.scratch.raw[:cap(p.scratch.raw)]
		got := C.stelp_flatten(cRoot, &p.scratch.raw[0], C.int64_t(len(p.scratch.raw)), tab, mask)
		if got >= 0 {
			n = int(got)
			break
		}
		capacity = 2 * cap(p.scratch.raw)
	}
	raw := p.scratch.raw[:n]
	if n == 0 || uint32(raw[0].start) != root.StartByte() || uint32(raw[0].end) != root.EndByte() || uint16(raw[0].sym) != uint16(root.Symbol()) {
		return nil, nil, fmt.Errorf("flatten syntax tree: layout of the tree-sitter binding changed")
	}
	nodes, bigs = p.buffers(n)
	p.scratch.copied = 0
	p.scratch.suspects = p.scratch.suspects[:0]
	lang := p.lang
	watch := lang.repair.watch
	for i := 0; i < n; {
		r := &raw[i]
		nd := &nodes[i]
		sym := uint16(r.sym)
		kind := lang.symbol(sym)
		if int(sym) >= len(lang.symbols) {
			sym = uint16(len(lang.symbols)) // ERROR
		}
		*nd = node{
			kind: kind, field: lang.fieldName(uint16(r.field)),
			start: uint32(r.start), end: uint32(r.end),
			parent: int32(r.parent), first: int32(r.first), next: int32(r.next), stop: int32(r.stop),
			sym: sym, named: r.flags&1 != 0, missing: r.flags&2 != 0,
		}
		if watch[sym] {
			p.scratch.suspects = append(p.scratch.suspects, int32(i))
		}
		size := int(r.stop) - i
		if size >= minReuse && r.ptr != 0 {
			bigs = append(bigs, bigSubtree{key: uint64(r.ptr), idx: int32(i), size: int32(size)})
		}
		k := int(r.reuse)
		if k < 0 {
			i++
			continue
		}
		// A subtree carried over: its descendants are the old ones, moved
		// by the difference in index and in byte offset.
		if k+size > len(old.nodes) || int(old.nodes[k].stop) != k+size {
			return nil, nil, fmt.Errorf("flatten syntax tree: reused subtree does not match the old tree")
		}
		shift := int32(i - k)
		delta := nd.start - old.nodes[k].start
		copy(nodes[i+1:i+size], old.nodes[k+1:k+size])
		for j := i + 1; j < i+size; j++ {
			c := &nodes[j]
			c.start += delta
			c.end += delta
			c.parent += shift
			c.stop += shift
			if c.first >= 0 {
				c.first += shift
			}
			if c.next >= 0 {
				c.next += shift
			}
		}
		// and so are the big subtrees inside it
		j, _ := slices.BinarySearchFunc(old.bigs, int32(k+1), func(b bigSubtree, idx int32) int { return cmp.Compare(b.idx, idx) })
		for ; j < len(old.bigs) && int(old.bigs[j].idx) < k+size; j++ {
			b := old.bigs[j]
			b.idx += shift
			bigs = append(bigs, b)
		}
		p.scratch.copied += size - 1
		i += size
	}
	return nodes, bigs, nil
}
