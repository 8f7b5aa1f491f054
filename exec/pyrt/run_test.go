package pyrt

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// outBuf is a sys.stdout replacement that collects output.
type outBuf struct{ b strings.Builder }

var outBufType = py.NewType("outbuf", "")

func (o *outBuf) Type() *py.Type { return outBufType }

func (o *outBuf) M__getattr__(name string) (py.Object, error) {
	if name == "write" {
		return py.MustNewMethod("write", func(self py.Object, arg py.Object) (py.Object, error) {
			s, _ := arg.(py.String)
			o.b.WriteString(string(s))
			return py.None, nil
		}, 0, ""), nil
	}
	if name == "flush" {
		return py.MustNewMethod("flush", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, ""), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "%s", name)
}

// runSnippet runs src in a fresh context and returns what it printed and
// the uncaught exception, formatted as "Type: message".
func runSnippet(t testing.TB, src string) (string, string) {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	if err := Install(ctx); err != nil {
		t.Fatal(err)
	}
	// Imports resolve through Import only, as in the executor.
	ctx.Store().Builtins.Globals["__import__"] = py.MustNewMethod("__import__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		name, ok := args[0].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "__import__() argument 1 must be str")
		}
		return Import(ctx, string(name))
	}, 0, "")
	out := &outBuf{}
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatal(err)
	}
	sys.Globals["stdout"] = out
	code, err := Compile(src, "<snippet>")
	if err != nil {
		return out.b.String(), "SyntaxError: " + err.Error()
	}
	mod, err := ctx.Store().NewModule(ctx, &py.ModuleImpl{Info: py.ModuleInfo{Name: "__main__"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = ctx.RunCode(code, mod.Globals, mod.Globals, nil)
	if err != nil {
		return out.b.String(), formatErr(err)
	}
	return out.b.String(), ""
}
