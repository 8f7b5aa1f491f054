package analysis

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	tspython "github.com/smacker/go-tree-sitter/python"
)

func pythonGrammar() *sitter.Language { return tspython.GetLanguage() }

// node is one syntax node copied out of tree-sitter (see flatten).
type node struct {
	kind                string // grammar symbol name, e.g. "call"
	field               string // field name in the parent, e.g. "function"
	start, end          uint32 // byte offsets
	parent, first, next int32  // indices into the node slice, -1 = none
	stop                int32  // end of the subtree: descendants are (i, stop)
	sym                 uint16 // grammar symbol id (index into langTables)
	named, missing      bool
}

// langTables maps grammar symbol and field ids to names once per parser.
type langTables struct {
	symbols []string
	fields  []string
	repair  repairSymbols // what Parse watches for misparses

	once     sync.Once
	dispatch [][]ruleHook // engine hooks by symbol id
}

// hooksBySymbol indexes the engine's node hooks by grammar symbol, so the
// traversal dispatches with a slice index instead of a map lookup.
func (t *langTables) hooksBySymbol(e *engine) [][]ruleHook {
	t.once.Do(func() {
		t.dispatch = make([][]ruleHook, len(t.symbols)+1)
		for i, name := range t.symbols {
			t.dispatch[i] = e.hooks[name]
		}
		t.dispatch[len(t.symbols)] = e.hooks["ERROR"]
	})
	return t.dispatch
}

func newLangTables(lang *sitter.Language) *langTables {
	t := &langTables{}
	n := int(lang.SymbolCount())
	t.symbols = make([]string, n)
	for i := 0; i < n; i++ {
		t.symbols[i] = lang.SymbolName(sitter.Symbol(i))
	}
	t.fields = []string{""}
	for i := 1; ; i++ {
		name := lang.FieldName(i)
		if name == "" {
			break
		}
		t.fields = append(t.fields, name)
	}
	t.repair = newRepairSymbols(lang, t.symbols)
	return t
}

func (t *langTables) symbol(s uint16) string {
	if int(s) < len(t.symbols) {
		return t.symbols[s]
	}
	if s == 0xFFFF {
		return "ERROR"
	}
	return ""
}

func (t *langTables) fieldName(f uint16) string {
	if int(f) < len(t.fields) {
		return t.fields[f]
	}
	return ""
}

// Parser parses Python source with tree-sitter. It is not safe for
// concurrent use: use one Parser per goroutine.
type Parser struct {
	p    *sitter.Parser
	lang *langTables

	scratch flatScratch // reused by every parse
	spent   bool        // p's cancellation flag may be raised: replace p

	// spare holds the node buffers of a tree closed since (see Tree.Close),
	// so that a document re-parsed on every keystroke does not allocate,
	// clear and fault in megabytes each time.
	spareMu    sync.Mutex
	spareNodes []node
	spareBigs  []bigSubtree
}

// buffers returns node buffers of length n, recycled when possible. Every
// element is overwritten by flatten.
func (p *Parser) buffers(n int) ([]node, []bigSubtree) {
	p.spareMu.Lock()
	nodes, bigs := p.spareNodes, p.spareBigs
	p.spareNodes, p.spareBigs = nil, nil
	p.spareMu.Unlock()
	if cap(nodes) < n {
		nodes = make([]node, n, n+n/8)
	}
	return nodes[:n], bigs[:0]
}

// recycle takes back the buffers of a closed tree.
func (p *Parser) recycle(nodes []node, bigs []bigSubtree) {
	p.spareMu.Lock()
	// The nodes' strings point into the grammar's name tables, which live
	// as long as the program: nothing needs clearing.
	if cap(nodes) > cap(p.spareNodes) {
		p.spareNodes, p.spareBigs = nodes[:0], bigs[:0]
	}
	p.spareMu.Unlock()
}

var (
	pythonOnce   sync.Once
	pythonLang   *sitter.Language
	pythonTables *langTables
)

// python returns the grammar and its name tables; both are immutable, so
// they are built once and shared by every parser.
func python() (*sitter.Language, *langTables) {
	pythonOnce.Do(func() {
		pythonLang = pythonGrammar()
		pythonTables = newLangTables(pythonLang)
	})
	return pythonLang, pythonTables
}

// NewParser returns a Python parser. Close it when done.
func NewParser() *Parser {
	lang, tables := python()
	p := sitter.NewParser()
	p.SetLanguage(lang)
	return &Parser{p: p, lang: tables}
}

// Close releases the parser's C memory.
func (p *Parser) Close() {
	if p != nil && p.p != nil {
		p.p.Close()
		p.p = nil
		p.scratch = flatScratch{}
		p.spareMu.Lock()
		p.spareNodes, p.spareBigs = nil, nil
		p.spareMu.Unlock()
	}
}

