package pyrt

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

func TestAttrGuard(t *testing.T) {
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	if err := Install(ctx); err != nil {
		t.Fatal(err)
	}
	SetAttrGuard(ctx, func(obj py.Object, name string) error {
		if strings.HasPrefix(name, "__") && name != "__init__" {
			return py.ExceptionNewf(py.AttributeError, "denied: %s", name)
		}
		return nil
	})
	for src, wantErr := range map[string]bool{
		"x = (1).__class__":                                      true,
		"class A:\n  pass\nA().__dict__ = 1":                     true,
		"x = 'abc'.upper()":                                      false,
		"class B:\n  def __init__(self):\n    self.v = 1\nB().v": false,
	} {
		code, err := Compile(src, "<guard>")
		if err != nil {
			t.Fatal(err)
		}
		g := py.StringDict{"__name__": py.String("__main__")}
		_, err = ctx.RunCode(code, g, g, nil)
		if got := err != nil; got != wantErr {
			t.Errorf("%q: error = %v, want error %v", src, err, wantErr)
		}
		if err != nil && !strings.Contains(formatErr(err), "denied") {
			t.Errorf("%q: unexpected error %v", src, formatErr(err))
		}
	}
}
