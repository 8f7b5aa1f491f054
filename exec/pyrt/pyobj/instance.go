package pyobj

import (
	"fmt"

	"github.com/go-python/gpython/py"
)

// Instance is an instance of a user-defined class. gpython represents those
// as *py.Type, which cannot carry Go methods, so the VM's arithmetic and
// comparison helpers (py.Add, py.Lt, py.Eq, ...) never see the user's
// dunder methods. Instance implements every slot interface and dispatches
// to the class's methods, returning NotImplemented when a method is absent
// so that py's reflected-operand logic works as in CPython.
type Instance struct {
	cls   *py.Type
	attrs *Dict
}

// NewInstance allocates an instance of cls without calling __init__.
func NewInstance(cls *py.Type) *Instance { return &Instance{cls: cls, attrs: NewDict()} }

func (o *Instance) Type() *py.Type { return o.cls }

// Attrs is the instance's __dict__.
func (o *Instance) Attrs() *Dict { return o.attrs }

// lookup finds a special method on the class (never the instance, as
// CPython does for implicit dunder calls).
func (o *Instance) lookup(name string) py.Object {
	r := o.cls.Lookup(name)
	if r == nil {
		return nil
	}
	// object's own slots are the defaults handled in Go.
	for _, def := range objectDefaults {
		if def == name && isObjectSlot(r) {
			return nil
		}
	}
	return r
}

var objectDefaults = []string{"__eq__", "__ne__", "__hash__", "__repr__", "__str__", "__init__", "__new__", "__format__", "__setattr__", "__getattribute__", "__delattr__", "__lt__", "__le__", "__gt__", "__ge__"}

// isObjectSlot reports whether a class attribute is one of object's
// builtin defaults (installed by the runtime on py.ObjectType).
func isObjectSlot(o py.Object) bool {
	m, ok := o.(*py.Method)
	return ok && ObjectSlots[m.Name] == m
}

// ObjectSlots are the builtin methods the runtime installs on object.
var ObjectSlots = map[string]*py.Method{}

// CallBound calls a class attribute fn as a method of self.
func CallBound(fn, self py.Object, args ...py.Object) (py.Object, error) {
	switch f := fn.(type) {
	case *py.Function:
		a := make(py.Tuple, len(args)+1)
		a[0] = self
		copy(a[1:], args)
		return f.M__call__(a, nil)
	case *py.Method:
		return f.Call(self, py.Tuple(args))
	}
	if g, ok := fn.(py.I__get__); ok {
		b, err := g.M__get__(self, self.Type())
		if err != nil {
			return nil, err
		}
		return py.Call(b, py.Tuple(args), nil)
	}
	return py.Call(fn, append(py.Tuple{self}, args...), nil)
}

func (o *Instance) call(name string, args ...py.Object) (py.Object, bool, error) {
	fn := o.lookup(name)
	if fn == nil {
		return nil, false, nil
	}
	if fn == py.None {
		return nil, true, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", "NoneType")
	}
	r, err := CallBound(fn, o, args...)
	return r, true, err
}

func (o *Instance) binop(name string, other py.Object) (py.Object, error) {
	r, ok, err := o.call(name, other)
	if !ok {
		return py.NotImplemented, nil
	}
	return r, err
}

func (o *Instance) unop(name, sym string) (py.Object, error) {
	r, ok, err := o.call(name)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "bad operand type for %s: '%s'", sym, o.cls.Name)
	}
	return r, err
}

