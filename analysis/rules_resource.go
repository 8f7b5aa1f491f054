package analysis

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/stelp-dev/stelp/policy"
)

// SP80x: resource exhaustion (CPU, memory, stack).

const (
	hugeElements   = 1e6 // list/str/bytes elements from one constant expression
	hugeIterations = 1e6 // iterations of one loop over a constant range
	nestedIters    = 1e7 // iterations of nested constant loops
	hugeDigits     = 1e5 // decimal digits of a constant power
	longSleep      = 60  // seconds
)

var ruleInfiniteLoop = &Rule{
	ID: "SP801", Name: "infinite-loop", CWE: 835, Category: CatResource, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "A loop with an always-true condition has no reachable exit",
	Why: "`while True:` (or `while 1:`, `while x == x:`) without a reachable break, return, raise or exit never " +
		"ends: the program hangs and burns CPU. Exits behind conditions that are constant the wrong way do not count.",
	Bad:  "while True:\n    total += 1",
	Good: "while True:\n    if done():\n        break",
	hooks: map[string]func(*pass, *Rule, int32){
		"while_statement": func(p *pass, r *Rule, n int32) {
			v, known := p.truth(p.field(n, "condition"))
			if !known || !v {
				return
			}
			if p.loopExit(n) >= 0 {
				return
			}
			p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+trimTo(p.headerText(n), 40)+"` never ends: no reachable break, return or raise in its body")
		},
	},
}

var ruleLoopNeverRepeats = &Rule{
	ID: "SP814", Name: "loop-never-repeats", CWE: 835, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A `while True:` loop whose body leaves it on every path, so it never runs twice",
	Why: "An always-true loop whose every path ends in return, raise or break (and which never continues) runs its " +
		"body once: the loop is dead weight at best. In generated code it is the mark of an endless loop whose exit " +
		"went wrong, and the next edit that adds a path without an exit makes it hang. Write the body without the " +
		"loop, or give the loop the exit condition it was meant to have.",
	Bad:  "while True:\n    if ok(x):\n        return True\n    else:\n        return False",
	Good: "return ok(x)",
	hooks: map[string]func(*pass, *Rule, int32){
		"while_statement": func(p *pass, r *Rule, n int32) {
			if v, known := p.truth(p.field(n, "condition")); !known || !v {
				return
			}
			if p.continuesLoop(n) || !p.blockLeaves(p.field(n, "body"), n) {
				return
			}
			p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+trimTo(p.headerText(n), 40)+"` never repeats: every path through its body leaves the loop on the first pass")
		},
	},
}

// continuesLoop reports a continue statement of loop (not of a nested loop
// or function) in its body.
func (p *pass) continuesLoop(loop int32) bool {
	body := p.field(loop, "body")
	if body < 0 {
		return false
	}
	for i := body; i < p.nodes[body].stop; i++ {
		if p.nodes[i].kind == "continue_statement" && p.enclosingLoop(i) == loop {
			return true
		}
	}
	return false
}

// blockLeaves reports whether every path through a block ends in a
// return, raise, exit call or a break out of loop.
func (p *pass) blockLeaves(block, loop int32) bool {
	if block < 0 {
		return false
	}
	for _, st := range p.namedChildren(block) {
		if p.stmtLeaves(st, loop) {
			return true
		}
	}
	return false
}

func (p *pass) stmtLeaves(st, loop int32) bool {
	switch p.kind(st) {
	case "return_statement", "raise_statement":
		return true
	case "break_statement":
		return p.enclosingLoop(st) == loop
	case "expression_statement":
		c := p.firstNamed(st)
		return c >= 0 && p.kind(c) == "call" && exitCalls[p.callee(c)]
	case "if_statement":
		hasElse := false
		for _, c := range p.namedChildren(st) {
			switch p.kind(c) {
			case "elif_clause":
				if !p.blockLeaves(p.field(c, "consequence"), loop) {
					return false
				}
			case "else_clause":
				hasElse = true
				if !p.blockLeaves(p.field(c, "body"), loop) {
					return false
				}
			}
		}
		return hasElse && p.blockLeaves(p.field(st, "consequence"), loop)
	case "try_statement":
		handlersLeave := true
		for _, c := range p.namedChildren(st) {
			switch p.kind(c) {
			case "finally_clause":
				if p.blockLeaves(p.childOfKind(c, "block"), loop) {
					return true
				}
			case "except_clause", "except_group_clause":
				handlersLeave = handlersLeave && p.blockLeaves(p.childOfKind(c, "block"), loop)
			}
		}
		return handlersLeave && p.blockLeaves(p.field(st, "body"), loop)
	case "with_statement":
		return p.blockLeaves(p.field(st, "body"), loop)
	}
	return false // loops may not run their body; match may match nothing
}

// headerEnd is the end of a compound statement's first line (up to the colon).
func (p *pass) headerEnd(n int32) uint32 {
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].kind == ":" {
			return p.nodes[c].end
		}
	}
	return p.nodes[n].end
}

func (p *pass) headerText(n int32) string {
	return string(p.src[p.nodes[n].start:p.headerEnd(n)])
}

var ruleStuckLoop = &Rule{
	ID: "SP802", Name: "loop-condition-never-changes", CWE: 835, Category: CatResource, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "A while loop's condition reads only variables its body never changes",
	Why: "If nothing in the body can change what the condition reads, and the body has no exit, the loop runs " +
		"forever once entered (`while not ready: pass`).",
	Bad:  "while not done:\n    pass",
	Good: "while not done:\n    done = step()",
	hooks: map[string]func(*pass, *Rule, int32){
		"while_statement": func(p *pass, r *Rule, n int32) {
			cond := p.field(n, "condition")
			if _, known := p.truth(cond); known || cond < 0 {
				return // constant conditions are SP801's
			}
			if name, ok := p.movesAway(n, cond); ok {
				p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+trimTo(p.headerText(n), 40)+"`: the body only moves `"+name+"` away from the bound, and there is no exit")
				return
			}
			for i := cond; i < p.nodes[cond].stop; i++ {
				switch p.nodes[i].kind {
				case "call":
					if !pureBuiltins[p.callee(i)] {
						return // calls may change or read state behind the scenes
					}
				case "attribute", "await", "yield", "named_expression", "lambda":
					return // object state may change behind the scenes
				}
			}
			names := p.identsIn(cond)
			if len(names) == 0 || p.loopExit(n) >= 0 {
				return
			}
			body := p.field(n, "body")
			if body < 0 {
				return
			}
			for i := body; i < p.nodes[body].stop; i++ {
				k := p.nodes[i].kind
				if k == "global_statement" || k == "nonlocal_statement" {
					return
				}
				if k == "identifier" && names[normIdent(p.text(i))] {
					return // the body touches a condition variable
				}
				if k == "call" && p.res.eval(p.field(i, "function")).k == vUser {
					// a called function may change a global the condition reads
					for name := range names {
						if p.declaredGlobal(name) {
							return
						}
					}
				}
			}
			p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+trimTo(p.headerText(n), 40)+"`: nothing in the loop changes the condition, and there is no exit")
		},
	},
}

