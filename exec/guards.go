package exec

// guards.go replaces the dangerous parts of a fresh gpython context: the
// builtins table, the import machinery, the standard streams and attribute
// access by name. Every guard that denies something records a violation
// and halts the run; nothing here ever touches the real file system.

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/go-python/gpython/py"
	"golang.org/x/text/unicode/norm"

	"github.com/stelp-dev/stelp/exec/guard"
	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// attrAllowed decides one attribute access at run time.
func attrAllowed(obj py.Object, name string, load bool) bool {
	switch guard.Attr(name) {
	case guard.AttrDeny:
		return false
	case guard.AttrInstanceOnly:
		// An object's own attribute dict is harmless to read, except a
		// module's (its globals) or a built-in type's (shared method
		// tables); nobody may replace one.
		if !load {
			return false
		}
		switch o := obj.(type) {
		case *py.Module, *py.Code, *py.Frame, *py.Traceback:
			return false
		case *py.Type:
			if o.Type() == py.TypeType || o.Type() == nil {
				return o.Flags&py.TPFLAGS_HEAPTYPE != 0
			}
		}
	case guard.AttrClassOnly:
		_, isClass := obj.(*py.Type)
		return load && isClass
	}
	return true
}

func newMethod(name string, fn func(args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
	return py.MustNewMethod(name, func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(args, kwargs)
	}, 0, "")
}

// install prepares the fresh context of this session for running code.
func (s *session) install(code *py.Code) error {
	in := s.in
	if in.ext.Install != nil {
		if err := in.ext.Install(s.ctx); err != nil {
			return fmt.Errorf("runtime extensions: %w", err)
		}
	}
	in.guardFormat()
	b := s.ctx.Store().Builtins.Globals
	// The guards check, then delegate to the attribute builtins the
	// runtime extensions installed (or gpython's).
	s.prevAttr = map[string]py.Object{}
	for _, name := range []string{"getattr", "hasattr", "setattr", "delattr"} {
		s.prevAttr[name] = b[name]
	}

	for _, name := range deniedBuiltins {
		name := name
		b[name] = newMethod(name, func(py.Tuple, py.StringDict) (py.Object, error) {
			s.checkStopped()
			return nil, s.deny("builtin", fmt.Sprintf("%s() is not allowed in the sandbox", name))
		})
	}
	if s.vfs != nil {
		b["open"] = newMethod("open", s.vfsOpen)
	}
	b["__import__"] = newMethod("__import__", s.importHook)
	b["input"] = newMethod("input", s.input)
	b["getattr"] = newMethod("getattr", s.attrBuiltin("getattr", 2, 3, false))
	b["hasattr"] = newMethod("hasattr", s.hasattr)
	b["vars"] = newMethod("vars", s.vars)
	b["setattr"] = newMethod("setattr", s.attrBuiltin("setattr", 3, 3, true))
	b["delattr"] = newMethod("delattr", s.attrBuiltin("delattr", 2, 2, true))

	// Lowered walrus and match targets at module and class level bind
	// through the caller's namespace. __stelp_globals__ gives the program
	// its own module namespace behind a proxy that refuses hook names;
	// __stelp_locals__ (class bodies) is the VM's frame-locals lookup.
	s.hooks = map[string]py.Object{
		"__stelp_tick__":    newMethod("__stelp_tick__", s.tick),
		"__stelp_enter__":   newMethod("__stelp_enter__", s.enter),
		"__stelp_iter__":    newMethod("__stelp_iter__", s.iterWrap),
		"__stelp_attr__":    newMethod("__stelp_attr__", s.attrGuard),
		"__stelp_line__":    newMethod("__stelp_line__", s.lineMark),
		"__stelp_trace__":   newMethod("__stelp_trace__", s.traceValue),
		"__stelp_globals__": newMethod("__stelp_globals__", s.globalsProxy),
		"__stelp_locals__":  py.MustNewMethod("__stelp_locals__", py.InternalMethodLocals, 0, ""),
	}
	for k, v := range s.hooks {
		b[k] = v
	}

	// The streams print() and tracebacks write to are ours; the real
	// sys module stays unreachable from user code.
	sys, err := s.ctx.GetModule("sys")
	if err != nil {
		return fmt.Errorf("sys module: %w", err)
	}
	out := &stream{s: s, name: "stdout"}
	errs := &stream{s: s, name: "stderr"}
	for k, v := range map[string]py.Object{"stdout": out, "stderr": errs, "__stdout__": out, "__stderr__": errs, "stdin": py.None, "__stdin__": py.None} {
		sys.Globals[k] = v
	}
	sys.Globals["path"] = py.NewList()
	sys.Globals["modules"] = py.NewStringDict()

	if !needsPrelude(code, b) {
		return nil
	}
	prelude, err := in.preludeCode()
	if err != nil {
		return err
	}
	if prelude != nil {
		mod, err := py.RunCode(s.ctx, prelude, "<prelude>", "__stelp_prelude__")
		if err != nil {
			return fmt.Errorf("run prelude: %w", err)
		}
		s.trust(mod)
		for k, v := range mod.Globals {
			if strings.HasPrefix(k, "__stelp_") {
				b[k] = v
			}
		}
	}
	return nil
}

