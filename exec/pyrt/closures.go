package pyrt

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/symtable"
	"github.com/go-python/gpython/vm"
)

// gpython's compiler numbers free variables from 0 in the LOAD_CLOSURE,
// LOAD_DEREF, STORE_DEREF and DELETE_DEREF arguments, but the VM indexes
// cells and free variables in one array, cells first. In a function that
// has both (the middle function of two nested closures), free variables
// therefore resolved to the wrong cells: a silent wrong answer. fixClosures
// rewrites those arguments. LOAD_CLOSURE is exact (the child code object
// names its free variables in order); for the DEREF opcodes the symbol
// table tells which names the function uses itself, and where a cell and a
// free variable share an index, the names on the instruction's line decide.
// A case that stays ambiguous is reported as an error, never guessed.

func needsClosureFix(c *py.Code) bool {
	if len(c.Cellvars) > 0 && len(c.Freevars) > 0 {
		return true
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*py.Code); ok && needsClosureFix(sub) {
			return true
		}
	}
	return false
}

func fixClosures(src, filename string, code *py.Code) error {
	if !needsClosureFix(code) {
		return nil
	}
	tree, err := parser.Parse(bytes.NewBufferString(src), filename, py.ExecMode)
	if err != nil {
		return err
	}
	st, err := symtable.NewSymTable(tree, filename)
	if err != nil {
		return err
	}
	return fixCodeTree(code, st, tree)
}

// fixCodeTree walks code objects alongside their symbol tables and nodes.
func fixCodeTree(code *py.Code, st *symtable.SymTable, node ast.Ast) error {
	if len(code.Cellvars) > 0 && len(code.Freevars) > 0 {
		if err := fixDerefs(code, st, node); err != nil {
			return err
		}
	}
	// Nested code objects appear in the constants in the order the
	// compiler met them, which is the order the symbol table recorded its
	// children (line numbers are not recorded by either).
	next := 0
	for _, k := range code.Consts {
		sub, ok := k.(*py.Code)
		if !ok {
			continue
		}
		var child *symtable.SymTable
		for next < len(st.Children) {
			c := st.Children[next]
			next++
			if scopeName(c.Name) == scopeName(sub.Name) {
				child = c
				break
			}
		}
		if child == nil {
			if needsClosureFix(sub) {
				return fmt.Errorf("closure fix: no symbol table for %s", sub.Name)
			}
			continue
		}
		if !needsClosureFix(sub) {
			continue
		}
		var childNode ast.Ast
		for n, t := range st.LookupChild {
			if t == child {
				childNode = n
				break
			}
		}
		if err := fixCodeTree(sub, child, childNode); err != nil {
			return err
		}
	}
	return nil
}

func scopeName(s string) string { return strings.Trim(s, "<>") }

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// derefQueues holds, per line and access kind (0 load, 1 store, 2 delete),
// the names a scope's own code mentions in the order the compiler emits
// them.
type derefQueues map[int]*[3][]string

func (q derefQueues) push(line, kind int, name string) {
	if q[line] == nil {
		q[line] = &[3][]string{}
	}
	q[line][kind] = append(q[line][kind], name)
}

func (q derefQueues) pop(line, kind int) (string, bool) {
	l := q[line]
	if l == nil || len(l[kind]) == 0 {
		return "", false
	}
	n := l[kind][0]
	l[kind] = l[kind][1:]
	return n, true
}

func ctxKind(c ast.ExprContext) int {
	switch c {
	case ast.Store, ast.AugStore:
		return 1
	case ast.Del:
		return 2
	}
	return 0
}

// ownDerefNames walks a scope's own code (not nested scopes, except the
// parts of them the scope evaluates) and queues the names in derefs.
func ownDerefNames(node ast.Ast, derefs map[string]bool) derefQueues {
	out := derefQueues{}
	var visit func(n ast.Ast) bool
	walkAll := func(nodes ...ast.Ast) {
		for _, n := range nodes {
			if n != nil {
				ast.Walk(n, visit)
			}
		}
	}
	root := true
	visit = func(n ast.Ast) bool {
		if root {
			root = false
			return true
		}
		switch x := n.(type) {
		case *ast.Name:
			if derefs[string(x.Id)] {
				out.push(x.Lineno, ctxKind(x.Ctx), string(x.Id))
			}
		case *ast.AugAssign:
			if t, ok := x.Target.(*ast.Name); ok {
				walkAll(x.Value)
				if derefs[string(t.Id)] {
					out.push(t.Lineno, 0, string(t.Id))
					out.push(t.Lineno, 1, string(t.Id))
				}
				return false
			}
		case *ast.FunctionDef:
			for _, d := range x.DecoratorList {
				walkAll(d)
			}
			walkArgs(x.Args, walkAll)
			if derefs[string(x.Name)] {
				out.push(x.Lineno, 1, string(x.Name))
			}
			return false
		case *ast.ClassDef:
			for _, d := range x.DecoratorList {
				walkAll(d)
			}
			for _, b := range x.Bases {
				walkAll(b)
			}
			if derefs[string(x.Name)] {
				out.push(x.Lineno, 1, string(x.Name))
			}
			return false
		case *ast.Lambda:
			walkArgs(x.Args, walkAll)
			return false
		case *ast.ListComp:
			walkFirstIter(x.Generators, walkAll)
			return false
		case *ast.SetComp:
			walkFirstIter(x.Generators, walkAll)
			return false
		case *ast.DictComp:
			walkFirstIter(x.Generators, walkAll)
			return false
		case *ast.GeneratorExp:
			walkFirstIter(x.Generators, walkAll)
			return false
		}
		return true
	}
	if node != nil {
		ast.Walk(node, visit)
	}
	return out
}