// pureBuiltins return the same result for the same (unchanged) arguments.
var pureBuiltins = setOfQ("len abs min max int float str bool sorted sum any all round ord chr tuple list set isinstance")

// constantCall maps callables that return the same value on every call to
// that value's display (for iter(f, sentinel)).
var constantCall = map[string]string{"builtins.int": "0", "builtins.float": "", "builtins.str": "",
	"builtins.bool": "False", "builtins.list": "", "builtins.dict": "", "builtins.tuple": "", "builtins.object": ""}

func setOfQ(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m["builtins."+w] = true
	}
	return m
}

// movesAway recognises `while i > 0: i += 1`: a comparison of a name with a
// constant whose only updates in the body step the wrong way.
func (p *pass) movesAway(loop, cond int32) (string, bool) {
	cond = p.unparen(cond)
	if p.kind(cond) != "comparison_operator" || p.loopExit(loop) >= 0 {
		return "", false
	}
	cs := p.namedChildren(cond)
	if len(cs) != 2 {
		return "", false
	}
	op := p.opText(cond)
	name := ""
	switch {
	case p.kind(cs[0]) == "identifier" && p.res.eval(cs[1]).k == vNum:
		name = normIdent(p.text(cs[0]))
	case p.kind(cs[1]) == "identifier" && p.res.eval(cs[0]).k == vNum:
		name = normIdent(p.text(cs[1]))
		// c < i is i > c
		op = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<="}[op]
	default:
		return "", false
	}
	var wantSign float64 // the sign of a step that moves away from the bound
	switch op {
	case ">", ">=":
		wantSign = 1
	case "<", "<=":
		wantSign = -1
	default:
		return "", false
	}
	body := p.field(loop, "body")
	steps := 0
	for i := body; body >= 0 && i < p.nodes[body].stop; i++ {
		k := p.nodes[i].kind
		if k == "global_statement" || k == "nonlocal_statement" || k == "function_definition" || k == "lambda" {
			return "", false
		}
		if k != "identifier" || normIdent(p.text(i)) != name {
			continue
		}
		par := p.nodes[i].parent
		if p.kind(par) != "augmented_assignment" || p.nodes[i].field != "left" {
			if p.kind(par) == "assignment" && p.nodes[i].field == "left" {
				return "", false
			}
			continue // reads are fine
		}
		step := p.res.eval(p.field(par, "right"))
		if step.k != vNum || step.n == 0 {
			return "", false
		}
		switch p.opText(par) {
		case "+=":
		case "-=":
			step.n = -step.n
		default:
			return "", false
		}
		if (step.n > 0) != (wantSign > 0) || !p.reachable(par, loop) {
			return "", false
		}
		steps++
	}
	return name, steps > 0
}

// declaredGlobal reports whether any function declares name global or
// nonlocal (and so may change it from afar).
func (p *pass) declaredGlobal(name string) bool {
	if id, ok := p.res.names[name]; ok {
		for k := range p.res.globals {
			if k.nameID() == id {
				return true
			}
		}
	}
	return p.index().nonlocals[name]
}

var ruleUnboundedIter = &Rule{
	ID: "SP803", Name: "unbounded-iteration", CWE: 835, Category: CatResource, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "A for loop over an endless iterator, or over a list it keeps growing, has no exit",
	Why: "itertools.count(), cycle() and repeat(x) never stop, and a loop that appends to the list it iterates " +
		"never reaches the end; without a break or return the loop runs until memory or time runs out.",
	Bad:  "for i in itertools.count():\n    total += i\nfor x in items:\n    items.append(x)",
	Good: "for i in itertools.count():\n    if i > n:\n        break",
	hooks: map[string]func(*pass, *Rule, int32){
		"for_statement": func(p *pass, r *Rule, n int32) {
			it := p.unparen(p.field(n, "right"))
			if it < 0 {
				return
			}
			// The exit search walks the body: only for a loop that
			// would be flagged.
			if p.kind(it) == "call" {
				q := p.callee(it)
				pos, kw := p.callArgs(it)
				endless := q == "itertools.count" || q == "itertools.cycle" ||
					(q == "itertools.repeat" && len(pos) < 2 && kw["times"] == 0)
				if q == "builtins.iter" && len(pos) == 2 {
					// iter(int, 1): a constant-returning callable never meets another sentinel
					f, sent := p.res.eval(pos[0]), p.res.eval(pos[1])
					if zero, ok := constantCall[f.s]; ok && sent.k != vUnknown {
						d, _ := sent.display()
						endless = d != zero
					}
				}
				if endless && p.loopExit(n) < 0 {
					p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+q+"` never ends and the loop has no exit")
				}
				return
			}
			if p.kind(it) != "identifier" {
				return
			}
			name := normIdent(p.text(it))
			body := p.field(n, "body")
			for i := body; body >= 0 && i < p.nodes[body].stop; i++ {
				if p.nodes[i].kind != "call" {
					continue
				}
				fn := p.field(int32(i), "function")
				if p.kind(fn) == "attribute" && normIdent(p.text(p.field(fn, "object"))) == name {
					switch p.text(p.field(fn, "attribute")) {
					case "append", "extend", "insert":
						if p.reachable(int32(i), n) {
							if p.loopExit(n) < 0 {
								p.report(r, int32(i), "the loop grows `"+name+"` while iterating over it, so it never ends")
							}
							return
						}
					}
				}
			}
		},
	},
}

