package stdlib

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// TestEmbeddedSourcesAvoidMixedClosures checks that no function in pysrc/
// has both cell and free variables. gpython numbers such a function's free
// variables as if it had no cells, so they read the wrong cells (a silent
// wrong answer); the runtime corrects user code with the source at hand,
// but the embedded modules are compiled here and must simply avoid the
// pattern (e.g. a comprehension inside a closure that uses the closure's
// locals).
func TestEmbeddedSourcesAvoidMixedClosures(t *testing.T) {
	files, err := fs.Glob(pysrcFS, "pysrc/*.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		code, err := compiled(strings.TrimPrefix(f, "pysrc/"))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var walk func(c *py.Code, path string)
		walk = func(c *py.Code, path string) {
			if len(c.Cellvars) > 0 && len(c.Freevars) > 0 {
				t.Errorf("%s: %s has cell variables %v and free variables %v", f, path, c.Cellvars, c.Freevars)
			}
			for _, k := range c.Consts {
				if sub, ok := k.(*py.Code); ok {
					walk(sub, path+"."+sub.Name)
				}
			}
		}
		walk(code, "<module>")
	}
}
