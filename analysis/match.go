package analysis

import "strings"

// The generic matchers: calls of, and references to, qualified names that
// rules list in their calls/refs fields. Names are resolved through
// imports, assignments, getattr and namespace lookups first.

// callee returns the resolved qualified name of a call's function, or "".
func (p *pass) callee(call int32) string {
	if i := p.calleeIdx[call]; i > 0 {
		return p.calleeNames[i-1]
	}
	q := ""
	if v := p.res.eval(p.field(call, "function")); v.k == vRef {
		q = v.s
	}
	i, ok := p.calleeSeen[q]
	if !ok {
		i = int32(len(p.calleeNames))
		p.calleeNames = append(p.calleeNames, q)
		p.calleeSeen[q] = i
	}
	p.calleeIdx[call] = i + 1
	return q
}

func (p *pass) matchCall(call int32) {
	q := p.callee(call)
	if q == "" {
		return
	}
	for _, r := range p.e.calls[q] {
		msg := ""
		if r.callCheck != nil {
			m, ok := r.callCheck(p, call, q)
			if !ok {
				continue
			}
			msg = m
		} else if r.callMsg != nil {
			msg = r.callMsg(q)
		}
		p.report(r, call, msg)
		if r.related != nil {
			p.raw[len(p.raw)-1].Related = r.related(p, call)
		}
	}
}

// matchCallableArg flags a dangerous callable passed as a value, such as
// map(eval, xs) or sorted(xs, key=eval).
func (p *pass) matchCallableArg(call int32) {
	args := p.field(call, "arguments")
	if args < 0 || p.nodes[args].kind != "argument_list" {
		return
	}
	for _, a := range p.namedChildren(args) {
		if p.nodes[a].kind == "keyword_argument" {
			a = p.field(a, "value")
		}
		a = p.unparen(a)
		if a < 0 {
			continue
		}
		switch p.nodes[a].kind {
		case "identifier":
			// only names that can stand for a dangerous callable
			name := normIdent(p.text(a))
			if !p.res.aliasNames[name] && !callableBuiltins[name] {
				continue
			}
		case "attribute", "subscript":
		default:
			continue
		}
		v := p.res.eval(a)
		if v.k != vRef {
			continue
		}
		for _, r := range p.e.calls[v.s] {
			if r.Category == CatCodeExecution || r.Category == CatProcess || r.Category == CatDeserialization {
				p.report(r, a, "`"+shortName(v.s)+"` passed as a callable: "+lowerFirst(r.Summary))
			}
		}
	}
}

// matchRef flags references to names rules list in refs. Only the
// outermost matching node of an attribute chain is reported.
func (p *pass) matchRef(n int32) {
	if len(p.e.refs) == 0 {
		return
	}
	nd := &p.nodes[n]
	switch nd.kind {
	case "identifier":
		if !p.e.refLast[normIdent(p.text(n))] {
			return
		}
	case "attribute":
		if !p.e.refLast[normIdent(p.text(p.field(n, "attribute")))] {
			return
		}
	default:
		return
	}
	if nd.kind == "identifier" {
		// only bare names, not attribute parts or binding sites
		if nd.field == "attribute" || nd.field == "name" || nd.field == "alias" {
			return
		}
		if par := nd.parent; par >= 0 {
			switch p.nodes[par].kind {
			case "dotted_name", "aliased_import", "keyword_argument", "global_statement", "nonlocal_statement", "parameters", "lambda_parameters", "default_parameter", "typed_parameter", "typed_default_parameter":
				return
			}
			if p.nodes[par].kind == "assignment" && nd.field == "left" {
				return
			}
		}
	}
	v := p.res.eval(n)
	if v.k != vRef {
		return
	}
	if nd.kind == "identifier" {
		// a local alias of a flagged value is reported where it was bound
		name := normIdent(p.text(n))
		if v.s != name && !strings.HasSuffix(v.s, "."+name) {
			return
		}
	}
	for _, r := range p.e.refs[v.s] {
		p.report(r, n, "`"+shortName(v.s)+"`: "+lowerFirst(r.Summary))
	}
}

// callableBuiltins are builtins that are dangerous when passed as values.
var callableBuiltins = map[string]bool{"eval": true, "exec": true, "compile": true, "__import__": true, "open": true, "breakpoint": true}

func shortName(q string) string {
	return strings.TrimPrefix(q, "builtins.")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
