package pyrt

import (
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// installGlobal extends gpython's process-global tables. It runs once.
func installGlobal() {
	patchVM()
	hookClassCreation()
	installObjectSlots()
	installExceptionSlots()
	installTypeMethods()
	// CPython's name for builtin functions (type(print).__name__).
	py.MethodType.Name = "builtin_function_or_method"
	py.BoundMethodType.Name = "method"
}

// hookClassCreation wraps type.__new__ so that every class created by a
// class statement or type(name, bases, dict) builds the right kind of
// instance: *pyobj.Instance for plain classes (so dunders work),
// *py.Exception for exception classes (so raise/except work), *pyobj.Dict
// or *pyobj.Set for subclasses of those.
func hookClassCreation() {
	origInit := py.TypeType.Init
	py.TypeType.Init = func(cls py.Object, args py.Tuple, kwargs py.StringDict) error {
		if len(args) == 3 {
			kwargs = nil // class keywords went to __init_subclass__
		}
		return origInit(cls, args, kwargs)
	}
	orig := py.TypeType.New
	py.TypeType.New = func(meta *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			if _, ok := args[0].(*py.BigInt); ok {
				return py.IntType, nil
			}
			return args[0].Type(), nil
		}
		if len(args) == 3 {
			args = append(py.Tuple(nil), args...)
			if d, ok := args[2].(*pyobj.Dict); ok {
				sd := py.NewStringDict()
				var err error
				d.Range(func(k, v py.Object) bool {
					ks, ok := k.(py.String)
					if !ok {
						err = py.ExceptionNewf(py.TypeError, "type() dict keys must be str")
						return false
					}
					sd[string(ks)] = v
					return true
				})
				if err != nil {
					return nil, err
				}
				args[2] = sd
			}
			if sd, ok := args[2].(py.StringDict); ok {
				_, hasModule := sd["__module__"]
				_, hasSlots := sd["__slots__"]
				if !hasModule || hasSlots {
					sd = sd.Copy()
					if !hasModule {
						sd["__module__"] = py.String("__main__")
					}
					// gpython refuses __slots__; instances keep a dict
					// instead, which only differs for code that relies on
					// AttributeError for undeclared attributes.
					delete(sd, "__slots__")
					args[2] = sd
				}
			}
			if b, ok := args[1].(py.Tuple); ok {
				for _, base := range b {
					if bt, ok := base.(*py.Type); ok {
						if err := checkBase(bt); err != nil {
							return nil, err
						}
					}
				}
			}
		}
		classKw := kwargs
		var bodyNames py.Object
		if names, ok := classKw[pyobj.ClassOrderKey]; ok {
			bodyNames = names
			classKw = classKw.Copy()
			delete(classKw, pyobj.ClassOrderKey)
		}
		if len(args) == 3 {
			kwargs = nil // class keywords go to __init_subclass__, not type()
		}
		obj, err := orig(meta, args, kwargs)
		if err != nil {
			return nil, err
		}
		if t, ok := obj.(*py.Type); ok && len(args) == 3 {
			setupClass(t)
			if bodyNames != nil {
				t.Dict[pyobj.ClassOrderKey] = definitionOrder(t, bodyNames)
			}
			if err := initSubclass(t, classKw); err != nil {
				return nil, err
			}
		}
		return obj, nil
	}
}

// checkBase refuses builtin bases whose instances gpython cannot subclass,
// rather than building objects that silently misbehave.
func checkBase(t *py.Type) error {
	for _, b := range t.Mro {
		bt := b.(*py.Type)
		if bt.Flags&py.TPFLAGS_HEAPTYPE != 0 {
			continue
		}
		switch bt {
		case py.ObjectType, pyobj.DictType, pyobj.SetType:
			return nil
		}
		if bt.IsSubtype(py.BaseException) {
			return nil
		}
		return py.ExceptionNewf(py.NotImplementedError, "subclassing the builtin type '%s' is not supported by this runtime", bt.Name)
	}
	return nil
}

// solidBase is the first builtin class in t's MRO.
func solidBase(t *py.Type) *py.Type {
	for _, b := range t.Mro {
		bt := b.(*py.Type)
		if bt.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return bt
		}
	}
	return py.ObjectType
}

