// Package stdlib provides the Python standard-library modules that real
// LLM-written code imports, for the embedded gpython runtime, with CPython
// 3.11's output (checked by testdata/cases against CPython goldens).
//
// How modules reach a program: Modules returns one Constructor per module
// name, and Load builds a module (and, for a dotted name, its parents) into
// a context. A constructor builds a fresh *py.Module in the given context
// through ctx.ModuleInit, so the module is recorded in that context's
// module store and a second import finds it there; module state (random's
// generator, re's patterns' context) is never shared between contexts.
// Nothing is put in gpython's process-wide registry (py.RegisterModule):
// that registry is shared by every context and consulted by gpython's own
// import machinery, so these modules are reachable only through the
// runtime's import hook (pyrt.Import, behind its allowlist).
//
// Modules and how they are written:
//   - Go: math (libm for CPython's exact floats), random (CPython's
//     MT19937 and derivations, so seeded runs print the same numbers),
//     json's codec, re (Python syntax translated for regexp2, with a match
//     timeout), hashlib, string's constants, itertools.
//   - Python sources embedded from pysrc/ and compiled once per process
//     (the *py.Code is cached and shared read-only): operator, heapq,
//     bisect, functools, typing, copy, dataclasses, enum, abc, decimal.
//   - Both (a Go helper for exactness or speed, the rest in Python):
//     collections (_count_elements), statistics (exact rational sums,
//     correctly rounded stdev), fractions (float ratios), datetime (clock),
//     json (JSONEncoder/JSONDecoder classes over the Go codec), string
//     (Template).
//
// The Python sources are written for the language gpython compiles (3.4,
// no f-strings), build dicts by calling dict() at run time (so they get
// the runtime's any-key ordered dict), and do not rely on the runtime's
// corrections of gpython bugs, which it applies to the code it compiles:
// they avoid tuple + tuple of different lengths, decorators on functions
// with default arguments, and functions with both cell and free variables
// (the last checked by a test).
//
// Not provided: collections.abc (isinstance against it would need
// metaclass hooks the runtime lacks, and a wrong False is worse than an
// ImportError), decimal's NaN/Infinity and non-integer powers (they raise),
// and the OS-facing modules, which are the runtime's business.
package stdlib

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
)

// Constructor builds a fresh module object for one gpython context and
// records it in that context's module store.
type Constructor func(ctx py.Context) (*py.Module, error)

// goModule describes a module implemented in Go: its functions and globals.
// build is called once per context so that module state (for example the
// random module's generator) is never shared between contexts.
type goModule struct {
	name  string
	doc   string
	build func(ctx py.Context) (methods []*py.Method, globals py.StringDict, err error)
	// src, if set, is a Python source in pysrc/ that runs after the Go
	// globals are in place (for modules that are part Go, part Python).
	src string
}

//go:embed pysrc/*.py
var pysrcFS embed.FS

// Modules lists the modules this package provides, keyed by their import
// name. The map is new on each call; the constructors are safe to call from
// several goroutines for different contexts.
func Modules() map[string]Constructor {
	out := make(map[string]Constructor)
	for _, m := range goModules() {
		out[m.name] = m.constructor()
	}
	for name, file := range pyModules {
		out[name] = pyConstructor(name, file)
	}
	return out
}

// Load returns the module called name in ctx, constructing it (and, for a
// dotted name, its parents first) if this context has not loaded it yet. A
// loaded child is bound as an attribute of its parent, as CPython does. It
// does no allowlist check: the caller decides which names may be imported.
func Load(ctx py.Context, name string) (*py.Module, error) {
	if m, err := ctx.GetModule(name); err == nil {
		return m, nil
	}
	ctor, ok := Modules()[name]
	if !ok {
		return nil, py.ExceptionNewf(py.ImportError, "No module named '%s'", name)
	}
	var parent *py.Module
	if i := strings.LastIndex(name, "."); i >= 0 {
		p, err := Load(ctx, name[:i])
		if err != nil {
			return nil, err
		}
		parent = p
	}
	m, err := ctor(ctx)
	if err != nil {
		return nil, err
	}
	if parent != nil {
		parent.Globals[name[strings.LastIndex(name, ".")+1:]] = m
	}
	return m, nil
}