var ruleRecursion = &Rule{
	ID: "SP804", Name: "unconditional-recursion", CWE: 674, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A function calls itself on every path",
	Why: "When every path through a function calls the function again before it can return, the recursion has " +
		"no base case and ends only with a stack overflow.",
	Bad:  "def f(n):\n    return n + f(n - 1)",
	Good: "def f(n):\n    if n <= 0:\n        return 0\n    return n + f(n - 1)",
	hooks: map[string]func(*pass, *Rule, int32){
		"function_definition": func(p *pass, r *Rule, n int32) {
			body := p.field(n, "body")
			if body < 0 {
				return
			}
			if res := p.recurses(n, body); res.allCall {
				p.report(r, res.call, "`"+p.text(p.field(n, "name"))+"` calls itself on every path: no base case; add a branch that returns without calling it")
			}
		},
		"lambda": lambdaSelfCall,
	},
}

// lambdaSelfCall reports `f = lambda n: f(n - 1)`: a lambda bound to a
// name that calls that name outside any condition.
func lambdaSelfCall(p *pass, r *Rule, n int32) {
	par := p.nodes[n].parent
	if p.kind(par) != "assignment" || p.nodes[n].field != "right" || p.kind(p.field(par, "left")) != "identifier" {
		return
	}
	name := normIdent(p.text(p.field(par, "left")))
	body := p.field(n, "body")
	for i := body; body >= 0 && i < p.nodes[body].stop; i++ {
		switch p.kind(i) {
		case "lambda", "conditional_expression", "boolean_operator":
			i = p.nodes[i].stop - 1
		case "call":
			fn := p.unparen(p.field(i, "function"))
			if p.kind(fn) == "identifier" && normIdent(p.text(fn)) == name {
				p.report(r, i, "lambda `"+name+"` calls itself unconditionally: no base case; add a branch that returns without calling it")
				return
			}
		}
	}
}

var ruleNoProgress = &Rule{
	ID: "SP805", Name: "recursion-without-progress", CWE: 674, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A function calls itself with its own unchanged arguments",
	Why: "`f(n, p)` inside `def f(n, p)` with n and p never reassigned reaches the same call again with the same " +
		"state: whatever condition guards it holds again, so the recursion never ends.",
	Bad:  "def modp(n, p):\n    if n > 1000:\n        modp(n, p)",
	Good: "def modp(n, p):\n    if n > 1000:\n        return modp(n // 2, p)",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			f := p.selfCallTarget(n)
			if f < 0 {
				return
			}
			params := p.paramNames(f)
			if params == nil {
				return
			}
			pos, kw := p.callArgs(n)
			if len(kw) > 0 || len(pos) != len(params) {
				return
			}
			for i, a := range pos {
				if p.kind(a) != "identifier" || normIdent(p.text(a)) != params[i] {
					return
				}
			}
			// any rebinding of a parameter or of shared state may be progress
			body := p.field(f, "body")
			for i := body; i < p.nodes[body].stop; i++ {
				switch p.nodes[i].kind {
				case "global_statement", "nonlocal_statement", "yield":
					return
				case "assignment", "augmented_assignment", "for_statement", "named_expression", "delete_statement":
					for name := range p.identsIn(p.targetOf(int32(i))) {
						for _, prm := range params {
							if name == prm {
								return
							}
						}
					}
					if t := p.targetOf(int32(i)); p.kind(t) == "attribute" || p.kind(t) == "subscript" {
						return
					}
				case "call":
					// mutating method calls on parameters (lst.pop()) are progress
					fn := p.field(int32(i), "function")
					if p.kind(fn) == "attribute" {
						obj := normIdent(p.text(p.field(fn, "object")))
						for _, prm := range params {
							if obj == prm {
								return
							}
						}
					}
				}
			}
			if !p.reachable(n, body) {
				return
			}
			p.report(r, n, "`"+p.text(n)+"` repeats the current call unchanged: infinite recursion; pass an argument closer to the base case (n - 1, rest[1:])")
		},
	},
}

// targetOf returns the bound target of an assignment-like statement.
func (p *pass) targetOf(n int32) int32 {
	switch p.kind(n) {
	case "named_expression":
		return p.field(n, "name")
	case "delete_statement":
		return p.firstNamed(n)
	}
	return p.field(n, "left")
}

// userCallTarget returns the def node a call of a plain name resolves to,
// or -1.
func (p *pass) userCallTarget(call int32) int32 {
	fn := p.unparen(p.field(call, "function"))
	if p.kind(fn) != "identifier" || !p.res.userDefs[normIdent(p.text(fn))] {
		return -1
	}
	if v := p.res.eval(fn); v.k == vUser && p.kind(v.node) == "function_definition" {
		return v.node
	}
	return -1
}

// mutualRecursion finds functions that call each other on every path
// (f always calls g, g always calls f, or longer cycles) and reports the
// call that closes each cycle.
func mutualRecursion(p *pass) {
	type edge struct{ to, call int32 }
	edges := map[int32][]edge{}
	var funcs []int32
	for i := range p.nodes {
		if p.nodes[i].kind != "function_definition" {
			continue
		}
		f := int32(i)
		body := p.field(f, "body")
		if body < 0 {
			continue
		}
		seen := map[int32]bool{f: true}
		for j := body; j < p.nodes[body].stop; j++ {
			if p.nodes[j].kind != "call" {
				continue
			}
			g := p.userCallTarget(j)
			if g < 0 || seen[g] {
				continue
			}
			if len(seen) > 32 {
				break // bound the work on functions calling very many others
			}
			seen[g] = true
			if res := p.recurses(g, body); res.allCall {
				edges[f] = append(edges[f], edge{g, res.call})
			}
		}
		if len(edges[f]) > 0 {
			funcs = append(funcs, f)
		}
	}
	// a cycle through f: follow must-call edges (bounded by the number of
	// functions) and report f's first edge on it
	reported := map[int32]bool{}
	for _, f := range funcs {
		if reported[f] {
			continue
		}
		for _, e := range edges[f] {
			path := []int32{f}
			cur := e.to
			visited := map[int32]bool{f: true}
			for len(path) <= len(funcs) && !visited[cur] {
				visited[cur] = true
				path = append(path, cur)
				if len(edges[cur]) == 0 {
					break
				}
				cur = edges[cur][0].to
			}
			if cur != f {
				continue
			}
			var names []string
			for _, n := range path {
				reported[n] = true
				names = append(names, p.text(p.field(n, "name")))
			}
			p.report(ruleRecursion, e.call, "`"+strings.Join(names, "` → `")+"` call each other on every path: no base case; add a branch that returns without the call")
			break
		}
	}
}

