package exec

import (
	"github.com/stelp-dev/stelp/exec/pyrt"
	"github.com/stelp-dev/stelp/transpile/lower"
)

// defaultExtensions are the runtime additions every worker installs unless
// SetExtensions chose others: the completed runtime (pyrt) and the helpers
// lowered code calls.
func defaultExtensions() Extensions {
	return Extensions{
		Install: pyrt.Install,
		Import:  pyrt.Import,
		Compile: pyrt.Compile,
		Prelude: lower.Prelude,
	}
}