// needsPrelude reports whether code (or a function in it) names a
// __stelp_*__ helper that builtins b lacks: only the prelude can define
// it. Lowered code uses the prelude's helpers; most programs need no
// lowering, and a program has no way to reach a builtin it does not name.
func needsPrelude(code *py.Code, b py.StringDict) bool {
	for _, n := range code.Names {
		if strings.HasPrefix(n, "__stelp_") && b[n] == nil {
			return true
		}
	}
	for _, c := range code.Consts {
		if sub, ok := c.(*py.Code); ok && needsPrelude(sub, b) {
			return true
		}
	}
	return false
}

// importHook is __import__: only allowlisted modules, only from memory.
func (s *session) importHook(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() missing required argument 'name'")
	}
	nameObj, ok := args[0].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() argument 1 must be str")
	}
	name := norm.NFKC.String(string(nameObj))
	level := 0
	if len(args) >= 5 {
		if l, ok := args[4].(py.Int); ok {
			level = int(l)
		}
	}
	if l, ok := kwargs["level"].(py.Int); ok {
		level = int(l)
	}
	var fromlist py.Object = py.None
	if len(args) >= 4 {
		fromlist = args[3]
	}
	if f, ok := kwargs["fromlist"]; ok {
		fromlist = f
	}
	if level != 0 {
		return nil, s.deny("import", fmt.Sprintf("relative import of %q is not allowed", name))
	}
	top := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		top = name[:i]
	}
	// A runtime module importing its own dependencies (collections needs
	// operator) is not the program's import: the allowlist is for the
	// program. The importer is known by its globals dict, which user code
	// cannot get hold of for a runtime module.
	// While a runtime module initialises, only its own code runs.
	trusted := s.loading > 0 || (len(args) >= 2 && s.trustedGlobals[dictID(args[1])])
	if neverModules[top] || (!trusted && !s.moduleAllowed(name)) {
		return nil, s.deny("import", fmt.Sprintf("import of module %q is not allowed by the policy", name))
	}
	mod, err := s.loadModule(name)
	if err != nil {
		return nil, err
	}
	if name != top && !truthy(fromlist) {
		return s.loadModule(top)
	}
	return mod, nil
}

// trust records a runtime module's globals as a trusted importer.
func (s *session) trust(mod py.Object) {
	if m, ok := mod.(*py.Module); ok {
		s.trustedGlobals[dictID(m.Globals)] = true
	}
}

// dictID is the identity of a globals dict (Python's `is`).
func dictID(o py.Object) uintptr {
	if d, ok := o.(py.StringDict); ok && d != nil {
		return reflect.ValueOf(d).Pointer()
	}
	return 0
}

func truthy(o py.Object) bool {
	if o == nil || o == py.None {
		return false
	}
	b, err := py.MakeBool(o)
	return err == nil && b == py.True
}

func (s *session) moduleAllowed(name string) bool {
	top := name
	if i := strings.IndexByte(name, '.'); i >= 0 {
		top = name[:i]
	}
	for _, m := range s.req.ModulesAllow {
		if m == top || m == name {
			return true
		}
	}
	return false
}

// loadModule finds an allowed module in the runtime extensions or among
// gpython's harmless embedded modules; never on disk.
func (s *session) loadModule(name string) (py.Object, error) {
	if s.in.ext.Import != nil {
		s.loading++
		mod, err := s.in.ext.Import(s.ctx, name)
		s.loading--
		if err == nil && mod != nil {
			s.trust(mod)
			return mod, nil
		}
		if err != nil && !py.IsException(py.ImportError, err) {
			return nil, err // the module exists but failed to initialise
		}
	}
	if gpythonSafeModules[name] {
		mod, err := py.ImportModuleLevelObject(s.ctx, name, nil, nil, nil, 0)
		if err == nil {
			s.trust(mod)
		}
		return mod, err
	}
	return nil, py.ExceptionNewf(py.ImportError, "No module named '%s' (not available in the stelp sandbox)", name)
}