func setupClass(t *py.Type) {
	base := solidBase(t)
	switch {
	case base.IsSubtype(py.BaseException):
		t.New, t.Init = excNew, excInit
	case base == pyobj.DictType:
		t.New, t.Init = pyobj.DictType.New, pyobj.DictType.Init
	case base == pyobj.SetType:
		t.New, t.Init = pyobj.SetType.New, pyobj.SetType.Init
	default:
		t.New, t.Init = instanceNew, instanceInit
	}
	// A __new__ in a class body is implicitly a staticmethod.
	if f, ok := t.Dict["__new__"].(*py.Function); ok {
		t.Dict["__new__"] = &py.StaticMethod{Callable: f}
	}
	if f, ok := t.Dict["__init_subclass__"].(*py.Function); ok {
		t.Dict["__init_subclass__"] = &py.ClassMethod{Callable: f}
	}
	if f, ok := t.Dict["__class_getitem__"].(*py.Function); ok {
		t.Dict["__class_getitem__"] = &py.ClassMethod{Callable: f}
	}
}

// orderedBuildClass wraps __build_class__ to pass the class body's names,
// in first-use order, to class creation (hookClassCreation), which keeps
// those the class defines as pyobj.ClassOrderKey before __init_subclass__ runs.
func orderedBuildClass(orig py.Object) py.Object {
	return fn("__build_class__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if meta, ok := kwargs["metaclass"]; ok {
			var err error
			if args, err = applyMetaclass(meta, args); err != nil {
				return nil, err
			}
			kwargs = kwargs.Copy()
			delete(kwargs, "metaclass")
		}
		if len(args) > 0 {
			if body, ok := args[0].(*py.Function); ok && body.Code != nil {
				names := make(py.Tuple, 0, len(body.Code.Names))
				for _, name := range body.Code.Names {
					names = append(names, py.String(name))
				}
				kwargs = kwargs.Copy()
				kwargs[pyobj.ClassOrderKey] = names
			}
		}
		return py.Call(orig, args, kwargs)
	})
}

// MetaclassBaseKey names, on a runtime stand-in for a metaclass (abc's
// ABCMeta), the base class that gives a class what the metaclass would.
const MetaclassBaseKey = "__stelp_as_base__"

// applyMetaclass handles `metaclass=` in a class statement: this runtime
// has no metaclasses, and gpython would silently ignore the keyword. type
// itself changes nothing; a runtime stand-in adds its base class; anything
// else is refused rather than run without the behaviour it asks for.
func applyMetaclass(meta py.Object, args py.Tuple) (py.Tuple, error) {
	if meta == py.Object(py.TypeType) || len(args) < 2 {
		return args, nil
	}
	var base *py.Type
	name := meta.Type().Name
	if t, ok := meta.(*py.Type); ok {
		name = t.Name
		base, _ = t.Dict[MetaclassBaseKey].(*py.Type)
	}
	if base == nil {
		return nil, py.ExceptionNewf(py.NotImplementedError, "metaclass=%s is not supported by this runtime (it has no metaclasses)", name)
	}
	for _, b := range args[2:] {
		if bt, ok := b.(*py.Type); ok && bt.IsSubtype(base) {
			return args, nil
		}
	}
	return append(append(py.Tuple(nil), args...), base), nil
}

// definitionOrder keeps the names of bodyNames that t defines, skipping
// dunders, in order.
func definitionOrder(t *py.Type, bodyNames py.Object) py.Tuple {
	names, _ := bodyNames.(py.Tuple)
	order := py.Tuple{}
	for _, n := range names {
		name, ok := n.(py.String)
		if !ok || strings.HasPrefix(string(name), "__") && strings.HasSuffix(string(name), "__") {
			continue
		}
		if _, defined := t.Dict[string(name)]; defined {
			order = append(order, name)
		}
	}
	return order
}

// initSubclass calls the nearest base's __init_subclass__ with the new
// class and the class keywords, as CPython's type.__new__ does.
func initSubclass(t *py.Type, kwargs py.StringDict) error {
	if len(kwargs) > 0 {
		if _, ok := kwargs["metaclass"]; ok {
			kwargs = kwargs.Copy()
			delete(kwargs, "metaclass")
		}
	}
	for _, b := range t.Mro[1:] {
		if cm, ok := b.(*py.Type).Dict["__init_subclass__"].(*py.ClassMethod); ok {
			_, err := py.Call(cm.Callable, py.Tuple{t}, kwargs)
			return err
		}
	}
	return noClassKeywords(t, kwargs)
}

