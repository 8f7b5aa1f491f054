package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/stdlib"
)

// fixCode corrects compiled code objects recursively: gpython's compiler
// leaves Cell2arg nil, so a closure over a parameter would see an empty
// cell.
func fixCode(c *py.Code) { stdlib.FixCells(c) }
