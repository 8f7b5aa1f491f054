package analysis

// Small control-flow helpers shared by the resource and concurrency rules.
// Everything walks the flat pre-order node slice: no recursion over the
// tree, so deeply nested input cannot exhaust the stack.

// truth folds a condition: known reports whether its truth value is
// certain from the code alone.
func (p *pass) truth(n int32) (val bool, known bool) {
	n = p.unparen(n)
	if n < 0 {
		return false, false
	}
	switch p.kind(n) {
	case "not_operator":
		v, k := p.truth(p.field(n, "argument"))
		return !v, k
	case "boolean_operator":
		op := p.opText(n)
		a, ka := p.truth(p.field(n, "left"))
		b, kb := p.truth(p.field(n, "right"))
		switch op {
		case "and":
			if ka && !a || kb && !b {
				return false, true
			}
			return true, ka && kb
		case "or":
			if ka && a || kb && b {
				return true, true
			}
			return false, ka && kb
		}
		return false, false
	case "comparison_operator":
		cs := p.namedChildren(n)
		if len(cs) != 2 {
			return false, false
		}
		op := p.opText(n)
		// x == x is true whatever x is (NaN aside), when x has no calls
		if p.text(cs[0]) == p.text(cs[1]) && !p.hasKind(cs[0], "call") {
			switch op {
			case "==", "is", "<=", ">=":
				return true, true
			case "!=", "isnot", "<", ">":
				return false, true
			}
		}
		a, b := p.res.eval(cs[0]), p.res.eval(cs[1])
		if a.k == vNum && b.k == vNum {
			switch op {
			case "==":
				return a.n == b.n, true
			case "!=":
				return a.n != b.n, true
			case "<":
				return a.n < b.n, true
			case "<=":
				return a.n <= b.n, true
			case ">":
				return a.n > b.n, true
			case ">=":
				return a.n >= b.n, true
			}
		}
		if a.k == vStr && b.k == vStr {
			switch op {
			case "==":
				return a.s == b.s, true
			case "!=":
				return a.s != b.s, true
			}
		}
		return false, false
	}
	v := p.res.eval(n)
	switch v.k {
	case vBool, vNum:
		return v.n != 0, true
	case vStr, vBytes:
		return v.s != "", true
	case vNone:
		return false, true
	case vSeq:
		// A name bound to a list may be emptied or filled by the body
		// (pq.pop(), heapq.heappop(pq)): only a display's truth is fixed.
		if k := p.kind(n); k != "list" && k != "tuple" {
			return false, false
		}
		return len(v.elems) > 0, true
	}
	return false, false
}

// hasKind reports whether the subtree of n contains a node of kind k.
func (p *pass) hasKind(n int32, k string) bool {
	for i := n; i >= 0 && i < p.nodes[n].stop; i++ {
		if p.nodes[i].kind == k {
			return true
		}
	}
	return false
}

// reachable reports whether node n inside root is not cut off by an if/elif
// whose condition is constant the wrong way.
func (p *pass) reachable(n, root int32) bool {
	for c := n; c >= 0 && c != root; c = p.nodes[c].parent {
		par := p.nodes[c].parent
		if par < 0 {
			break
		}
		switch p.nodes[par].kind {
		case "if_statement":
			cond := p.field(par, "condition")
			v, known := p.truth(cond)
			if !known {
				continue
			}
			if p.nodes[c].field == "consequence" && !v {
				return false
			}
			if p.nodes[c].field == "alternative" && v {
				return false
			}
		case "elif_clause":
			if p.nodes[c].field == "consequence" {
				if v, known := p.truth(p.field(par, "condition")); known && !v {
					return false
				}
			}
		case "while_statement":
			if p.nodes[c].field == "body" {
				if v, known := p.truth(p.field(par, "condition")); known && !v {
					return false
				}
			}
		}
	}
	return true
}

// exitCalls end the program (and so any loop).
var exitCalls = map[string]bool{"sys.exit": true, "builtins.exit": true, "builtins.quit": true, "os._exit": true, "os.abort": true}

// loopExit returns a reachable statement that leaves loop (break of this
// loop, return, raise, yield, or a call that exits the program), or -1.
func (p *pass) loopExit(loop int32) int32 {
	body := p.field(loop, "body")
	if body < 0 {
		return -1
	}
	end := p.nodes[body].stop
	for i := body + 1; i < end; i++ {
		switch p.nodes[i].kind {
		case "function_definition", "class_definition", "lambda":
			i = p.nodes[i].stop - 1
			continue
		case "break_statement":
			if p.enclosingLoop(i) != loop {
				continue
			}
		case "return_statement", "raise_statement", "yield", "await":
		case "call":
			if !exitCalls[p.callee(i)] {
				continue
			}
		default:
			continue
		}
		if p.reachable(i, loop) {
			return i
		}
	}
	return -1
}

// enclosingLoop returns the nearest for/while statement around n.
func (p *pass) enclosingLoop(n int32) int32 {
	for c := p.nodes[n].parent; c >= 0; c = p.nodes[c].parent {
		switch p.nodes[c].kind {
		case "for_statement", "while_statement":
			return c
		case "function_definition", "class_definition", "lambda":
			return -1
		}
	}
	return -1
}

// identsIn lists the names read in the subtree of n (not attribute parts).
func (p *pass) identsIn(n int32) map[string]bool {
	out := map[string]bool{}
	if n < 0 {
		return out
	}
	for i := n; i < p.nodes[n].stop; i++ {
		if p.nodes[i].kind == "identifier" && p.nodes[i].field != "attribute" {
			out[normIdent(p.text(i))] = true
		}
	}
	return out
}

// opText joins the anonymous tokens of an operator node: "and", "not in"
// as "notin", "is not" as "isnot", "+=".
func (p *pass) opText(n int32) string {
	op := ""
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if !p.nodes[c].named {
			op += p.text(c)
		}
	}
	return op
}