// userNew returns a __new__ defined by a user class in t's MRO.
func userNew(t *py.Type) py.Object {
	for _, b := range t.Mro {
		bt := b.(*py.Type)
		if bt.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return nil
		}
		if fn, ok := bt.Dict["__new__"]; ok {
			if s, ok := fn.(*py.StaticMethod); ok {
				return s.Callable
			}
			return fn
		}
	}
	return nil
}

// userInit returns the __init__ the class would run, or nil for object's.
func userInit(t *py.Type) py.Object {
	fn := t.Lookup("__init__")
	if fn == nil || fn == objectInit {
		return nil
	}
	return fn
}

func instanceNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if fn := userNew(t); fn != nil {
		return py.Call(fn, append(py.Tuple{t}, args...), kwargs)
	}
	if (len(args) > 0 || len(kwargs) > 0) && userInit(t) == nil {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes no arguments", t.Name)
	}
	return pyobj.NewInstance(t), nil
}

func instanceInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	fn := userInit(self.Type())
	if fn == nil {
		return nil
	}
	r, err := pyobj.CallBound(fn, self, args...)
	if len(kwargs) > 0 {
		b, berr := pyobj.Bind(fn, self, self.Type())
		if berr != nil {
			return berr
		}
		r, err = py.Call(b, args, kwargs)
	}
	if err != nil {
		return err
	}
	if r != py.None {
		return py.ExceptionNewf(py.TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return nil
}

func excNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if fn := userNew(t); fn != nil {
		return py.Call(fn, append(py.Tuple{t}, args...), kwargs)
	}
	return &py.Exception{Base: t, Args: append(py.Tuple(nil), args...), Dict: py.NewStringDict()}, nil
}

func excInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	fn := self.Type().Lookup("__init__")
	if fn == nil || fn == baseExceptionInit {
		if e, ok := self.(*py.Exception); ok {
			e.Args = append(py.Tuple(nil), args...)
		}
		return nil
	}
	b, err := pyobj.Bind(fn, self, self.Type())
	if err != nil {
		return err
	}
	r, err := py.Call(b, args, kwargs)
	if err != nil {
		return err
	}
	if r != py.None {
		return py.ExceptionNewf(py.TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return nil
}

var objectInit, baseExceptionInit *py.Method

// installObjectSlots gives object the methods that super().__init__(),
// object.__setattr__(self, ...) and friends call explicitly.
func installObjectSlots() {
	objectInit = pyobj.Method("__init__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, nil
	})
	slots := []*py.Method{
		objectInit,
		py.MustNewMethod("__new__", pyobj.Guard("__new__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if len(args) == 0 {
				return nil, py.ExceptionNewf(py.TypeError, "object.__new__(): not enough arguments")
			}
			t, ok := args[0].(*py.Type)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
			}
			switch solidBase(t) {
			case py.ObjectType:
				return pyobj.NewInstance(t), nil
			}
			return t.New(t, nil, nil)
		}), py.METH_STATIC, ""),
		pyobj.Method("__eq__", func(self, other py.Object) (py.Object, error) {
			if pyobj.Same(self, other) {
				return py.True, nil
			}
			return py.NotImplemented, nil
		}),
		pyobj.Method("__ne__", func(self, other py.Object) (py.Object, error) {
			r, err := py.Eq(self, other)
			if err != nil || r == py.NotImplemented {
				return r, err
			}
			t, err := pyobj.Truthy(r)
			return py.NewBool(!t), err
		}),
		pyobj.Method("__hash__", func(self py.Object) (py.Object, error) {
			return py.Int(pyobj.Id(self) >> 4), nil
		}),
		pyobj.Method("__repr__", func(self py.Object) (py.Object, error) {
			return py.String(pyobj.DefaultRepr(self)), nil
		}),
		pyobj.Method("__str__", func(self py.Object) (py.Object, error) {
			s, err := pyobj.Repr(self)
			return py.String(s), err
		}),
		pyobj.Method("__format__", func(self, spec py.Object) (py.Object, error) {
			if s, ok := spec.(py.String); ok && s != "" {
				return nil, py.ExceptionNewf(py.TypeError, "unsupported format string passed to %s.__format__", self.Type().Name)
			}
			s, err := pyobj.Str(self)
			return py.String(s), err
		}),
		pyobj.Method("__setattr__", func(self py.Object, args py.Tuple) (py.Object, error) {
			if err := pyobj.ArgCount("__setattr__", args, 2, 2); err != nil {
				return nil, err
			}
			name, err := py.AttributeName(args[0])
			if err != nil {
				return nil, err
			}
			return py.None, pyobj.GenericSetAttr(self, name, args[1])
		}),
		pyobj.Method("__getattribute__", func(self, name py.Object) (py.Object, error) {
			n, err := py.AttributeName(name)
			if err != nil {
				return nil, err
			}
			if inst, ok := self.(*pyobj.Instance); ok {
				return inst.GenericGetAttr(n)
			}
			return pyobj.GetAttr(self, n)
		}),
		pyobj.Method("__delattr__", func(self, name py.Object) (py.Object, error) {
			n, err := py.AttributeName(name)
			if err != nil {
				return nil, err
			}
			if inst, ok := self.(*pyobj.Instance); ok {
				return py.None, inst.GenericDelAttr(n)
			}
			return py.None, pyobj.DelAttr(self, n)
		}),
	}
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		slots = append(slots, pyobj.Method(op, func(self, other py.Object) (py.Object, error) {
			return py.NotImplemented, nil
		}))
	}
	for _, m := range slots {
		py.ObjectType.Dict[m.Name] = m
		pyobj.ObjectSlots[m.Name] = m
	}
	// object.__init_subclass__ does nothing but refuse class keywords; it
	// is what super().__init_subclass__(**kw) reaches last.
	py.ObjectType.Dict["__init_subclass__"] = pyobj.ClassMethod("__init_subclass__", func(cls py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "object.__init_subclass__() takes no arguments (%d given)", len(args))
		}
		return py.None, noClassKeywords(cls, kwargs)
	})
}