// selfCallTarget returns the function definition a call to itself is made
// from (the call's callee resolves to the enclosing def), or -1.
func (p *pass) selfCallTarget(call int32) int32 {
	f := p.enclosingFunc(call)
	if f < 0 {
		return -1
	}
	fn := p.unparen(p.field(call, "function"))
	if p.kind(fn) != "identifier" || !p.res.userDefs[normIdent(p.text(fn))] {
		return -1
	}
	if v := p.res.eval(fn); v.k == vUser && v.node == f {
		return f
	}
	return -1
}

// paramNames lists plain positional parameter names; nil when the
// signature has defaults, *args or **kwargs (calls may then differ).
func (p *pass) paramNames(f int32) []string {
	ps := p.field(f, "parameters")
	if ps < 0 {
		return nil
	}
	out := []string{}
	for _, c := range p.namedChildren(ps) {
		switch p.kind(c) {
		case "identifier":
			out = append(out, normIdent(p.text(c)))
		case "typed_parameter":
			id := p.firstNamed(c)
			if p.kind(id) != "identifier" {
				return nil
			}
			out = append(out, normIdent(p.text(id)))
		default:
			return nil
		}
	}
	if len(out) > 0 && (out[0] == "self" || out[0] == "cls") {
		return nil
	}
	return out
}

// recursion summary of a block: allCall = every path calls the function
// before leaving; exit = some path leaves without calling it.
type recResult struct {
	allCall bool
	exit    bool
	call    int32
}

// recurses analyses the statements of block in order. The depth of nested
// blocks is bounded by the source; to stay safe on adversarial nesting it
// gives up (no finding) past a fixed depth.
func (p *pass) recurses(f, block int32) recResult {
	return p.recursesDepth(f, block, 0)
}

func (p *pass) recursesDepth(f, block int32, depth int) recResult {
	if depth > 64 || block < 0 {
		return recResult{exit: true}
	}
	for _, st := range p.namedChildren(block) {
		r := p.stmtRecurses(f, st, depth)
		if r.exit {
			return r
		}
		if r.allCall {
			return r
		}
	}
	return recResult{}
}

func (p *pass) stmtRecurses(f, st int32, depth int) recResult {
	switch p.kind(st) {
	case "return_statement", "raise_statement":
		if c := p.selfCallIn(f, st); c >= 0 {
			return recResult{allCall: true, call: c}
		}
		return recResult{exit: true}
	case "break_statement", "continue_statement":
		return recResult{exit: true}
	case "if_statement":
		if c := p.selfCallIn(f, p.field(st, "condition")); c >= 0 {
			return recResult{allCall: true, call: c}
		}
		var branches []int32
		hasElse := false
		branches = append(branches, p.field(st, "consequence"))
		for c := p.nodes[st].first; c >= 0; c = p.nodes[c].next {
			switch p.kind(c) {
			case "elif_clause":
				// an elif condition runs only on some paths: not counted
				branches = append(branches, p.field(c, "consequence"))
			case "else_clause":
				hasElse = true
				branches = append(branches, p.field(c, "body"))
			}
		}
		all := hasElse
		var first int32 = -1
		for _, b := range branches {
			r := p.recursesDepth(f, b, depth+1)
			if r.exit {
				return r
			}
			if !r.allCall {
				all = false
			} else if first < 0 {
				first = r.call
			}
		}
		if all {
			return recResult{allCall: true, call: first}
		}
		return recResult{}
	case "for_statement", "while_statement":
		head := p.field(st, "right")
		if p.kind(st) == "while_statement" {
			head = p.field(st, "condition")
		}
		if c := p.selfCallIn(f, head); c >= 0 {
			return recResult{allCall: true, call: c}
		}
		if p.hasExitStmt(p.field(st, "body")) {
			return recResult{exit: true}
		}
		return recResult{}
	case "try_statement":
		r := p.recursesDepth(f, p.field(st, "body"), depth+1)
		if r.exit {
			return r
		}
		for c := p.nodes[st].first; c >= 0; c = p.nodes[c].next {
			if k := p.kind(c); k == "except_clause" || k == "except_group_clause" {
				// a handler may catch RecursionError and return
				return recResult{exit: true}
			}
		}
		return r
	case "with_statement":
		for c := p.nodes[st].first; c >= 0; c = p.nodes[c].next {
			if p.kind(c) == "with_clause" {
				if x := p.selfCallIn(f, c); x >= 0 {
					return recResult{allCall: true, call: x}
				}
			}
		}
		return p.recursesDepth(f, p.field(st, "body"), depth+1)
	case "function_definition", "class_definition", "decorated_definition":
		return recResult{}
	case "match_statement":
		return recResult{exit: p.hasExitStmt(st)}
	}
	if c := p.selfCallIn(f, st); c >= 0 {
		return recResult{allCall: true, call: c}
	}
	return recResult{}
}

// hasExitStmt reports a return/raise/break anywhere below n (outside nested
// functions).
func (p *pass) hasExitStmt(n int32) bool {
	if n < 0 {
		return false
	}
	for i := n; i < p.nodes[n].stop; i++ {
		switch p.nodes[i].kind {
		case "function_definition", "class_definition", "lambda":
			i = p.nodes[i].stop - 1
		case "return_statement", "raise_statement", "break_statement", "yield":
			return true
		}
	}
	return false
}