func walkArgs(a *ast.Arguments, walkAll func(...ast.Ast)) {
	if a == nil {
		return
	}
	for _, d := range a.Defaults {
		walkAll(d)
	}
	for _, d := range a.KwDefaults {
		walkAll(d)
	}
}

func walkFirstIter(gens []ast.Comprehension, walkAll func(...ast.Ast)) {
	if len(gens) > 0 {
		walkAll(gens[0].Iter)
	}
}

func fixDerefs(code *py.Code, st *symtable.SymTable, node ast.Ast) error {
	const direct = symtable.DefUse | symtable.DefLocal | symtable.DefParam | symtable.DefNonlocal
	usesDirectly := func(name string) bool {
		s, ok := st.Symbols[name]
		return ok && s.Flags&direct != 0
	}
	ncell := len(code.Cellvars)
	derefs := map[string]bool{}
	for _, n := range append(append([]string(nil), code.Cellvars...), code.Freevars...) {
		derefs[n] = true
	}
	queues := ownDerefNames(node, derefs)
	b := []byte(code.Code)
	for p := 0; p < len(b); {
		op := vm.OpCode(b[p])
		if !op.HAS_ARG() {
			p++
			continue
		}
		arg := int(b[p+1]) | int(b[p+2])<<8
		switch op {
		case vm.LOAD_CLOSURE:
			// A run of LOAD_CLOSURE, then BUILD_TUPLE n, LOAD_CONST code.
			n := 0
			for q := p; q+2 < len(b) && vm.OpCode(b[q]) == vm.LOAD_CLOSURE; q += 3 {
				n++
			}
			q := p + 3*n
			if q+5 >= len(b) || vm.OpCode(b[q]) != vm.BUILD_TUPLE || vm.OpCode(b[q+3]) != vm.LOAD_CONST {
				return fmt.Errorf("closure fix: unexpected bytecode after LOAD_CLOSURE in %s", code.Name)
			}
			ci := int(b[q+4]) | int(b[q+5])<<8
			child, ok := code.Consts[ci].(*py.Code)
			if !ok || len(child.Freevars) != n {
				return fmt.Errorf("closure fix: closure does not match its code object in %s", code.Name)
			}
			for j, name := range child.Freevars {
				idx := indexOf(code.Cellvars, name)
				if idx < 0 {
					idx = indexOf(code.Freevars, name)
					if idx < 0 {
						return fmt.Errorf("closure fix: %s not found in %s", name, code.Name)
					}
					idx += ncell
				}
				pos := p + 3*j
				b[pos+1], b[pos+2] = byte(idx), byte(idx>>8)
			}
			p = q
			continue
		case vm.LOAD_DEREF, vm.STORE_DEREF, vm.DELETE_DEREF, vm.LOAD_CLASSDEREF:
			kind := 0
			switch op {
			case vm.STORE_DEREF:
				kind = 1
			case vm.DELETE_DEREF:
				kind = 2
			}
			line := int(code.Addr2Line(int32(p)))
			mentioned, haveName := queues.pop(line, kind)
			var cands []int
			var names []string
			if arg < ncell && usesDirectly(code.Cellvars[arg]) {
				cands, names = append(cands, arg), append(names, code.Cellvars[arg])
			}
			if arg < len(code.Freevars) && usesDirectly(code.Freevars[arg]) {
				cands, names = append(cands, arg+ncell), append(names, code.Freevars[arg])
			}
			idx := arg
			switch len(cands) {
			case 1:
				idx = cands[0]
			case 2:
				switch {
				case haveName && mentioned == names[0]:
					idx = cands[0]
				case haveName && mentioned == names[1]:
					idx = cands[1]
				default:
					return py.ExceptionNewf(py.SyntaxError, "line %d: the runtime cannot tell the closure variables %q and %q apart in %s(); rename one of them", line, names[0], names[1], code.Name)
				}
			}
			b[p+1], b[p+2] = byte(idx), byte(idx>>8)
		}
		p += 3
	}
	code.Code = string(b)
	return nil
}