// Names returns the sorted module names Modules provides.
func Names() []string {
	var names []string
	for n := range Modules() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// pyModules maps module names to their Python source in pysrc/.
var pyModules = map[string]string{
	"operator":    "operator.py",
	"heapq":       "heapq.py",
	"bisect":      "bisect.py",
	"abc":         "abc.py",
	"functools":   "functools.py",
	"typing":      "typing.py",
	"copy":        "copy.py",
	"dataclasses": "dataclasses.py",
	"enum":        "enum.py",
	"contextlib":  "contextlib.py",
	"decimal":     "decimal.py",
}

func goModules() []*goModule {
	return []*goModule{
		mathModule(),
		stringModule(),
		hashlibModule(),
		randomModule(),
		jsonModule(),
		reModule(),
		itertoolsModule(),
		statisticsModule(),
		fractionsModule(),
		datetimeModule(),
		collectionsModule(),
		secretsModule(),
	}
}

func (m *goModule) constructor() Constructor {
	return func(ctx py.Context) (*py.Module, error) {
		methods, globals, err := m.build(ctx)
		if err != nil {
			return nil, fmt.Errorf("build module %s: %w", m.name, err)
		}
		if globals == nil {
			globals = py.StringDict{}
		}
		impl := &py.ModuleImpl{
			Info:    py.ModuleInfo{Name: m.name, Doc: m.doc},
			Methods: methods,
			Globals: globals,
		}
		if m.src != "" {
			code, err := compiled(m.src)
			if err != nil {
				return nil, err
			}
			impl.Code = code
		}
		return ctx.ModuleInit(impl)
	}
}

func pyConstructor(name, file string) Constructor {
	return func(ctx py.Context) (*py.Module, error) {
		code, err := compiled(file)
		if err != nil {
			return nil, err
		}
		impl := &py.ModuleImpl{
			Info:    py.ModuleInfo{Name: name, FileDesc: "<stdlib " + file + ">"},
			Globals: py.StringDict{},
			Code:    code,
		}
		return ctx.ModuleInit(impl)
	}
}

// codeCache holds the compiled embedded sources: compiling is done once per
// process, and the code objects are never mutated after FixCells.
var codeCache struct {
	sync.Mutex
	code map[string]*py.Code
}

func compiled(file string) (*py.Code, error) {
	codeCache.Lock()
	defer codeCache.Unlock()
	if c, ok := codeCache.code[file]; ok {
		return c, nil
	}
	src, err := pysrcFS.ReadFile("pysrc/" + file)
	if err != nil {
		return nil, fmt.Errorf("read embedded %s: %w", file, err)
	}
	code, err := py.Compile(string(src), "<stdlib "+file+">", py.ExecMode, 0, true)
	if err != nil {
		return nil, fmt.Errorf("compile embedded %s: %w", file, err)
	}
	FixCells(code)
	if codeCache.code == nil {
		codeCache.code = make(map[string]*py.Code)
	}
	codeCache.code[file] = code
	return code, nil
}

// FixCells fills Code.Cell2arg for code and every code object nested in its
// constants. gpython's compiler leaves it nil, so a closure over a function
// parameter sees an empty cell instead of the argument's value.
func FixCells(code *py.Code) {
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok {
			FixCells(sub)
		}
	}
	if len(code.Cellvars) == 0 || code.Cell2arg != nil {
		return
	}
	total := int(code.Argcount + code.Kwonlyargcount)
	if code.Flags&py.CO_VARARGS != 0 {
		total++
	}
	if code.Flags&py.CO_VARKEYWORDS != 0 {
		total++
	}
	c2a := make([]byte, len(code.Cellvars))
	used := false
	for i, cell := range code.Cellvars {
		c2a[i] = py.CO_CELL_NOT_AN_ARG
		for j := 0; j < total && j < len(code.Varnames); j++ {
			if code.Varnames[j] == cell {
				c2a[i] = byte(j)
				used = true
				break
			}
		}
	}
	if used {
		code.Cell2arg = c2a
	}
}