// selfCallIn finds a call of function f inside n that runs whenever n runs:
// not in a nested function or lambda, not behind `and`/`or`, not in a
// branch of a conditional expression.
func (p *pass) selfCallIn(f, n int32) int32 {
	if n < 0 {
		return -1
	}
	for i := n; i < p.nodes[n].stop; i++ {
		switch p.nodes[i].kind {
		case "function_definition", "class_definition", "lambda", "list_comprehension", "set_comprehension",
			"dictionary_comprehension", "generator_expression":
			// comprehensions may iterate zero times (recursion over children)
			i = p.nodes[i].stop - 1
			continue
		case "boolean_operator":
			// only the left operand always runs
			if l := p.field(i, "left"); l >= 0 {
				if c := p.selfCallIn(f, l); c >= 0 {
					return c
				}
			}
			i = p.nodes[i].stop - 1
			continue
		case "conditional_expression":
			cs := p.namedChildren(i)
			if len(cs) == 3 {
				if c := p.selfCallIn(f, cs[1]); c >= 0 {
					return c
				}
				// `f(n+1) if c else f(n-1)` recurses either way
				if a := p.selfCallIn(f, cs[0]); a >= 0 && p.selfCallIn(f, cs[2]) >= 0 {
					return a
				}
			}
			i = p.nodes[i].stop - 1
			continue
		case "call":
			if p.userCallTarget(i) == f {
				return i
			}
		}
	}
	return -1
}

var ruleHugeAlloc = &Rule{
	ID: "SP806", Name: "huge-allocation", CWE: 770, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A constant expression allocates millions of elements or bytes",
	Why: "`[0] * int(1e20)`, `'a' * 10**10`, `bytearray(10**10)` and `list(range(10**9))` ask for more memory " +
		"than the machine has (constants are folded to decide).",
	Bad:  "buf = [0] * 10**9",
	Good: "buf = [0] * n  # n bounded by the input",
	hooks: map[string]func(*pass, *Rule, int32){
		"binary_operator": func(p *pass, r *Rule, n int32) {
			if p.text(p.field(n, "operator")) != "*" {
				return
			}
			l, rt := p.unparen(p.field(n, "left")), p.unparen(p.field(n, "right"))
			for _, pair := range [][2]int32{{l, rt}, {rt, l}} {
				size := p.seqSize(pair[0])
				if size < 0 {
					continue
				}
				c := p.res.eval(pair[1])
				if c.k != vNum {
					if f := p.constFactor(pair[1]); f*float64(size) >= hugeElements {
						p.report(r, n, fmt.Sprintf("`%s` allocates at least %s elements per unit of its variable factor", trimTo(p.text(n), 40), magnitude(f*float64(size))))
						return
					}
					continue
				}
				if total := float64(size) * c.n; total >= hugeElements || math.IsInf(total, 1) || math.IsInf(c.n, 1) {
					p.report(r, n, fmt.Sprintf("`%s` allocates about %s elements", trimTo(p.text(n), 40), magnitude(math.Max(total, c.n))))
					return
				}
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			q := p.callee(n)
			switch q {
			case "builtins.bytearray", "builtins.bytes", "os.urandom", "builtins.list", "builtins.tuple",
				"builtins.set", "builtins.sorted", "numpy.zeros", "numpy.ones", "numpy.empty", "numpy.arange",
				"builtins.str.zfill", "secrets.token_bytes", "random.randbytes", "itertools.repeat":
			default:
				return
			}
			a := p.arg(n, 0, "")
			if q == "itertools.repeat" {
				a = p.arg(n, 1, "times")
			}
			if a < 0 {
				return
			}
			var size float64
			switch q {
			case "builtins.list", "builtins.tuple", "builtins.set", "builtins.sorted":
				size = p.rangeCount(a)
			default:
				v := p.res.eval(a)
				if v.k == vNum {
					size = v.n
				}
				if v.k == vSeq && strings.HasPrefix(q, "numpy.") {
					size = 1 // a shape: the product of its dimensions
					for _, e := range v.elems {
						if e.k != vNum {
							size = 0
							break
						}
						size *= e.n
					}
				}
			}
			if size >= hugeElements {
				p.report(r, n, fmt.Sprintf("`%s` allocates about %s elements", trimTo(p.text(n), 40), magnitude(size)))
			}
		},
		"list_comprehension": compHuge, "set_comprehension": compHuge, "dictionary_comprehension": compHuge,
		"augmented_assignment": doublingInLoop, "assignment": doublingInLoop,
	},
}

func compHuge(p *pass, r *Rule, n int32) {
	total := 1.0
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		if p.kind(c) == "for_in_clause" {
			cnt := p.rangeCount(p.field(c, "right"))
			if cnt <= 0 {
				return
			}
			total *= cnt
		}
	}
	if body := p.unparen(p.field(n, "body")); p.kind(body) == "binary_operator" {
		if sz := p.repeatSize(body); sz > 1 {
			total *= sz
		}
	}
	if total >= hugeElements && total > 1 {
		p.report(r, n, fmt.Sprintf("comprehension builds about %s elements", magnitude(total)))
	}
}

// repeatSize is the element count of `seq * k` (either order), or 0.
func (p *pass) repeatSize(n int32) float64 {
	if p.text(p.field(n, "operator")) != "*" {
		return 0
	}
	l, rt := p.unparen(p.field(n, "left")), p.unparen(p.field(n, "right"))
	for _, pair := range [][2]int32{{l, rt}, {rt, l}} {
		if size := p.seqSize(pair[0]); size >= 0 {
			if c := p.res.eval(pair[1]); c.k == vNum {
				return float64(size) * c.n
			}
		}
	}
	return 0
}

