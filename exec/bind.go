package exec

// bind.go fixes the instrumentation's hooks into the compiled program:
// every load of a hook by name becomes a load of the hook object itself
// (LOAD_CONST). A program can then not shadow a hook, whatever it does to
// its namespaces (`__stelp_globals__()['__stelp_tick__'] = ...`).

import (
	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
)

// bindHooks rewrites, in code and every nested code object, the name
// loads of the hooks in hooks into constant loads.
func bindHooks(code *py.Code, hooks map[string]py.Object) {
	ops := []byte(code.Code) // Code is an immutable string: edit a copy
	changed := false
	constIdx := map[string]int{}
	extended := false
	for i := 0; i < len(ops); {
		op := vm.OpCode(ops[i])
		at := i
		i++
		if !op.HAS_ARG() {
			extended = false
			continue
		}
		if i+1 >= len(ops) {
			break
		}
		arg := int(ops[i]) | int(ops[i+1])<<8
		i += 2
		if op == vm.EXTENDED_ARG {
			extended = true
			continue
		}
		wasExtended := extended
		extended = false
		if wasExtended || (op != vm.LOAD_NAME && op != vm.LOAD_GLOBAL) || arg >= len(code.Names) {
			continue
		}
		name := code.Names[arg]
		hook, ok := hooks[name]
		if !ok {
			continue
		}
		idx, ok := constIdx[name]
		if !ok {
			idx = len(code.Consts)
			if idx > 0xffff {
				continue // would need EXTENDED_ARG; leave the name load
			}
			code.Consts = append(code.Consts, hook)
			constIdx[name] = idx
		}
		ops[at] = byte(vm.LOAD_CONST)
		ops[at+1] = byte(idx)
		ops[at+2] = byte(idx >> 8)
		changed = true
	}
	if changed {
		code.Code = string(ops)
	}
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			bindHooks(sub, hooks)
		}
	}
}
