package fix_test

import (
	"os"
	"testing"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/exec/pyrt"
	"github.com/stelp-dev/stelp/transpile/lower"
)

// TestMain turns this test binary into a worker when the executor starts
// it as one. Its workers get the runtime every worker gets plus the stub
// modules of stubs_test.go.
func TestMain(m *testing.M) {
	exec.SetExtensions(exec.Extensions{
		Install: pyrt.Install,
		Import:  stubImport,
		Compile: pyrt.Compile,
		Prelude: lower.Prelude,
	})
	exec.MaybeRunWorker()
	os.Exit(m.Run())
}

// stubImport provides the stub modules, and everything else as the
// runtime does (pyrt.Import).
//
// Why this opens no hole: the stubs are Go test code, compiled only into
// this test binary, and installed only in the workers this binary starts
// (exec.SetExtensions before exec.MaybeRunWorker). The stelp binary never
// registers them, and a Request carries no module sources, so nothing a
// program or a client sends can add a module. Even here the executor's
// guards still apply: a stub is importable only when the run's policy
// allowlists its name (the corpus measurement's default policy does not),
// and never under a name the sandbox refuses outright (subprocess: see
// stubProcessModule).
func stubImport(ctx py.Context, name string) (py.Object, error) {
	src, ok := stubModules[name]
	if !ok {
		return pyrt.Import(ctx, name)
	}
	if m, err := ctx.GetModule(name); err == nil {
		return m, nil
	}
	code, err := pyrt.Compile(src, "<stub "+name+">")
	if err != nil {
		return nil, err
	}
	return ctx.ModuleInit(&py.ModuleImpl{
		Info:    py.ModuleInfo{Name: name, FileDesc: "<stub " + name + ">"},
		Globals: py.StringDict{},
		Code:    code,
	})
}
