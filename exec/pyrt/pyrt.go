// Package pyrt completes gpython's runtime so that it runs real LLM-written
// Python with CPython's results: Python types gpython lacks (a dict and set
// with any hashable key), methods of the builtin types, builtins, format
// specs, and fixes to semantics gpython gets wrong (user dunders,
// inheritance, exceptions from generators, closures, float repr).
//
// Install fills a fresh context's builtins; process-wide extensions to
// gpython's (global) type tables and VM are applied once. Compile must be
// used instead of py.Compile: it corrects the compiled code objects.
package pyrt

import (
	"fmt"
	"sort"
	"sync"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // registers py.Compile, NewContext and the builtin module

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

var globalOnce sync.Once

// Install prepares ctx: builtins replaced by the completed set. It is cheap
// after the first call in a process.
func Install(ctx py.Context) error {
	globalOnce.Do(installGlobal)
	b := ctx.Store().Builtins
	if b == nil {
		return fmt.Errorf("pyrt: context has no builtins module")
	}
	if orig, ok := b.Globals["__build_class__"]; ok {
		b.Globals["__build_class__"] = orderedBuildClass(orig)
	}
	for name, obj := range builtins(ctx) {
		b.Globals[name] = obj
	}
	b.Globals[stateKey] = &rtState{}
	// The builtin classes are process-global objects, the same in every
	// context: correcting them once, from the first context, is enough.
	metatypeOnce.Do(func() {
		for _, obj := range b.Globals {
			if t, ok := obj.(*py.Type); ok {
				fixMetatype(t)
			}
		}
	})
	return nil
}

var metatypeOnce sync.Once

// fixMetatype makes type(C) be type for a builtin class. gpython sets the
// metatype of classes made with Type.NewType to their base (type(ValueError)
// is Exception), so a class statement deriving from them called the base
// instead of type and built an exception object rather than a class.
func fixMetatype(t *py.Type) {
	if t.ObjectType != nil && t.ObjectType != py.TypeType && !t.ObjectType.IsSubtype(py.TypeType) {
		t.ObjectType = py.TypeType
	}
}

// ModuleFunc builds a module for a context.
type ModuleFunc func(ctx py.Context) (py.Object, error)

// moduleSet lists the modules pyrt provides; the standard library package
// plugs its modules in through registerStdlib.
func moduleSet() map[string]ModuleFunc {
	m := map[string]ModuleFunc{}
	for name, fn := range stdlibModules() {
		m[name] = fn
	}
	return m
}

// Import returns a fresh module object for name, or an ImportError.
func Import(ctx py.Context, name string) (py.Object, error) {
	globalOnce.Do(installGlobal)
	fn, ok := moduleSet()[name]
	if !ok {
		return nil, py.ExceptionNewf(py.ImportError, "No module named '%s'", name)
	}
	return fn(ctx)
}

// Modules lists the importable module names, sorted.
func Modules() []string {
	var names []string
	for n := range moduleSet() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Compile compiles a module with gpython and corrects the code objects
// (closures over parameters).
func Compile(src, filename string) (*py.Code, error) {
	globalOnce.Do(installGlobal)
	code, err := py.Compile(src, filename, py.ExecMode, 0, true)
	if err != nil {
		return nil, err
	}
	fixCode(code)
	if err := fixClosures(src, filename, code); err != nil {
		return nil, err
	}
	return code, nil
}

// NewDict, NewSet and friends are re-exported for callers that build
// Python values (the executor's trace values, for instance).
var (
	NewDict = pyobj.NewDict
	NewSet  = pyobj.NewSet
)

// Repr is CPython's repr() for any object.
func Repr(o py.Object) (string, error) { return pyobj.Repr(o) }

// Str is CPython's str() for any object.
func Str(o py.Object) (string, error) { return pyobj.Str(o) }