// constFactor is the product of the constant factors of a product whose
// other factors are unknown (`n * 10**8` gives 1e8), or 0 when the
// expression is not such a product. A program multiplying by a huge
// constant asks for at least that much whenever the rest is 1 or more.
func (p *pass) constFactor(n int32) float64 {
	n = p.unparen(n)
	if p.kind(n) != "binary_operator" || p.text(p.field(n, "operator")) != "*" {
		return 0
	}
	prod, unknownSeen := 1.0, false
	stack := []int32{n}
	for len(stack) > 0 && len(stack) < 64 {
		x := p.unparen(stack[len(stack)-1])
		stack = stack[:len(stack)-1]
		if p.kind(x) == "binary_operator" && p.text(p.field(x, "operator")) == "*" {
			stack = append(stack, p.field(x, "left"), p.field(x, "right"))
			continue
		}
		if v := p.res.eval(x); v.k == vNum {
			prod *= v.n
		} else {
			unknownSeen = true
		}
	}
	if !unknownSeen || prod < 2 {
		return 0
	}
	return prod
}

// seqSize is the length of a list/tuple/str/bytes display, or -1.
func (p *pass) seqSize(n int32) int {
	switch p.kind(n) {
	case "list", "tuple":
		return len(p.namedChildren(n))
	case "string", "concatenated_string":
		if s, ok := p.res.eval(n).str(); ok {
			return len(s)
		}
		return 1
	}
	v := p.res.eval(n)
	if v.k == vStr || v.k == vBytes {
		return len(v.s)
	}
	if v.k == vSeq {
		return len(v.elems)
	}
	return -1
}

// rangeCount is the number of items of a constant range(...) call (or of
// a constant sequence), or 0 when unknown.
func (p *pass) rangeCount(n int32) float64 {
	n = p.unparen(n)
	if p.kind(n) != "call" {
		return 0
	}
	q := p.callee(n)
	if q != "builtins.range" && q != "builtins.xrange" {
		return 0
	}
	pos, _ := p.callArgs(n)
	vals := make([]float64, len(pos))
	for i, a := range pos {
		v := p.res.eval(a)
		if v.k != vNum {
			if len(pos) == 1 {
				return p.constFactor(a) // range(n * 10**6)
			}
			return 0
		}
		vals[i] = v.n
	}
	switch len(vals) {
	case 1:
		return vals[0]
	case 2:
		return vals[1] - vals[0]
	case 3:
		if vals[2] == 0 {
			return 0
		}
		return math.Floor((vals[1] - vals[0]) / vals[2])
	}
	return 0
}

func magnitude(x float64) string {
	if math.IsInf(x, 0) || x > 1e300 {
		return "an astronomical number of"
	}
	e := math.Floor(math.Log10(x))
	return fmt.Sprintf("10^%d", int(e))
}

