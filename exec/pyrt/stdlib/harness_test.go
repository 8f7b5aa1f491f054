package stdlib_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // sets py.NewContext

	"github.com/stelp-dev/stelp/exec/pyrt/stdlib"
)

// writer is a sys.stdout replacement that collects what print writes.
type writer struct{ buf *bytes.Buffer }

var writerType = py.NewType("stdlib_test.writer", "")

func (w *writer) Type() *py.Type { return writerType }

// newContext builds a gpython context (with the core runtime installed when
// the harness is built with it) whose imports resolve through stdlib.Load
// only, and whose stdout is captured into out.
func newContext(t testing.TB, out *bytes.Buffer) py.Context {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	t.Cleanup(func() { ctx.Close() })
	if err := installRuntime(ctx); err != nil {
		t.Fatal(err)
	}
	b := ctx.Store().Builtins.Globals
	b["__import__"] = py.MustNewMethod("__import__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		name := string(args[0].(py.String))
		m, err := stdlib.Load(ctx, name)
		if err != nil {
			return nil, err
		}
		var fromlist py.Object = py.Tuple{}
		if len(args) > 3 {
			fromlist = args[3]
		}
		if n, _ := py.Len(fromlist); n != nil && n.(py.Int) == 0 && strings.Contains(name, ".") {
			return ctx.GetModule(name[:strings.Index(name, ".")])
		}
		return m, nil
	}, 0, "")
	w := &writer{buf: out}
	writerType.Dict["write"] = py.MustNewMethod("write", func(self, arg py.Object) (py.Object, error) {
		s, err := py.StrAsString(arg)
		if err != nil {
			return nil, err
		}
		self.(*writer).buf.WriteString(s)
		return py.Int(len(s)), nil
	}, 0, "")
	writerType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, "")
	sys, err := ctx.GetModule("sys")
	if err != nil {
		t.Fatal(err)
	}
	sys.Globals["stdout"] = w
	return ctx
}

// run compiles and runs src in a fresh context and returns what it printed,
// with an uncaught exception appended as "Type: message" like CPython's last
// traceback line.
func run(t testing.TB, src string) string {
	t.Helper()
	var out bytes.Buffer
	ctx := newContext(t, &out)
	code, err := compile(src)
	if err != nil {
		return out.String() + "COMPILE ERROR: " + err.Error() + "\n"
	}
	g := py.NewStringDict()
	g["__name__"] = py.String("__main__")
	_, err = ctx.RunCode(code, g, g, nil)
	if err != nil {
		out.WriteString(excLine(err) + "\n")
	}
	return out.String()
}

func excLine(err error) string {
	var exc *py.Exception
	switch e := err.(type) {
	case py.ExceptionInfo:
		if x, ok := e.Value.(*py.Exception); ok {
			exc = x
		}
	case *py.ExceptionInfo:
		if x, ok := e.Value.(*py.Exception); ok {
			exc = x
		}
	case *py.Exception:
		exc = e
	}
	if exc == nil {
		return "ERROR: " + err.Error()
	}
	msg, _ := py.StrAsString(exc)
	if msg == "" {
		return exc.Base.Name
	}
	return exc.Base.Name + ": " + msg
}
