//go:build stelp_pyrt

package stdlib_test

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt"
)

// With the core runtime (go test -tags stelp_pyrt): every case must match.
const withCore = true

func installRuntime(ctx py.Context) error { return pyrt.Install(ctx) }

func compile(src string) (*py.Code, error) { return pyrt.Compile(src, "<case>") }