// input reads a line of the request's stdin.
func (s *session) input(args py.Tuple, _ py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) > 0 {
		str, err := py.Str(args[0])
		if err != nil {
			return nil, err
		}
		s.write("stdout", string(str.(py.String)))
	}
	s.step(1)
	if s.stdinPos >= len(s.stdin) {
		return nil, py.ExceptionNewf(py.EOFError, "EOF when reading a line")
	}
	rest := s.stdin[s.stdinPos:]
	line := rest
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		line = rest[:i]
		s.stdinPos += i + 1
	} else {
		s.stdinPos = len(s.stdin)
	}
	return py.String(strings.TrimSuffix(line, "\r")), nil
}

func attrArgs(fn string, args py.Tuple, min, max int) (py.Object, string, error) {
	if len(args) < min || len(args) > max {
		return nil, "", py.ExceptionNewf(py.TypeError, "%s expected %d arguments, got %d", fn, min, len(args))
	}
	name, ok := args[1].(py.String)
	if !ok {
		return nil, "", py.ExceptionNewf(py.TypeError, "%s(): attribute name must be string", fn)
	}
	return args[0], string(name), nil
}

func (s *session) attrDenied(obj py.Object, name string, load bool) error {
	if attrAllowed(obj, name, load) {
		return nil
	}
	return s.deny("attribute", fmt.Sprintf("access to attribute %q is not allowed in the sandbox", name))
}

// attrBuiltin makes a guarded getattr/setattr/delattr: check the name
// (and, for writes, that the object is not a built-in type), then
// delegate to the builtin it replaces.
func (s *session) attrBuiltin(fn string, min, max int, write bool) func(py.Tuple, py.StringDict) (py.Object, error) {
	return func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s.checkStopped()
		obj, name, err := attrArgs(fn, args, min, max)
		if err != nil {
			return nil, err
		}
		if err := s.attrDenied(obj, name, !write); err != nil {
			return nil, err
		}
		if write {
			if err := s.typeWrite(obj); err != nil {
				return nil, err
			}
		}
		return py.Call(s.prevAttr[fn], args, kwargs)
	}
}

// hasattr only answers yes or no, which leaks nothing, so it denies
// nothing; trusted library code asks hasattr(x, '__dict__').
func (s *session) hasattr(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s.checkStopped()
	if _, _, err := attrArgs("hasattr", args, 2, 2); err != nil {
		return nil, err
	}
	return py.Call(s.prevAttr["hasattr"], args, kwargs)
}

// vars(obj) is obj.__dict__ for instances and classes of the program.
// vars() without an argument is locals(), and a module's, function's or
// built-in type's dict is a namespace or a shared method table: those are
// denied. Other objects have no __dict__, as in CPython.
func (s *session) vars(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, s.deny("builtin", "vars() without an object reads the local namespace, which is not allowed in the sandbox")
	}
	switch x := args[0].(type) {
	case *pyobj.Instance:
	case *py.Type:
		if x.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return nil, s.deny("builtin", fmt.Sprintf("vars() of the built-in type %q is not allowed in the sandbox", x.Name))
		}
	case *py.Module, *py.Function, *py.Code, *py.Frame, *py.Traceback:
		return nil, s.deny("builtin", fmt.Sprintf("vars() of a %s is not allowed in the sandbox", x.Type().Name))
	default:
		return nil, py.ExceptionNewf(py.TypeError, "vars() argument must have __dict__ attribute")
	}
	return py.Call(s.prevAttr["getattr"], py.Tuple{args[0], py.String("__dict__")}, nil)
}

// typeWrite refuses changes to built-in types, whose method tables are
// shared by every run in the worker.
func (s *session) typeWrite(obj py.Object) error {
	if t, ok := obj.(*py.Type); ok && t.Flags&py.TPFLAGS_HEAPTYPE == 0 {
		return s.deny("attribute", fmt.Sprintf("changing built-in type %q is not allowed", t.Name))
	}
	return nil
}

