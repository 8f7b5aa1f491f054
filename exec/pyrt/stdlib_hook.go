package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/stdlib"
)

// stdlibModules returns the modules of exec/pyrt/stdlib.
func stdlibModules() map[string]ModuleFunc {
	out := map[string]ModuleFunc{}
	for name := range stdlib.Modules() {
		name := name
		out[name] = func(ctx py.Context) (py.Object, error) { return stdlib.Load(ctx, name) }
	}
	return out
}