func (o *Instance) M__add__(b py.Object) (py.Object, error)       { return o.binop("__add__", b) }
func (o *Instance) M__radd__(b py.Object) (py.Object, error)      { return o.binop("__radd__", b) }
func (o *Instance) M__iadd__(b py.Object) (py.Object, error)      { return o.binop("__iadd__", b) }
func (o *Instance) M__sub__(b py.Object) (py.Object, error)       { return o.binop("__sub__", b) }
func (o *Instance) M__rsub__(b py.Object) (py.Object, error)      { return o.binop("__rsub__", b) }
func (o *Instance) M__isub__(b py.Object) (py.Object, error)      { return o.binop("__isub__", b) }
func (o *Instance) M__mul__(b py.Object) (py.Object, error)       { return o.binop("__mul__", b) }
func (o *Instance) M__rmul__(b py.Object) (py.Object, error)      { return o.binop("__rmul__", b) }
func (o *Instance) M__imul__(b py.Object) (py.Object, error)      { return o.binop("__imul__", b) }
func (o *Instance) M__truediv__(b py.Object) (py.Object, error)   { return o.binop("__truediv__", b) }
func (o *Instance) M__rtruediv__(b py.Object) (py.Object, error)  { return o.binop("__rtruediv__", b) }
func (o *Instance) M__itruediv__(b py.Object) (py.Object, error)  { return o.binop("__itruediv__", b) }
func (o *Instance) M__floordiv__(b py.Object) (py.Object, error)  { return o.binop("__floordiv__", b) }
func (o *Instance) M__rfloordiv__(b py.Object) (py.Object, error) { return o.binop("__rfloordiv__", b) }
func (o *Instance) M__ifloordiv__(b py.Object) (py.Object, error) { return o.binop("__ifloordiv__", b) }
func (o *Instance) M__mod__(b py.Object) (py.Object, error)       { return o.binop("__mod__", b) }
func (o *Instance) M__rmod__(b py.Object) (py.Object, error)      { return o.binop("__rmod__", b) }
func (o *Instance) M__imod__(b py.Object) (py.Object, error)      { return o.binop("__imod__", b) }
func (o *Instance) M__lshift__(b py.Object) (py.Object, error)    { return o.binop("__lshift__", b) }
func (o *Instance) M__rlshift__(b py.Object) (py.Object, error)   { return o.binop("__rlshift__", b) }
func (o *Instance) M__ilshift__(b py.Object) (py.Object, error)   { return o.binop("__ilshift__", b) }
func (o *Instance) M__rshift__(b py.Object) (py.Object, error)    { return o.binop("__rshift__", b) }
func (o *Instance) M__rrshift__(b py.Object) (py.Object, error)   { return o.binop("__rrshift__", b) }
func (o *Instance) M__irshift__(b py.Object) (py.Object, error)   { return o.binop("__irshift__", b) }
func (o *Instance) M__and__(b py.Object) (py.Object, error)       { return o.binop("__and__", b) }
func (o *Instance) M__rand__(b py.Object) (py.Object, error)      { return o.binop("__rand__", b) }
func (o *Instance) M__iand__(b py.Object) (py.Object, error)      { return o.binop("__iand__", b) }
func (o *Instance) M__xor__(b py.Object) (py.Object, error)       { return o.binop("__xor__", b) }
func (o *Instance) M__rxor__(b py.Object) (py.Object, error)      { return o.binop("__rxor__", b) }
func (o *Instance) M__ixor__(b py.Object) (py.Object, error)      { return o.binop("__ixor__", b) }
func (o *Instance) M__or__(b py.Object) (py.Object, error)        { return o.binop("__or__", b) }
func (o *Instance) M__ror__(b py.Object) (py.Object, error)       { return o.binop("__ror__", b) }
func (o *Instance) M__ior__(b py.Object) (py.Object, error)       { return o.binop("__ior__", b) }
func (o *Instance) M__rpow__(b py.Object) (py.Object, error)      { return o.binop("__rpow__", b) }

func (o *Instance) M__pow__(b, mod py.Object) (py.Object, error) {
	if mod != nil && mod != py.None {
		r, ok, err := o.call("__pow__", b, mod)
		if !ok {
			return py.NotImplemented, nil
		}
		return r, err
	}
	return o.binop("__pow__", b)
}

func (o *Instance) M__ipow__(b, mod py.Object) (py.Object, error) {
	return o.binop("__ipow__", b)
}

func (o *Instance) M__divmod__(b py.Object) (py.Object, py.Object, error) {
	r, ok, err := o.call("__divmod__", b)
	return splitPair(r, ok, err)
}

func (o *Instance) M__rdivmod__(b py.Object) (py.Object, py.Object, error) {
	r, ok, err := o.call("__rdivmod__", b)
	return splitPair(r, ok, err)
}

