package exec

import (
	"testing"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"
)

func TestBindHooks(t *testing.T) {
	code, err := py.Compile("__stelp_tick__(1)\ndef f():\n    def g():\n        return __stelp_tick__(3)\n    return g\nx = other(2)\n", "<t>", py.ExecMode, 0, true)
	if err != nil {
		t.Fatal(err)
	}
	hook := py.String("HOOK")
	bindHooks(code, map[string]py.Object{"__stelp_tick__": hook})
	var loadsByName, constLoads int
	var walk func(c *py.Code)
	walk = func(c *py.Code) {
		ops := c.Code
		for i := 0; i < len(ops); {
			op := vm.OpCode(ops[i])
			if !op.HAS_ARG() {
				i++
				continue
			}
			arg := int(ops[i+1]) | int(ops[i+2])<<8
			switch {
			case (op == vm.LOAD_NAME || op == vm.LOAD_GLOBAL) && c.Names[arg] == "__stelp_tick__":
				loadsByName++
			case op == vm.LOAD_CONST && c.Consts[arg] == hook:
				constLoads++
			}
			i += 3
		}
		for _, k := range c.Consts {
			if sub, ok := k.(*py.Code); ok {
				walk(sub)
			}
		}
	}
	walk(code)
	if loadsByName != 0 || constLoads != 2 {
		t.Fatalf("%d hook loads by name left, %d bound (want 0 and 2)", loadsByName, constLoads)
	}
}
