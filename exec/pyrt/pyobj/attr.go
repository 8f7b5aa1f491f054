package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// GetAttr is Python's getattr(o, name) with CPython's descriptor protocol,
// which gpython lacks for classes (inherited class attributes,
// classmethods read through the class) and for exceptions (attributes set
// in __init__).
func GetAttr(o py.Object, name string) (py.Object, error) {
	switch x := o.(type) {
	case *Instance:
		return x.M__getattribute__(name)
	case *py.Type:
		return ClassGetAttr(x, name)
	case *py.Exception:
		return excGetAttr(x, name)
	case *Super:
		return x.getattr(name)
	case *Dict:
		if x.cls != DictType {
			return subclassGetAttr(x, x.cls, x.GetDict(), name)
		}
	case *Set:
		if x.cls != SetType && x.cls != nil {
			return subclassGetAttr(x, x.cls, x.GetDict(), name)
		}
	}
	if name == "__class__" {
		return o.Type(), nil
	}
	r, err := py.GetAttrString(o, name)
	if err != nil && py.IsException(py.AttributeError, err) {
		return nil, AttributeError(o, name)
	}
	return r, err
}

// SetAttr is Python's setattr(o, name, value).
func SetAttr(o py.Object, name string, value py.Object) error {
	switch x := o.(type) {
	case *Instance:
		_, err := x.M__setattr__(name, value)
		return err
	case *py.Exception:
		if name == "args" {
			t, err := Items(value)
			if err != nil {
				return err
			}
			x.Args = py.Tuple(t)
			return nil
		}
		if x.Dict == nil {
			x.Dict = py.NewStringDict()
		}
		x.Dict[name] = value
		return nil
	case *py.Type:
		if x.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return py.ExceptionNewf(py.TypeError, "cannot set '%s' attribute of immutable type '%s'", name, x.Name)
		}
		x.Dict[name] = value
		return nil
	case *Dict:
		if x.cls != DictType {
			return subclassSetAttr(x, x.cls, x.GetDict(), name, value)
		}
	case *Set:
		if x.cls != SetType && x.cls != nil {
			return subclassSetAttr(x, x.cls, x.GetDict(), name, value)
		}
	}
	_, err := py.SetAttrString(o, name, value)
	if err != nil && py.IsException(py.AttributeError, err) {
		return AttributeError(o, name)
	}
	return err
}

// DelAttr is Python's delattr(o, name).
func DelAttr(o py.Object, name string) error {
	switch x := o.(type) {
	case *Instance:
		_, err := x.M__delattr__(name)
		return err
	case *py.Exception:
		if _, ok := x.Dict[name]; ok {
			delete(x.Dict, name)
			return nil
		}
		return AttributeError(o, name)
	case *py.Type:
		if _, ok := x.Dict[name]; ok && x.Flags&py.TPFLAGS_HEAPTYPE != 0 {
			delete(x.Dict, name)
			return nil
		}
		return AttributeError(o, name)
	}
	return py.DeleteAttrString(o, name)
}

// heapLookup finds name in the user classes of cls's MRO (before the first
// builtin class).
func heapLookup(cls *py.Type, name string) py.Object {
	for _, b := range cls.Mro {
		t := b.(*py.Type)
		if t.Flags&py.TPFLAGS_HEAPTYPE == 0 {
			return nil
		}
		if v, ok := t.Dict[name]; ok {
			return v
		}
	}
	return nil
}

// subclassGetAttr is the attribute protocol for instances of user classes
// deriving from dict or set.
func subclassGetAttr(o py.Object, cls *py.Type, attrs py.StringDict, name string) (py.Object, error) {
	if name == "__class__" {
		return cls, nil
	}
	if name == "__dict__" {
		d := NewDict()
		for _, k := range sortedKeys(attrs) {
			_ = d.Set(py.String(k), attrs[k])
		}
		return d, nil
	}
	tattr := cls.Lookup(name)
	if tattr != nil && isDataDescriptor(tattr) {
		return tattr.(py.I__get__).M__get__(o, cls)
	}
	if v, ok := attrs[name]; ok {
		return v, nil
	}
	if tattr != nil {
		return bind(tattr, o, cls)
	}
	if gf := heapLookup(cls, "__getattr__"); gf != nil {
		return CallBound(gf, o, py.String(name))
	}
	return nil, AttributeError(o, name)
}