// Tree is a parsed document: the tree-sitter tree, the source it was parsed
// from and a flat copy of its nodes that the rules walk.
type Tree struct {
	lang   *langTables
	t      *sitter.Tree
	src    []byte
	nodes  []node
	bigs   []bigSubtree // the subtrees a re-parse from this tree may copy
	lines  []uint32     // byte offset of each line start
	parser *Parser      // that made the tree; Close hands it the buffers
	pooled bool         // parser came from the pool: Close returns it
	// fastPooled: a fast-parsed tree whose node buffer Close hands back to
	// fastNodes for the next one.
	fastPooled bool
	syn        *syntaxIndex

	// patches are the bytes of src that tree-sitter was given changed to
	// repair a misparse (see repair.go): t is the parse of src with them.
	patches []patch
}

// Source returns the text the tree was parsed from.
func (t *Tree) Source() []byte { return t.src }

// Sitter exposes the underlying tree-sitter tree (e.g. for the language
// server's changed-range queries). It stays owned by t. Where Parse
// repaired a misparse (repair.go) it is the parse of the source with the
// repair's patches, which the flat tree reflects and the source does not.
func (t *Tree) Sitter() *sitter.Tree { return t.t }

// Parse parses src. old, if non-nil, is a previous tree of the same document
// on which Edit has been called for every change since; tree-sitter then
// reuses its unchanged parts, and so does the flat copy. old stays valid
// and is still owned by the caller.
func (p *Parser) Parse(ctx context.Context, old *Tree, src []byte) (*Tree, error) {
	if p == nil || p.p == nil {
		return nil, errors.New("parse: parser is closed")
	}
	var oldT *sitter.Tree
	if old != nil {
		oldT = old.t
		if oldT == nil {
			old = nil // closed: nothing to reuse
		}
	}
	// tree-sitter keeps a pointer to nothing after parsing, but the Tree
	// keeps its own copy so that later edits of the caller's buffer cannot
	// change what the findings point at.
	own := append([]byte(nil), src...)
	lines := lineStarts(own)
	if old != nil && len(old.patches) > 0 {
		old.unpatch(lines, len(own))
	}
	st, err := p.parse(ctx, oldT, own)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if st == nil {
		return nil, errors.New("parse: tree-sitter returned no tree")
	}
	nodes, bigs, err := p.flatten(st.RootNode(), old)
	if err != nil {
		st.Close()
		return nil, err
	}
	t := &Tree{lang: p.lang, t: st, src: own, nodes: nodes, bigs: bigs, lines: lines, parser: p}
	p.scratch.tried = 0
	if len(p.scratch.suspects) > 0 {
		if err := p.repair(ctx, t); err != nil {
			t.Close()
			return nil, fmt.Errorf("parse: %w", err)
		}
	}
	return t, nil
}

// parse runs tree-sitter. The binding cancels a parse by raising the
// parser's cancellation flag from a watcher goroutine, which may still do
// so after the parse has finished, and a cancelled parse leaves state for
// the next one to resume: a parser whose context ended is replaced before
// its next use (so parsers can be kept and pooled safely).
func (p *Parser) parse(ctx context.Context, old *sitter.Tree, src []byte) (*sitter.Tree, error) {
	if p.spent {
		p.p.Close()
		p.p = sitter.NewParser()
		p.p.SetLanguage(pythonLang)
		p.spent = false
	}
	if ctx.Done() == nil {
		return p.p.ParseCtx(ctx, old, src) // not cancellable: no watcher
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// The binding watches inner, which ends only if ctx ends during the
	// parse: a context that ends later cannot reach this parser.
	inner, cancel := context.WithCancel(context.Background())
	stop := context.AfterFunc(ctx, cancel)
	st, err := p.p.ParseCtx(inner, old, src)
	if !stop() {
		p.spent = true
	}
	if err != nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return st, err
}

// Edit records a change of the source so that the next Parse with this tree
// as old can reuse it. The flat copy is stale until re-parsed.
func (t *Tree) Edit(e sitter.EditInput) {
	if t != nil && t.t != nil {
		t.t.Edit(e)
		if len(t.patches) > 0 {
			t.patches = shiftPatches(t.patches, e)
		}
	}
}

// Close releases the tree's C memory and hands its node buffers back to
// its parser for the next parse. The tree must not be used afterwards.
func (t *Tree) Close() {
	if t != nil && t.fastPooled {
		nodes := t.nodes[:0]
		if t.syn != nil {
			spareIndexes.Put(t.syn)
		}
		t.nodes, t.syn, t.fastPooled = nil, nil, false
		fastNodes.Put(&nodes)
		return
	}
	if t != nil && t.t != nil {
		t.t.Close()
		t.t = nil
		if t.parser != nil && t.parser.p != nil {
			t.parser.recycle(t.nodes, t.bigs)
			if t.pooled {
				putParser(t.parser)
			}
		}
		t.nodes, t.bigs, t.parser, t.syn, t.patches = nil, nil, nil, nil, nil
	}
}

func lineStarts(src []byte) []uint32 {
	lines := make([]uint32, 1, len(src)/32+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, uint32(i))
	}
}

// pos converts a byte offset to a 0-based line and byte column.
func (t *Tree) pos(off uint32) Position {
	i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return Position{Line: i, Column: int(off - t.lines[i])}
}

func (t *Tree) rangeOf(start, end uint32) Range {
	return Range{Start: t.pos(start), End: t.pos(end)}
}