func splitPair(r py.Object, ok bool, err error) (py.Object, py.Object, error) {
	if err != nil {
		return nil, nil, err
	}
	if !ok || r == py.NotImplemented {
		return py.NotImplemented, py.NotImplemented, nil
	}
	t, isT := r.(py.Tuple)
	if !isT || len(t) != 2 {
		return nil, nil, py.ExceptionNewf(py.TypeError, "__divmod__ must return a 2-tuple")
	}
	return t[0], t[1], nil
}

func (o *Instance) M__neg__() (py.Object, error)    { return o.unop("__neg__", "unary -") }
func (o *Instance) M__pos__() (py.Object, error)    { return o.unop("__pos__", "unary +") }
func (o *Instance) M__abs__() (py.Object, error)    { return o.unop("__abs__", "abs()") }
func (o *Instance) M__invert__() (py.Object, error) { return o.unop("__invert__", "unary ~") }

func (o *Instance) M__int__() (py.Object, error) {
	if r, ok, err := o.call("__int__"); ok {
		return r, err
	}
	if r, ok, err := o.call("__index__"); ok {
		return r, err
	}
	return nil, py.ExceptionNewf(py.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%s'", o.cls.Name)
}

func (o *Instance) M__float__() (py.Object, error) {
	if r, ok, err := o.call("__float__"); ok {
		return r, err
	}
	if r, ok, err := o.call("__index__"); ok {
		if err != nil {
			return nil, err
		}
		return py.MakeFloat(r)
	}
	return nil, py.ExceptionNewf(py.TypeError, "float() argument must be a string or a real number, not '%s'", o.cls.Name)
}

func (o *Instance) M__index__() (py.Int, error) {
	r, ok, err := o.call("__index__")
	if !ok {
		return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", o.cls.Name)
	}
	if err != nil {
		return 0, err
	}
	i, isInt := r.(py.Int)
	if !isInt {
		return 0, py.ExceptionNewf(py.TypeError, "__index__ returned non-int (type %s)", r.Type().Name)
	}
	return i, nil
}

func (o *Instance) M__round__(nd py.Object) (py.Object, error) {
	if nd == nil || nd == py.None {
		return o.unop("__round__", "round()")
	}
	r, ok, err := o.call("__round__", nd)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "type %s doesn't define __round__ method", o.cls.Name)
	}
	return r, err
}

// Comparisons. Without a user method, == and != fall back to identity as
// object.__eq__ does; ordering returns NotImplemented and py raises.
func (o *Instance) cmp(name, reflected string, b py.Object) (py.Object, error) {
	if r, ok, err := o.call(name, b); ok {
		if err != nil || r != py.NotImplemented {
			return r, err
		}
	}
	return py.NotImplemented, nil
}

func (o *Instance) M__lt__(b py.Object) (py.Object, error) { return o.cmp("__lt__", "__gt__", b) }
func (o *Instance) M__le__(b py.Object) (py.Object, error) { return o.cmp("__le__", "__ge__", b) }
func (o *Instance) M__gt__(b py.Object) (py.Object, error) { return o.cmp("__gt__", "__lt__", b) }
func (o *Instance) M__ge__(b py.Object) (py.Object, error) { return o.cmp("__ge__", "__le__", b) }

func (o *Instance) M__eq__(b py.Object) (py.Object, error) {
	if r, ok, err := o.call("__eq__", b); ok {
		if err != nil || r != py.NotImplemented {
			return r, err
		}
	}
	if bi, ok := b.(*Instance); ok && bi != o {
		if r, ok, err := bi.call("__eq__", o); ok {
			if err != nil || r != py.NotImplemented {
				return r, err
			}
		}
	}
	return py.NewBool(Same(o, b)), nil
}

func (o *Instance) M__ne__(b py.Object) (py.Object, error) {
	if r, ok, err := o.call("__ne__", b); ok {
		if err != nil || r != py.NotImplemented {
			return r, err
		}
	}
	r, err := o.M__eq__(b)
	if err != nil {
		return nil, err
	}
	t, err := Truthy(r)
	return py.NewBool(!t), err
}