func subclassSetAttr(o py.Object, cls *py.Type, attrs py.StringDict, name string, value py.Object) error {
	if sa := heapLookup(cls, "__setattr__"); sa != nil {
		_, err := CallBound(sa, o, py.String(name), value)
		return err
	}
	return genericSubclassSetAttr(o, cls, attrs, name, value)
}

// GenericSetAttr is object.__setattr__: it never calls a user __setattr__.
func GenericSetAttr(o py.Object, name string, value py.Object) error {
	switch x := o.(type) {
	case *Instance:
		return x.GenericSetAttr(name, value)
	case *Dict:
		if x.cls != DictType {
			return genericSubclassSetAttr(x, x.cls, x.GetDict(), name, value)
		}
	case *Set:
		if x.cls != SetType && x.cls != nil {
			return genericSubclassSetAttr(x, x.cls, x.GetDict(), name, value)
		}
	}
	return SetAttr(o, name, value)
}

func genericSubclassSetAttr(o py.Object, cls *py.Type, attrs py.StringDict, name string, value py.Object) error {
	if tattr := cls.Lookup(name); tattr != nil {
		if s, ok := tattr.(py.I__set__); ok {
			_, err := s.M__set__(o, value)
			return err
		}
	}
	attrs[name] = value
	return nil
}

// ClassGetAttr reads an attribute through a class: the MRO, with
// classmethods bound to the class and functions left unbound.
func ClassGetAttr(t *py.Type, name string) (py.Object, error) {
	switch name {
	case "__name__":
		return py.String(t.Name), nil
	case "__qualname__":
		if t.Qualname != "" {
			return py.String(t.Qualname), nil
		}
		return py.String(t.Name), nil
	case "__mro__":
		return append(py.Tuple(nil), t.Mro...), nil
	case "__bases__":
		if t.Bases == nil && t.Base != nil {
			return py.Tuple{t.Base}, nil
		}
		return append(py.Tuple(nil), t.Bases...), nil
	case "__base__":
		if t.Base == nil {
			return py.None, nil
		}
		return t.Base, nil
	case "__dict__":
		d := NewDict()
		for _, k := range classDictKeys(t) {
			_ = d.Set(py.String(k), t.Dict[k])
		}
		return d, nil
	case "__class__":
		return t.Type(), nil
	case "__doc__":
		if d, ok := t.Dict["__doc__"]; ok {
			return d, nil
		}
		if t.Doc == "" || t.Flags&py.TPFLAGS_HEAPTYPE != 0 {
			return py.None, nil
		}
		return py.String(t.Doc), nil
	case "__module__":
		if m, ok := t.Dict["__module__"]; ok {
			return m, nil
		}
		return py.String("builtins"), nil
	}
	mro := t.Mro
	if mro == nil {
		mro = py.Tuple{t}
	}
	for _, b := range mro {
		if v, ok := b.(*py.Type).Dict[name]; ok {
			return bind(v, nil, t)
		}
	}
	// The metaclass (type) provides the rest, bound to the class.
	if meta := t.Type(); meta != nil && meta != t {
		if v := meta.Lookup(name); v != nil {
			return bind(v, t, meta)
		}
	}
	return nil, AttributeError(t, name)
}