var ruleHugePower = &Rule{
	ID: "SP807", Name: "huge-power", CWE: 400, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A constant power or factorial has hundreds of thousands of digits",
	Why:     "Python integers are unbounded: `7**10**9` or `math.factorial(10**7)` computes for minutes and fills memory.",
	Bad:     "x = 7 ** 10 ** 9",
	Good:    "x = pow(7, 10**9, 1_000_000_007)",
	hooks: map[string]func(*pass, *Rule, int32){
		"binary_operator": func(p *pass, r *Rule, n int32) {
			if p.text(p.field(n, "operator")) != "**" {
				return
			}
			if par := p.nodes[n].parent; par >= 0 && p.kind(par) == "binary_operator" && p.text(p.field(par, "operator")) == "**" && p.nodes[n].field == "right" {
				return // report the outermost power only
			}
			a, b := p.res.eval(p.field(n, "left")), p.res.eval(p.field(n, "right"))
			if a.k != vNum || b.k != vNum {
				return
			}
			if d := powDigits(a.n, b.n); d >= hugeDigits {
				p.report(r, n, fmt.Sprintf("`%s` has about %s digits", trimTo(p.text(n), 40), magnitude(d)))
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			switch p.callee(n) {
			case "builtins.pow":
				pos, _ := p.callArgs(n)
				if len(pos) != 2 {
					return // three-argument pow is modular and cheap
				}
				a, b := p.res.eval(pos[0]), p.res.eval(pos[1])
				if a.k == vNum && b.k == vNum && powDigits(a.n, b.n) >= hugeDigits {
					p.report(r, n, "`"+trimTo(p.text(n), 40)+"` has about "+magnitude(powDigits(a.n, b.n))+" digits")
				}
			case "math.factorial":
				if v := p.res.eval(p.arg(n, 0, "")); v.k == vNum && v.n >= 2e4 {
					p.report(r, n, "`"+trimTo(p.text(n), 40)+"` has hundreds of thousands of digits")
				}
			}
		},
	},
}

// powDigits estimates the decimal digits of a**b.
func powDigits(a, b float64) float64 {
	if math.Abs(a) <= 1 || b <= 0 {
		return 1
	}
	return b * math.Log10(math.Abs(a))
}

// doublingInLoop flags `s += s`, `s = s + s` and `s *= k` (s a list or
// string) inside a loop of 30+ iterations or an endless one: 2^n growth.
func doublingInLoop(p *pass, r *Rule, n int32) {
	l := p.field(n, "left")
	if p.kind(l) != "identifier" {
		return
	}
	name := normIdent(p.text(l))
	right := p.unparen(p.field(n, "right"))
	op := "="
	if p.kind(n) == "augmented_assignment" {
		op = p.opText(n)
	}
	isName := func(x int32) bool { return p.kind(x) == "identifier" && normIdent(p.text(x)) == name }
	grows := false
	switch op {
	case "+=":
		grows = isName(right)
	case "*=":
		if v := p.res.eval(right); v.k == vNum && v.n >= 2 {
			grows = p.seqLike(name, n)
		}
	case "=":
		if p.kind(right) == "binary_operator" {
			a, b := p.unparen(p.field(right, "left")), p.unparen(p.field(right, "right"))
			switch p.text(p.field(right, "operator")) {
			case "+":
				grows = isName(a) && isName(b)
			case "*":
				if v := p.res.eval(b); isName(a) && v.k == vNum && v.n >= 2 {
					grows = p.seqLike(name, n)
				}
			}
		}
	}
	if !grows {
		return
	}
	loop := p.enclosingLoop(n)
	if loop < 0 {
		return
	}
	iters := p.rangeCount(p.field(loop, "right"))
	if p.kind(loop) == "while_statement" {
		if v, known := p.truth(p.field(loop, "condition")); known && v {
			iters = math.Inf(1)
		}
	}
	if iters >= 30 {
		p.report(r, n, "`"+name+"` doubles on every iteration: memory grows as 2^n")
	}
}

// seqLike reports whether name is bound to a list, tuple or string display.
func (p *pass) seqLike(name string, at int32) bool {
	for _, b := range p.res.bindsOf(p.res.scopeOf[at], name) {
		if b.kind == bAssign {
			switch p.kind(p.unparen(b.rhs)) {
			case "list", "string", "concatenated_string", "tuple":
				return true
			}
		}
	}
	return false
}

var ruleHugeLoop = &Rule{
	ID: "SP808", Name: "huge-iteration", CWE: 400, Category: CatResource, Severity: policy.SeverityError,
	Summary: "Loops over constant ranges run millions of iterations",
	Why: "`for _ in range(10**6): pass` and nested constant loops burn CPU for no result; the count is fixed " +
		"by constants, not by the input.",
	Bad:  "for _ in range(10**8):\n    pass",
	Good: "for i in range(len(items)):\n    ...",
	hooks: map[string]func(*pass, *Rule, int32){
		"for_statement": func(p *pass, r *Rule, n int32) {
			cnt := p.rangeCount(p.field(n, "right"))
			if cnt <= 0 {
				if c := p.unparen(p.field(n, "right")); p.kind(c) == "call" {
					cnt = p.rangeCount(p.arg(c, 0, "")) // enumerate(range(...)), reversed(range(...))
				}
			}
			if cnt <= 0 {
				return
			}
			total := cnt
			for c := p.nodes[n].parent; c >= 0; c = p.nodes[c].parent {
				k := p.kind(c)
				if k == "function_definition" || k == "class_definition" || k == "lambda" {
					break
				}
				if k == "for_statement" {
					if oc := p.rangeCount(p.field(c, "right")); oc > 0 {
						total *= oc
					}
				}
			}
			if cnt >= hugeIterations || total >= nestedIters {
				// report only the innermost loop that crosses the line
				body := p.field(n, "body")
				for i := body; body >= 0 && i < p.nodes[body].stop; i++ {
					if p.kind(i) == "for_statement" && p.rangeCount(p.field(i, "right")) > 1 {
						return
					}
				}
				p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), fmt.Sprintf("`%s` runs about %s iterations", trimTo(p.headerText(n), 40), magnitude(total)))
			}
		},
		"while_statement": func(p *pass, r *Rule, n int32) {
			// while i < 10**8: i += 1
			cond := p.unparen(p.field(n, "condition"))
			if p.kind(cond) != "comparison_operator" {
				return
			}
			cs := p.namedChildren(cond)
			if len(cs) != 2 {
				return
			}
			var name string
			var bound value
			if p.kind(cs[0]) == "identifier" {
				name, bound = normIdent(p.text(cs[0])), p.res.eval(cs[1])
			} else if p.kind(cs[1]) == "identifier" {
				name, bound = normIdent(p.text(cs[1])), p.res.eval(cs[0])
			}
			if name == "" || bound.k != vNum || math.Abs(bound.n) < nestedIters {
				return
			}
			body := p.field(n, "body")
			for i := body; body >= 0 && i < p.nodes[body].stop; i++ {
				if p.kind(i) != "augmented_assignment" || normIdent(p.text(p.field(i, "left"))) != name {
					continue
				}
				op := p.opText(i)
				step := p.res.eval(p.field(i, "right"))
				if (op == "+=" || op == "-=") && step.k == vNum && step.n != 0 && math.Abs(bound.n/step.n) >= nestedIters {
					p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), fmt.Sprintf("`%s` counts to about %s", trimTo(p.headerText(n), 40), magnitude(math.Abs(bound.n/step.n))))
					return
				}
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			switch p.callee(n) {
			case "builtins.sum", "builtins.max", "builtins.min", "builtins.any", "builtins.all", "builtins.sorted", "builtins.len":
			default:
				return
			}
			a := p.arg(n, 0, "")
			cnt := p.rangeCount(a)
			if p.kind(a) == "generator_expression" {
				for c := p.nodes[a].first; c >= 0; c = p.nodes[c].next {
					if p.kind(c) == "for_in_clause" {
						cnt = math.Max(cnt, p.rangeCount(p.field(c, "right")))
					}
				}
			}
			if cnt >= 1e8 || (cnt >= hugeIterations && p.callee(n) != "builtins.len") {
				p.report(r, n, fmt.Sprintf("`%s` iterates about %s times", trimTo(p.text(n), 40), magnitude(cnt)))
			}
		},
	},
}

var ruleSpawnLoop = &Rule{
	ID: "SP809", Name: "spawn-in-loop", CWE: 400, Category: CatResource, Severity: policy.SeverityError,
	Summary: "Threads or processes are started inside a loop",
	Why:     "Starting a thread or process per iteration (a fork bomb, at worst) exhausts process and memory limits.",
	Bad:     "while True:\n    os.fork()",
	Good:    "with ThreadPoolExecutor(max_workers=4) as ex: ...",
	calls: []string{"threading.Thread", "threading.Timer", "multiprocessing.Process", "multiprocessing.Pool",
		"os.fork", "os.forkpty", "subprocess.Popen", "_thread.start_new_thread", "_thread.start_new",
		"concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ProcessPoolExecutor", "asyncio.create_task"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if !p.inLoop(call) {
			return "", false
		}
		return "`" + q + "` inside a loop starts one thread or process per iteration", true
	},
}

var ruleSleep = &Rule{
	ID: "SP810", Name: "long-sleep", CWE: 400, Category: CatResource, Severity: policy.SeverityError,
	Summary: "The program sleeps for a minute or more",
	Why:     "A long sleep ties up a worker without computing anything (denial of service).",
	Bad:     "time.sleep(10**6)",
	Good:    "no sleep: the computation does not need to wait",
	calls:   []string{"time.sleep", "asyncio.sleep", "threading.Event().wait"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		v := p.res.eval(p.arg(call, 0, ""))
		if v.k == vNum && v.n >= longSleep {
			return fmt.Sprintf("`%s` sleeps %s seconds", trimTo(p.text(call), 40), trimFloat(v.n)), true
		}
		if p.inLoop(call) && v.k == vNum && v.n > 0 && p.enclosingInfinite(call) {
			return "sleeping inside an endless loop", true
		}
		return "", false
	},
}