func (o *Instance) hash() (int64, error) {
	fn := o.lookup("__hash__")
	if fn == nil {
		// A class that defines __eq__ but not __hash__ is unhashable.
		if o.definesBefore("__eq__", "__hash__") {
			return 0, unhashable(o)
		}
		return hashPointer(o), nil
	}
	if fn == py.None {
		return 0, unhashable(o)
	}
	r, err := CallBound(fn, o)
	if err != nil {
		return 0, err
	}
	return hashResult(r)
}

// definesBefore reports whether a class in the MRO defines a but no class
// at or before it defines b.
func (o *Instance) definesBefore(a, b string) bool {
	for _, base := range o.cls.Mro {
		t := base.(*py.Type)
		if _, ok := t.Dict[b]; ok {
			return false
		}
		if v, ok := t.Dict[a]; ok && !isObjectSlot(v) {
			return true
		}
	}
	return false
}

func (o *Instance) M__bool__() (py.Object, error) {
	if r, ok, err := o.call("__bool__"); ok {
		if err != nil {
			return nil, err
		}
		if _, isBool := r.(py.Bool); !isBool {
			return nil, py.ExceptionNewf(py.TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return r, nil
	}
	if r, ok, err := o.call("__len__"); ok {
		if err != nil {
			return nil, err
		}
		n, err := py.MakeGoInt(r)
		return py.NewBool(n != 0), err
	}
	return py.True, nil
}

func (o *Instance) M__len__() (py.Object, error) {
	r, ok, err := o.call("__len__")
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", o.cls.Name)
	}
	if err != nil {
		return nil, err
	}
	if _, isInt := r.(py.Int); !isInt {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if r.(py.Int) < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "__len__() should return >= 0")
	}
	return r, nil
}

func (o *Instance) M__contains__(item py.Object) (py.Object, error) {
	if r, ok, err := o.call("__contains__", item); ok {
		if err != nil {
			return nil, err
		}
		t, err := Truthy(r)
		return py.NewBool(t), err
	}
	found := false
	err := ForEach(o, func(x py.Object) (bool, error) {
		eq, err := Equal(x, item)
		found = eq
		return eq, err
	})
	return py.NewBool(found), err
}

func (o *Instance) M__iter__() (py.Object, error) {
	if r, ok, err := o.call("__iter__"); ok {
		return r, err
	}
	if o.lookup("__getitem__") != nil {
		i := 0
		return &FuncIter{Next: func() (py.Object, bool, error) {
			v, err := o.M__getitem__(py.Int(i))
			if err != nil {
				if py.IsException(py.IndexError, err) || IsStopIteration(err) {
					return nil, false, nil
				}
				return nil, false, err
			}
			i++
			return v, true, nil
		}}, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", o.cls.Name)
}

func (o *Instance) M__next__() (py.Object, error) {
	r, ok, err := o.call("__next__")
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not an iterator", o.cls.Name)
	}
	if err != nil && IsStopIteration(err) {
		// gpython's iteration helpers recognise only the bare class.
		return nil, py.StopIteration
	}
	return r, err
}

func (o *Instance) M__getitem__(key py.Object) (py.Object, error) {
	r, ok, err := o.call("__getitem__", key)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not subscriptable", o.cls.Name)
	}
	return r, err
}

func (o *Instance) M__setitem__(key, value py.Object) (py.Object, error) {
	r, ok, err := o.call("__setitem__", key, value)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object does not support item assignment", o.cls.Name)
	}
	return r, err
}

func (o *Instance) M__delitem__(key py.Object) (py.Object, error) {
	r, ok, err := o.call("__delitem__", key)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object does not support item deletion", o.cls.Name)
	}
	return r, err
}

func (o *Instance) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	fn := o.lookup("__call__")
	if fn == nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", o.cls.Name)
	}
	if f, ok := fn.(*py.Function); ok {
		return f.M__call__(append(py.Tuple{o}, args...), kwargs)
	}
	b, err := bind(fn, o, o.cls)
	if err != nil {
		return nil, err
	}
	return py.Call(b, args, kwargs)
}

// Callable reports whether instances of the class define __call__.
func (o *Instance) Callable() bool { return o.lookup("__call__") != nil }