// attrGuard is what the transpiler routes guarded attribute accesses to:
// __stelp_attr__(obj, name[, store]).
func (s *session) attrGuard(args py.Tuple, _ py.StringDict) (py.Object, error) {
	s.checkStopped()
	if len(args) < 2 {
		return nil, py.ExceptionNewf(py.TypeError, "__stelp_attr__ needs 2 arguments")
	}
	name, ok := args[1].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "__stelp_attr__: name must be str")
	}
	load := len(args) < 3
	if err := s.attrDenied(args[0], string(name), load); err != nil {
		return nil, err
	}
	return py.Call(s.prevAttr["getattr"], args[:2], nil)
}

// globalsProxy is __stelp_globals__(): the program's module namespace.
func (s *session) globalsProxy(py.Tuple, py.StringDict) (py.Object, error) {
	s.checkStopped()
	if s.mainGlobals == nil {
		return nil, py.ExceptionNewf(py.RuntimeError, "__stelp_globals__: no module namespace")
	}
	return &nsProxy{s: s, ns: s.mainGlobals}, nil
}

// nsProxy is a namespace dict as a mapping that refuses the hook names.
type nsProxy struct {
	s  *session
	ns py.StringDict
}

var nsProxyType = py.NewType("namespace", "a module namespace")

func (p *nsProxy) Type() *py.Type { return nsProxyType }

func (p *nsProxy) key(k py.Object) (string, error) {
	str, ok := k.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "namespace keys must be str")
	}
	return string(str), nil
}

func (p *nsProxy) M__getitem__(k py.Object) (py.Object, error) {
	name, err := p.key(k)
	if err != nil {
		return nil, err
	}
	v, ok := p.ns[name]
	if !ok {
		return nil, py.ExceptionNewf(py.KeyError, "%s", name)
	}
	return v, nil
}

func (p *nsProxy) M__setitem__(k, v py.Object) (py.Object, error) {
	name, err := p.key(k)
	if err != nil {
		return nil, err
	}
	if abiNames[name] {
		return nil, p.s.deny("builtin", fmt.Sprintf("binding %q (a stelp runtime hook) is not allowed", name))
	}
	p.ns[name] = v
	return py.None, nil
}

func (p *nsProxy) M__delitem__(k py.Object) (py.Object, error) {
	name, err := p.key(k)
	if err != nil {
		return nil, err
	}
	delete(p.ns, name)
	return py.None, nil
}

func (p *nsProxy) M__contains__(k py.Object) (py.Object, error) {
	name, err := p.key(k)
	if err != nil {
		return py.False, nil
	}
	_, ok := p.ns[name]
	return py.NewBool(ok), nil
}

func (p *nsProxy) M__len__() (py.Object, error) { return py.Int(len(p.ns)), nil }

func (p *nsProxy) M__iter__() (py.Object, error) {
	keys := sortedKeys(p.ns)
	items := make([]py.Object, len(keys))
	for i, k := range keys {
		items[i] = py.String(k)
	}
	return py.NewIterator(py.Tuple(items)), nil
}

// stream is the sys.stdout/sys.stderr of a run: bounded, in memory.
type stream struct {
	s    *session
	name string
}

var streamType = py.NewType("stelp_stream", "sandboxed output stream")

func (o *stream) Type() *py.Type { return streamType }

func (o *stream) M__getattribute__(name string) (py.Object, error) {
	switch name {
	case "write":
		return newMethod("write", func(args py.Tuple, _ py.StringDict) (py.Object, error) {
			if len(args) != 1 {
				return nil, py.ExceptionNewf(py.TypeError, "write() takes exactly one argument")
			}
			str, ok := args[0].(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "write() argument must be str, not %s", args[0].Type().Name)
			}
			o.s.write(o.name, string(str))
			return py.Int(len(str)), nil
		}), nil
	case "flush":
		return newMethod("flush", func(py.Tuple, py.StringDict) (py.Object, error) { return py.None, nil }), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'stream' object has no attribute '%s'", name)
}

// write appends program output, enforcing the output cap.
func (s *session) write(stream, text string) {
	s.checkStopped()
	n := int64(len(text))
	if s.outUsed+n > s.lim.outBytes {
		room := s.lim.outBytes - s.outUsed
		if room > 0 {
			s.appendOut(stream, text[:room])
			s.outUsed += room
		}
		s.limitStop("output", fmt.Sprintf("output exceeded %d KiB", s.lim.outBytes/1024))
	}
	s.outUsed += n
	s.appendOut(stream, text)
}

func (s *session) appendOut(stream, text string) {
	if stream == "stderr" {
		s.stderr.WriteString(text)
	} else {
		s.stdout.WriteString(text)
	}
}
