package analysis

import "strings"

// docIndex holds facts that several rules look up per finding candidate;
// it is built once per document on first use, so rules stay linear in the
// size of the file however many candidates it has.
type docIndex struct {
	// methods[region][object][method]: `object.method(...)` called in region
	methods map[int32]map[string]map[string]bool
	// anyMethods[object][method]: the same, anywhere in the document
	anyMethods map[string]map[string]bool
	// closedBy[region][name]: name passed to a *.close/closing call
	closedBy map[int32]map[string]bool
	// handedOut[region][name]: name appears in a return, yield or with item
	handedOut map[int32]map[string]bool
	// lockPairs["a\x00b"]: lock b acquired while a is held (document order)
	lockPairs map[string]bool
	// nonlocals: names declared nonlocal anywhere
	nonlocals map[string]bool
}

func addName(m map[int32]map[string]bool, region int32, name string) {
	if m[region] == nil {
		m[region] = map[string]bool{}
	}
	m[region][name] = true
}

func (p *pass) index() *docIndex {
	if p.idx != nil {
		return p.idx
	}
	ix := &docIndex{methods: map[int32]map[string]map[string]bool{}, anyMethods: map[string]map[string]bool{},
		closedBy: map[int32]map[string]bool{}, handedOut: map[int32]map[string]bool{}, lockPairs: map[string]bool{},
		nonlocals: map[string]bool{}}
	var held []string
	for i := range p.nodes {
		n := int32(i)
		switch p.nodes[i].kind {
		case "call":
			fn := p.field(n, "function")
			if p.kind(fn) == "attribute" {
				obj := normIdent(p.text(p.field(fn, "object")))
				m := normIdent(p.text(p.field(fn, "attribute")))
				reg := p.regionOf(n)
				if ix.methods[reg] == nil {
					ix.methods[reg] = map[string]map[string]bool{}
				}
				if ix.methods[reg][obj] == nil {
					ix.methods[reg][obj] = map[string]bool{}
				}
				ix.methods[reg][obj][m] = true
				if ix.anyMethods[obj] == nil {
					ix.anyMethods[obj] = map[string]bool{}
				}
				ix.anyMethods[obj][m] = true
			}
			if q := p.callee(n); strings.HasSuffix(q, ".close") || strings.HasSuffix(q, ".closing") {
				for name := range p.identsIn(p.field(n, "arguments")) {
					addName(ix.closedBy, p.regionOf(n), name)
				}
			}
			switch name, op := p.lockOp(n); op {
			case "acquire":
				for _, h := range held {
					if h != name {
						ix.lockPairs[h+"\x00"+name] = true
					}
				}
				held = append(held, name)
			case "release":
				for j := len(held) - 1; j >= 0; j-- {
					if held[j] == name {
						held = append(held[:j], held[j+1:]...)
						break
					}
				}
			}
		case "return_statement", "yield", "with_item":
			for name := range p.identsIn(n) {
				addName(ix.handedOut, p.regionOf(n), name)
			}
		case "nonlocal_statement":
			for name := range p.identsIn(n) {
				ix.nonlocals[name] = true
			}
		}
	}
	p.idx = ix
	return ix
}