func (o *Instance) M__repr__() (py.Object, error) {
	if r, ok, err := o.call("__repr__"); ok {
		if err != nil {
			return nil, err
		}
		if _, isStr := r.(py.String); !isStr {
			return nil, py.ExceptionNewf(py.TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
		}
		return r, nil
	}
	return py.String(DefaultRepr(o)), nil
}

// DefaultRepr is object.__repr__: <__main__.C object at 0x...>.
func DefaultRepr(o py.Object) string {
	mod := "__main__"
	if t := o.Type(); t != nil {
		if m, ok := t.Dict["__module__"].(py.String); ok {
			mod = string(m)
		}
	}
	return fmt.Sprintf("<%s.%s object at 0x%x>", mod, o.Type().Name, Id(o))
}

func (o *Instance) M__str__() (py.Object, error) {
	if r, ok, err := o.call("__str__"); ok {
		if err != nil {
			return nil, err
		}
		if _, isStr := r.(py.String); !isStr {
			return nil, py.ExceptionNewf(py.TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
		}
		return r, nil
	}
	return o.M__repr__()
}

// Format calls a user __format__ if the class defines one.
func (o *Instance) Format(spec string) (py.Object, bool, error) {
	return o.call("__format__", py.String(spec))
}

// Context managers: the VM looks these up as attributes, which
// M__getattribute__ serves.

// M__getattribute__ is the full attribute protocol: data descriptors on the
// class, then the instance dict, then other class attributes (bound), then
// __getattr__.
func (o *Instance) M__getattribute__(name string) (py.Object, error) {
	if ga := o.lookup("__getattribute__"); ga != nil {
		r, err := CallBound(ga, o, py.String(name))
		if err != nil && py.IsException(py.AttributeError, err) {
			if gf := o.lookup("__getattr__"); gf != nil {
				return CallBound(gf, o, py.String(name))
			}
		}
		return r, err
	}
	return o.GenericGetAttr(name)
}

// GenericGetAttr is object.__getattribute__ followed by __getattr__.
func (o *Instance) GenericGetAttr(name string) (py.Object, error) {
	switch name {
	case "__class__":
		return o.cls, nil
	case "__dict__":
		return o.attrs, nil
	}
	tattr := o.cls.Lookup(name)
	if tattr != nil && isDataDescriptor(tattr) {
		return tattr.(py.I__get__).M__get__(o, o.cls)
	}
	if v, ok := o.attrs.GetStr(name); ok {
		return v, nil
	}
	if tattr != nil {
		return bind(tattr, o, o.cls)
	}
	if gf := o.lookup("__getattr__"); gf != nil {
		return CallBound(gf, o, py.String(name))
	}
	return nil, AttributeError(o, name)
}

// AttributeError is CPython's message for a missing attribute.
func AttributeError(o py.Object, name string) error {
	if t, ok := o.(*py.Type); ok {
		return py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", t.Name, name)
	}
	return py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", o.Type().Name, name)
}

func isDataDescriptor(o py.Object) bool {
	switch o.(type) {
	case *Property, *py.Property:
		return true
	}
	return false
}

// bind applies a class attribute's __get__ for instance (CPython's
// descriptor protocol for functions, classmethod, staticmethod, property).
func bind(attr, instance py.Object, owner *py.Type) (py.Object, error) {
	switch a := attr.(type) {
	case *py.Function:
		if instance == nil || instance == py.None {
			return a, nil
		}
		return py.NewBoundMethod(instance, a), nil
	case *py.ClassMethod:
		return py.NewBoundMethod(owner, a.Callable), nil
	case *py.StaticMethod:
		return a.Callable, nil
	case *Property:
		if instance == nil || instance == py.None {
			return a, nil
		}
		return a.M__get__(instance, owner)
	case *py.Method:
		if a.Flags&py.METH_CLASS != 0 {
			return py.NewBoundMethod(owner, a), nil
		}
		if a.Flags&py.METH_STATIC != 0 {
			return a, nil
		}
		if instance == nil || instance == py.None {
			return &UnboundMethod{M: a, Owner: owner}, nil
		}
		return py.NewBoundMethod(instance, a), nil
	}
	if instance == nil {
		return attr, nil
	}
	if g, ok := attr.(py.I__get__); ok {
		return g.M__get__(instance, owner)
	}
	return attr, nil
}

// Bind is the descriptor protocol for a class attribute read through
// instance (nil for a read through the class itself).
func Bind(attr, instance py.Object, owner *py.Type) (py.Object, error) {
	return bind(attr, instance, owner)
}

func (o *Instance) M__setattr__(name string, value py.Object) (py.Object, error) {
	if sa := o.lookup("__setattr__"); sa != nil {
		return CallBound(sa, o, py.String(name), value)
	}
	return py.None, o.GenericSetAttr(name, value)
}

// GenericSetAttr is object.__setattr__.
func (o *Instance) GenericSetAttr(name string, value py.Object) error {
	if tattr := o.cls.Lookup(name); tattr != nil {
		if s, ok := tattr.(py.I__set__); ok {
			_, err := s.M__set__(o, value)
			return err
		}
	}
	if name == "__class__" {
		if c, ok := value.(*py.Type); ok {
			o.cls = c
			return nil
		}
	}
	return o.attrs.Set(py.String(name), value)
}

func (o *Instance) M__delattr__(name string) (py.Object, error) {
	if da := o.lookup("__delattr__"); da != nil {
		return CallBound(da, o, py.String(name))
	}
	return py.None, o.GenericDelAttr(name)
}

// GenericDelAttr is object.__delattr__.
func (o *Instance) GenericDelAttr(name string) error {
	if tattr := o.cls.Lookup(name); tattr != nil {
		if s, ok := tattr.(py.I__delete__); ok {
			_, err := s.M__delete__(o)
			return err
		}
	}
	_, ok, err := o.attrs.Delete(py.String(name))
	if err != nil {
		return err
	}
	if !ok {
		return AttributeError(o, name)
	}
	return nil
}

// UnboundMethod is a builtin method read from its class (str.upper): calling
// it passes the first argument as self.
type UnboundMethod struct {
	M     *py.Method
	Owner *py.Type
}

var unboundMethodType = py.NewType("method_descriptor", "")

func (u *UnboundMethod) Type() *py.Type { return unboundMethodType }

func (u *UnboundMethod) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", u.Owner.Name, u.M.Name)
	}
	if len(kwargs) > 0 {
		return u.M.CallWithKeywords(args[0], args[1:], kwargs)
	}
	return u.M.Call(args[0], args[1:])
}

