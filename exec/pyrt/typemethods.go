package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

func installTypeMethods() {
	installIteratorTypes()
	installSuperProperty()
	installStrMethods()
	installListMethods()
	installTupleMethods()
	installBytesMethods()
	installByteArray() // after the bytes methods, which it reuses
	installConstructors()
	installNumberMethods()
	installCallableAttrs()
}

// installFunctionDoc gives functions a readable and writable __doc__
// (functools.wraps copies it); gpython keeps the docstring but exposes
// no attribute for it.
func installCallableAttrs() {
	py.FunctionType.Dict["__doc__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if doc := self.(*py.Function).Doc; doc != nil {
				return doc, nil
			}
			return py.None, nil
		},
		Fset: func(self, value py.Object) error {
			self.(*py.Function).Doc = value
			return nil
		},
	}
	py.MethodType.Dict["__name__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) { return py.String(self.(*py.Method).Name), nil },
	}
	py.MethodType.Dict["__qualname__"] = py.MethodType.Dict["__name__"]
	py.MethodType.Dict["__doc__"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if doc := self.(*py.Method).Doc; doc != "" {
				return py.String(doc), nil
			}
			return py.None, nil
		},
	}
	// A bound method reports its function's names and docstring.
	for _, name := range []string{"__doc__", "__name__", "__qualname__"} {
		name := name
		py.BoundMethodType.Dict[name] = &py.Property{
			Fget: func(self py.Object) (py.Object, error) {
				return py.GetAttrString(self.(*py.BoundMethod).Method, name)
			},
		}
	}
}

func installSuperProperty() {
	pyobj.SuperType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.RuntimeError, "super(): zero-argument form needs the transpiler (pass the class and self)")
		}
		return pyobj.NewSuper(args[0], args[1])
	}
	pyobj.PropertyType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		p := &pyobj.Property{}
		slots := []*py.Object{&p.Fget, &p.Fset, &p.Fdel, &p.Doc}
		if len(args) > len(slots) {
			return nil, py.ExceptionNewf(py.TypeError, "property() takes at most 4 arguments (%d given)", len(args))
		}
		for i, a := range args {
			*slots[i] = a
		}
		names := []string{"fget", "fset", "fdel", "doc"}
		for k, v := range kwargs {
			found := false
			for i, n := range names {
				if n == k {
					*slots[i], found = v, true
				}
			}
			if !found {
				return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for property()", k)
			}
		}
		return p, nil
	}
	pd := pyobj.PropertyType.Dict
	copyWith := func(name string, set func(p *pyobj.Property, f py.Object)) {
		pd[name] = pyobj.Method(name, func(self, f py.Object) (py.Object, error) {
			p := *self.(*pyobj.Property)
			set(&p, f)
			return &p, nil
		})
	}
	copyWith("getter", func(p *pyobj.Property, f py.Object) { p.Fget = f })
	copyWith("setter", func(p *pyobj.Property, f py.Object) { p.Fset = f })
	copyWith("deleter", func(p *pyobj.Property, f py.Object) { p.Fdel = f })
	field := func(get func(p *pyobj.Property) py.Object) *py.Property {
		return &py.Property{Fget: func(self py.Object) (py.Object, error) {
			v := get(self.(*pyobj.Property))
			if v == nil {
				return py.None, nil
			}
			return v, nil
		}}
	}
	pd["fget"] = field(func(p *pyobj.Property) py.Object { return p.Fget })
	pd["fset"] = field(func(p *pyobj.Property) py.Object { return p.Fset })
	pd["fdel"] = field(func(p *pyobj.Property) py.Object { return p.Fdel })
	pd["__doc__"] = field(func(p *pyobj.Property) py.Object {
		if p.Doc == nil || p.Doc == py.None {
			if f, ok := p.Fget.(*py.Function); ok {
				return f.Doc
			}
		}
		return p.Doc
	})
}
