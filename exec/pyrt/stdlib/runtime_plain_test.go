//go:build !stelp_pyrt

package stdlib_test

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/stdlib"
)

// Plain gpython: the cases that depend on the core runtime are listed in
// testdata/core_gaps.txt.
const withCore = false

func installRuntime(ctx py.Context) error { return nil }

func compile(src string) (*py.Code, error) {
	code, err := py.Compile(src, "<case>", py.ExecMode, 0, true)
	if err != nil {
		return nil, err
	}
	stdlib.FixCells(code)
	return code, nil
}