func (u *UnboundMethod) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return u, nil
	}
	return py.NewBoundMethod(instance, u.M), nil
}

func (u *UnboundMethod) M__repr__() (py.Object, error) {
	return py.String(fmt.Sprintf("<method '%s' of '%s' objects>", u.M.Name, u.Owner.Name)), nil
}

// Property is Python's property descriptor.
type Property struct {
	Fget, Fset, Fdel py.Object
	Doc              py.Object
	Name             string
}

// PropertyType is the builtin property.
var PropertyType = py.NewType("property", "property(fget=None, fset=None, fdel=None, doc=None)")

func (p *Property) Type() *py.Type { return PropertyType }

func (p *Property) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return p, nil
	}
	if p.Fget == nil || p.Fget == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no getter", p.name(), instance.Type().Name)
	}
	return py.Call(p.Fget, py.Tuple{instance}, nil)
}

func (p *Property) M__set__(instance, value py.Object) (py.Object, error) {
	if p.Fset == nil || p.Fset == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no setter", p.name(), instance.Type().Name)
	}
	return py.Call(p.Fset, py.Tuple{instance, value}, nil)
}

func (p *Property) M__delete__(instance py.Object) (py.Object, error) {
	if p.Fdel == nil || p.Fdel == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property '%s' of '%s' object has no deleter", p.name(), instance.Type().Name)
	}
	return py.Call(p.Fdel, py.Tuple{instance}, nil)
}

func (p *Property) name() string {
	if p.Name != "" {
		return p.Name
	}
	if f, ok := p.Fget.(*py.Function); ok {
		return f.Name
	}
	return "?"
}
