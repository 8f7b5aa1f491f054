package analysis

import "strings"

// Simple fixes that need no flow analysis. Each returns nil when the call's
// shape is not the plain one the rewrite understands.

// edit builds a TextEdit replacing bytes [start, end).
func (p *pass) edit(start, end uint32, text string) TextEdit {
	return TextEdit{Range: p.t.rangeOf(start, end), NewText: text}
}

// fixLiteralEval rewrites `eval(x)` to `ast.literal_eval(x)` and adds
// `import ast` when the file lacks it. It changes behaviour (expressions
// other than literals now raise), so it is offered, never auto-applied.
func fixLiteralEval(p *pass, call int32) *Fix {
	fn := p.field(call, "function")
	if p.kind(fn) != "identifier" || p.text(fn) != "eval" {
		return nil
	}
	if pos, kw := p.callArgs(call); len(pos) != 1 || len(kw) != 0 {
		return nil // globals/locals arguments have no literal_eval equivalent
	}
	edits := []TextEdit{p.edit(p.nodes[fn].start, p.nodes[fn].end, "ast.literal_eval")}
	if !p.importsModule("ast") {
		edits = append([]TextEdit{p.edit(p.importInsertionPoint(), p.importInsertionPoint(), "import ast\n")}, edits...)
	}
	return &Fix{Title: "Use ast.literal_eval (literals only)", Applicability: FixUnsafe, Edits: edits}
}

// importsModule reports a top-level `import m`.
func (p *pass) importsModule(m string) bool {
	for c := p.nodes[0].first; c >= 0; c = p.nodes[c].next {
		if p.kind(c) != "import_statement" {
			continue
		}
		for _, d := range p.namedChildren(c) {
			if p.kind(d) == "dotted_name" && p.dotted(d) == m {
				return true
			}
		}
	}
	return false
}

// importInsertionPoint is the start of the first statement that is not a
// docstring or __future__ import.
func (p *pass) importInsertionPoint() uint32 {
	for c := p.nodes[0].first; c >= 0; c = p.nodes[c].next {
		k := p.kind(c)
		if k == "comment" || k == "future_import_statement" {
			continue
		}
		if k == "expression_statement" && p.kind(p.firstNamed(c)) == "string" && c == p.firstNamed(0) {
			continue
		}
		// start of the line the statement is on
		return uint32(p.t.lines[p.t.pos(p.nodes[c].start).Line])
	}
	return uint32(len(p.src))
}

// fixAddKeyword appends `name=value` to a call's arguments.
func fixAddKeyword(title, kw string, safe Applicability) func(p *pass, call int32) *Fix {
	return func(p *pass, call int32) *Fix {
		args := p.field(call, "arguments")
		if p.kind(args) != "argument_list" {
			return nil
		}
		if _, have := p.callArgs(call); have[strings.SplitN(kw, "=", 2)[0]] != 0 {
			return nil // the keyword is there with another value: a person decides
		}
		closing := p.nodes[args].end - 1
		if closing <= p.nodes[args].start || p.src[closing] != ')' {
			return nil
		}
		inner := strings.TrimSpace(string(p.src[p.nodes[args].start+1 : closing]))
		text := kw
		if inner != "" && !strings.HasSuffix(inner, ",") {
			text = ", " + kw
		}
		return &Fix{Title: title, Applicability: safe, Edits: []TextEdit{p.edit(closing, closing, text)}}
	}
}

// fixRenameAttr replaces the called attribute (yaml.load -> yaml.safe_load).
func fixRenameAttr(title, to string) func(p *pass, call int32) *Fix {
	return func(p *pass, call int32) *Fix {
		fn := p.field(call, "function")
		if p.kind(fn) != "attribute" {
			return nil
		}
		if _, kw := p.callArgs(call); kw["Loader"] != 0 {
			return nil
		}
		a := p.field(fn, "attribute")
		name := to // per call: the closure's `to` must not accumulate suffixes
		if strings.HasSuffix(p.text(a), "_all") {
			name += "_all"
		}
		return &Fix{Title: title, Applicability: FixUnsafe, Edits: []TextEdit{p.edit(p.nodes[a].start, p.nodes[a].end, name)}}
	}
}