// noClassKeywords is object.__init_subclass__'s refusal of class keywords
// that no base consumed.
func noClassKeywords(cls py.Object, kwargs py.StringDict) error {
	if len(kwargs) == 0 {
		return nil
	}
	name := "object"
	if t, ok := cls.(*py.Type); ok {
		name = t.Name
	}
	return py.ExceptionNewf(py.TypeError, "%s.__init_subclass__() takes no keyword arguments", name)
}

func installExceptionSlots() {
	baseExceptionInit = pyobj.Method("__init__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if e, ok := self.(*py.Exception); ok {
			e.Args = append(py.Tuple(nil), args...)
		}
		return py.None, nil
	})
	py.BaseException.Dict["__init__"] = baseExceptionInit
	py.BaseException.Dict["with_traceback"] = pyobj.Method("with_traceback", func(self, tb py.Object) (py.Object, error) {
		return self, nil
	})
	py.BaseException.Dict["__str__"] = pyobj.Method("__str__", func(self py.Object) (py.Object, error) {
		e, ok := self.(*py.Exception)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '__str__' requires a 'BaseException' object")
		}
		args := pyobj.ExcArgs(e)
		switch len(args) {
		case 0:
			return py.String(""), nil
		case 1:
			s, err := pyobj.Str(args[0])
			return py.String(s), err
		}
		s, err := pyobj.Repr(args)
		return py.String(s), err
	})
	py.BaseException.Dict["__repr__"] = pyobj.Method("__repr__", func(self py.Object) (py.Object, error) {
		e, ok := self.(*py.Exception)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '__repr__' requires a 'BaseException' object")
		}
		args := pyobj.ExcArgs(e)
		var s string
		var err error
		if len(args) == 1 {
			s, err = pyobj.Repr(args[0])
			s = e.Base.Name + "(" + s + ")"
		} else {
			s, err = pyobj.Repr(args)
			s = e.Base.Name + s
		}
		return py.String(s), err
	})
	// Builtin exception classes build *py.Exception through ExceptionNew;
	// give their subclasses in the runtime the same path.
	py.BaseException.New = excNew
	py.BaseException.Init = excInit
}