// enclosingInfinite reports whether n sits in a `while <true>` loop.
func (p *pass) enclosingInfinite(n int32) bool {
	l := p.enclosingLoop(n)
	if l < 0 || p.kind(l) != "while_statement" {
		return false
	}
	v, known := p.truth(p.field(l, "condition"))
	return known && v
}

func trimFloat(f float64) string {
	if f >= 1e15 {
		return magnitude(f)
	}
	return strings.TrimSuffix(fmt.Sprintf("%.0f", f), ".0")
}

var ruleLimits = &Rule{
	ID: "SP811", Name: "limit-tampering", CWE: 674, Category: CatResource, Severity: policy.SeverityError,
	Summary: "The recursion limit or resource limits are changed",
	Why:     "Raising sys.setrecursionlimit lets runaway recursion overflow the C stack and crash; setrlimit and stack_size change the guards themselves.",
	Bad:     "sys.setrecursionlimit(10**6)",
	Good:    "rewrite the recursion as a loop",
	calls:   []string{"sys.setrecursionlimit", "resource.setrlimit", "resource.prlimit", "threading.stack_size", "sys.setswitchinterval"},
}

var ruleRetryForever = &Rule{
	ID: "SP812", Name: "retry-forever", CWE: 835, Category: CatResource, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "An endless loop retries the same failing code without changing anything",
	Why: "`while True: try: return f(x) except Exception: pass` exits only when the try body succeeds; the body " +
		"reads nothing new between attempts, so an input that fails once fails forever and the loop never ends.",
	Bad:  "while True:\n    try:\n        return parse(s)\n    except Exception:\n        pass",
	Good: "try:\n    return parse(s)\nexcept ValueError:\n    return None",
	hooks: map[string]func(*pass, *Rule, int32){
		"while_statement": func(p *pass, r *Rule, n int32) {
			if v, known := p.truth(p.field(n, "condition")); !known || !v {
				return
			}
			body := p.field(n, "body")
			if body < 0 {
				return
			}
			var try int32 = -1
			for _, st := range p.namedChildren(body) {
				if p.kind(st) == "try_statement" {
					try = st
				} else if p.kind(st) != "pass_statement" {
					return // other statements may change state between attempts
				}
			}
			if try < 0 {
				return
			}
			tryBody := p.field(try, "body")
			broad := false
			for c := p.nodes[try].first; c >= 0; c = p.nodes[c].next {
				switch p.kind(c) {
				case "except_clause", "except_group_clause":
					handler := p.childOfKind(c, "block")
					if p.hasExitStmt(handler) || p.hasKind(handler, "assignment") || p.hasKind(handler, "augmented_assignment") || p.hasKind(handler, "call") {
						return
					}
					typ := p.firstNamed(c)
					if typ == handler || typ < 0 {
						broad = true
						continue
					}
					if p.kind(typ) == "as_pattern" {
						typ = p.firstNamed(typ)
					}
					switch p.text(typ) {
					case "Exception", "BaseException":
						broad = true
					}
				case "finally_clause", "else_clause":
					return
				}
			}
			if !broad {
				return
			}
			// the attempt must be the same each time: no input, time, randomness or I/O
			for i := tryBody; i < p.nodes[tryBody].stop; i++ {
				if p.kind(i) != "call" {
					continue
				}
				q := p.callee(i)
				if q == "builtins.input" || q == "builtins.next" || q == "builtins.open" || strings.HasPrefix(q, "random.") || strings.HasPrefix(q, "time.") ||
					strings.HasPrefix(q, "socket.") || strings.HasPrefix(q, "requests.") || strings.HasPrefix(q, "urllib") || strings.HasPrefix(q, "sys.") {
					return
				}
				if fn := p.field(i, "function"); p.kind(fn) == "attribute" {
					switch p.text(p.field(fn, "attribute")) {
					case "read", "readline", "recv", "get", "pop", "popleft", "send", "next", "__next__", "wait", "acquire":
						return
					}
				}
			}
			p.reportRange(r, n, p.nodes[n].start, p.headerEnd(n), "`"+trimTo(p.headerText(n), 40)+"` retries the same attempt after any exception: once it fails it loops forever")
		},
	},
}

// nestedQuantifierRe finds a group holding a quantifier that is itself
// quantified: (a+)+, (x*)*, (\w+\s?)*, (a|aa)+ with an inner +.
var nestedQuantifierRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d*,\d*\})`)
})

var ruleReDoS = &Rule{
	ID: "SP813", Name: "catastrophic-regex", CWE: 1333, Category: CatResource, Severity: policy.SeverityError,
	Summary: "A regular expression nests quantifiers (catastrophic backtracking)",
	Why: "Patterns such as `(a+)+$` backtrack exponentially on a near-match: a short input takes years of CPU " +
		"(ReDoS). Remove the nesting or make the inner repetition unambiguous.",
	Bad:  "re.match(r'(a+)+$', s)",
	Good: "re.match(r'a+$', s)",
	calls: []string{"re.compile", "re.match", "re.search", "re.fullmatch", "re.findall", "re.finditer", "re.sub",
		"re.subn", "re.split", "regex.compile", "regex.match", "regex.search"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		pat, ok := p.res.eval(p.arg(call, 0, "pattern")).str()
		if !ok {
			return "", false
		}
		if m := nestedQuantifierRe().FindString(pat); m != "" {
			return "pattern `" + trimTo(m, 30) + "` nests quantifiers: exponential backtracking", true
		}
		return "", false
	},
}

func resourceFamily() family {
	return family{setup: mutualRecursion, rules: []*Rule{ruleReDoS, ruleRetryForever, ruleInfiniteLoop, ruleStuckLoop, ruleUnboundedIter, ruleRecursion, ruleNoProgress, ruleLoopNeverRepeats,
		ruleHugeAlloc, ruleHugePower, ruleHugeLoop, ruleSpawnLoop, ruleSleep, ruleLimits}}
}
