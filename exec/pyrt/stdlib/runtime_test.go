package stdlib_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt"
	"github.com/stelp-dev/stelp/transpile/lower"
)

// The cases run as user programs do: lowered by transpile/lower, compiled
// by pyrt.Compile, in a context prepared by pyrt.Install and the lowering's
// prelude.

func installRuntime(ctx py.Context) error {
	if err := pyrt.Install(ctx); err != nil {
		return err
	}
	code, err := pyrt.Compile(lower.Prelude, "<prelude>")
	if err != nil {
		return err
	}
	g := py.NewStringDict()
	if _, err := ctx.RunCode(code, g, g, nil); err != nil {
		return err
	}
	b := ctx.Store().Builtins.Globals
	for k, v := range g {
		if strings.HasPrefix(k, "__stelp_") {
			b[k] = v
		}
	}
	return nil
}

// rawCompile compiles without lowering, as the embedded sources are (set by
// the probe only).
var rawCompile bool

func compile(src string) (*py.Code, error) {
	if rawCompile {
		return pyrt.Compile(src, "<case>")
	}
	res, err := lower.Lower(context.Background(), []byte(src))
	if err != nil {
		return nil, err
	}
	if len(res.Unsupported) > 0 {
		return nil, fmt.Errorf("unsupported: %v", res.Unsupported)
	}
	return pyrt.Compile(string(res.Code), "<case>")
}