// classDictKeys orders a class's dict as CPython's does where it can:
// __module__ and __doc__, then the names in the order the class body
// defined them (ClassOrderKey), then the rest sorted. The runtime's own
// entries are not shown.
func classDictKeys(t *py.Type) []string {
	keys := make([]string, 0, len(t.Dict))
	seen := map[string]bool{}
	add := func(k string) {
		if _, ok := t.Dict[k]; ok && !seen[k] && !IsRuntimeName(k) {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	add("__module__")
	add("__doc__")
	if order, ok := t.Dict[ClassOrderKey].(py.Tuple); ok {
		for _, name := range order {
			if s, ok := name.(py.String); ok {
				add(string(s))
			}
		}
	}
	for _, k := range sortedKeys(t.Dict) {
		add(k)
	}
	return keys
}

func excGetAttr(e *py.Exception, name string) (py.Object, error) {
	switch name {
	case "args":
		return ExcArgs(e), nil
	case "__class__":
		return e.Base, nil
	case "__dict__":
		d := NewDict()
		for _, k := range sortedKeys(e.Dict) {
			_ = d.Set(py.String(k), e.Dict[k])
		}
		return d, nil
	case "__cause__":
		if e.Cause == nil {
			return py.None, nil
		}
		return e.Cause, nil
	case "__context__":
		if e.Context == nil {
			return py.None, nil
		}
		return e.Context, nil
	case "__suppress_context__":
		return py.NewBool(e.SuppressContext), nil
	case "__traceback__":
		return py.None, nil
	}
	if v, ok := e.Dict[name]; ok {
		return v, nil
	}
	if name == "value" && e.Base.IsSubtype(py.StopIteration) {
		a := ExcArgs(e)
		if len(a) == 0 {
			return py.None, nil
		}
		return a[0], nil
	}
	if v := e.Base.Lookup(name); v != nil {
		return bind(v, e, e.Base)
	}
	return nil, AttributeError(e, name)
}

// Super is the object super(cls, obj) returns.
type Super struct {
	ThisClass *py.Type
	Obj       py.Object // instance or class
	ObjType   *py.Type
}

// SuperType is the builtin super.
var SuperType = py.NewType("super", "super(type, obj) -> bound super object")

func (s *Super) Type() *py.Type { return SuperType }

func (s *Super) getattr(name string) (py.Object, error) {
	if name == "__class__" {
		return SuperType, nil
	}
	mro := s.ObjType.Mro
	i := 0
	for i < len(mro) && mro[i] != s.ThisClass {
		i++
	}
	for i++; i < len(mro); i++ {
		if v, ok := mro[i].(*py.Type).Dict[name]; ok {
			inst := s.Obj
			if inst == py.Object(s.ObjType) {
				inst = nil
			}
			if m, ok := v.(*py.Method); ok && inst == nil && m.Flags&(py.METH_CLASS|py.METH_STATIC) == 0 {
				return &UnboundMethod{M: m, Owner: s.ObjType}, nil
			}
			return bind(v, inst, s.ObjType)
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'super' object has no attribute '%s'", name)
}

// NewSuper implements super(cls, obj).
func NewSuper(cls, obj py.Object) (*Super, error) {
	t, ok := cls.(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "super() argument 1 must be a type, not %s", cls.Type().Name)
	}
	if ot, ok := obj.(*py.Type); ok && ot.IsSubtype(t) {
		return &Super{ThisClass: t, Obj: obj, ObjType: ot}, nil
	}
	if IsInstance(obj, t) {
		return &Super{ThisClass: t, Obj: obj, ObjType: obj.Type()}, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "super(type, obj): obj must be an instance or subtype of type")
}

// IsInstance is isinstance(o, t) for one class, with bool < int and big
// ints counted as int.
func IsInstance(o py.Object, t *py.Type) bool {
	ot := o.Type()
	if ot == t || ot.IsSubtype(t) {
		return true
	}
	if t == py.IntType {
		switch o.(type) {
		case py.Bool, *py.BigInt:
			return true
		}
	}
	return false
}

// IsSubclass is issubclass(a, b) with bool < int.
func IsSubclass(a, b *py.Type) bool {
	if a == b || a.IsSubtype(b) {
		return true
	}
	if b == py.IntType && (a == py.BoolType || a == py.BigIntType) {
		return true
	}
	if b == py.ObjectType {
		return true
	}
	return false
}

// TypeName is the CPython name of o's type (big ints are int).
func TypeName(o py.Object) string {
	if _, ok := o.(*py.BigInt); ok {
		return "int"
	}
	return o.Type().Name
}

var _ = strings.HasPrefix
