package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// DictView is dict.keys(), dict.values() or dict.items(): a live view.
type DictView struct {
	d    *Dict
	kind int // 0 keys, 1 values, 2 items
}

var dictViewTypes = [3]*py.Type{
	py.NewType("dict_keys", ""),
	py.NewType("dict_values", ""),
	py.NewType("dict_items", ""),
}

func (v *DictView) Type() *py.Type                { return dictViewTypes[v.kind] }
func (v *DictView) M__iter__() (py.Object, error) { return v.d.iter(v.kind), nil }
func (v *DictView) M__len__() (py.Object, error)  { return py.Int(v.d.live), nil }

func (v *DictView) items() []py.Object {
	switch v.kind {
	case 0:
		return v.d.Keys()
	case 1:
		return v.d.Values()
	}
	out := make([]py.Object, 0, v.d.live)
	v.d.Range(func(k, val py.Object) bool {
		out = append(out, py.Tuple{k, val})
		return true
	})
	return out
}

func (v *DictView) M__contains__(x py.Object) (py.Object, error) {
	switch v.kind {
	case 0:
		_, ok, err := v.d.Get(x)
		return py.NewBool(ok), err
	case 2:
		t, ok := x.(py.Tuple)
		if !ok || len(t) != 2 {
			return py.False, nil
		}
		val, ok, err := v.d.Get(t[0])
		if err != nil || !ok {
			return py.False, err
		}
		eq, err := Equal(val, t[1])
		return py.NewBool(eq), err
	}
	ok, err := seqContains(v.d.Values(), x)
	return py.NewBool(ok), err
}

func (v *DictView) M__repr__() (py.Object, error) {
	var b strings.Builder
	b.WriteString(v.Type().Name + "([")
	for i, it := range v.items() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(it)
		if err != nil {
			return nil, err
		}
		b.WriteString(r)
	}
	b.WriteString("])")
	return py.String(b.String()), nil
}

func (v *DictView) asTable() (*table, error) {
	t := &table{}
	return t, t.addFrom(NewIter(v.items()))
}

func (v *DictView) setop(o py.Object, f func(a *table, b py.Object) (*table, error)) (py.Object, error) {
	if v.kind == 1 {
		return py.NotImplemented, nil
	}
	a, err := v.asTable()
	if err != nil {
		return nil, err
	}
	if ov, ok := o.(*DictView); ok {
		o = NewIter(ov.items())
	}
	r, err := f(a, o)
	if err != nil {
		return nil, err
	}
	return &Set{table: *r, cls: SetType}, nil
}

func (v *DictView) M__and__(o py.Object) (py.Object, error) { return v.setop(o, intersectTables) }
func (v *DictView) M__or__(o py.Object) (py.Object, error)  { return v.setop(o, union1) }
func (v *DictView) M__sub__(o py.Object) (py.Object, error) { return v.setop(o, differenceTables) }
func (v *DictView) M__xor__(o py.Object) (py.Object, error) { return v.setop(o, symmetricTables) }

func (v *DictView) M__eq__(o py.Object) (py.Object, error) {
	if v.kind == 1 {
		return py.NewBool(Same(v, o)), nil
	}
	a, err := v.asTable()
	if err != nil {
		return nil, err
	}
	var b *table
	switch x := o.(type) {
	case *DictView:
		if x.kind == 1 {
			return py.False, nil
		}
		if b, err = x.asTable(); err != nil {
			return nil, err
		}
	case *Set:
		b = &x.table
	case *FrozenSet:
		b = &x.table
	default:
		return py.False, nil
	}
	r, err := a.equal(b)
	return py.NewBool(r), err
}

func (v *DictView) M__reversed__() (py.Object, error) {
	items := v.items()
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return NewIter(items), nil
}

func dictSelf(self py.Object) *Dict { return self.(*Dict) }

func initDictMethods() {
	for _, t := range dictViewTypes {
		if err := t.Ready(); err != nil {
			panic(err)
		}
	}
	d := DictType.Dict
	d["__init__"] = Method("__init__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, dictUpdateArgs(dictSelf(self), args, kwargs, "dict")
	})
	d["get"] = Method("get", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := ArgCount("get", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := dictSelf(self).Get(args[0])
		if err != nil {
			return nil, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return py.None, nil
	})
	d["pop"] = Method("pop", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := ArgCount("pop", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := dictSelf(self).Delete(args[0])
		if err != nil {
			return nil, err
		}
		if ok {
			return v, nil
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, KeyError(args[0])
	})
	d["popitem"] = Method("popitem", func(self py.Object) (py.Object, error) {
		dd := dictSelf(self)
		for i := len(dd.entries) - 1; i >= 0; i-- {
			e := dd.entries[i]
			if !e.dead {
				dd.removeAt(i)
				dd.entries = dd.entries[:len(dd.entries)]
				return py.Tuple{e.key, e.value}, nil
			}
		}
		return nil, py.ExceptionNewf(py.KeyError, "popitem(): dictionary is empty")
	})
	d["setdefault"] = Method("setdefault", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := ArgCount("setdefault", args, 1, 2); err != nil {
			return nil, err
		}
		dd := dictSelf(self)
		v, ok, err := dd.Get(args[0])
		if err != nil || ok {
			return v, err
		}
		var def py.Object = py.None
		if len(args) == 2 {
			def = args[1]
		}
		return def, dd.Set(args[0], def)
	})
	d["update"] = Method("update", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, dictUpdateArgs(dictSelf(self), args, kwargs, "update")
	})
	d["keys"] = Method("keys", func(self py.Object) (py.Object, error) { return &DictView{dictSelf(self), 0}, nil })
	d["values"] = Method("values", func(self py.Object) (py.Object, error) { return &DictView{dictSelf(self), 1}, nil })
	d["items"] = Method("items", func(self py.Object) (py.Object, error) { return &DictView{dictSelf(self), 2}, nil })
	d["copy"] = Method("copy", func(self py.Object) (py.Object, error) { return dictSelf(self).Copy(), nil })
	d["clear"] = Method("clear", func(self py.Object) (py.Object, error) {
		dictSelf(self).Clear()
		return py.None, nil
	})
	d["__contains__"] = Method("__contains__", func(self, k py.Object) (py.Object, error) {
		return dictSelf(self).M__contains__(k)
	})
	d["__getitem__"] = Method("__getitem__", func(self, k py.Object) (py.Object, error) {
		v, ok, err := dictSelf(self).Get(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, KeyError(k)
		}
		return v, nil
	})
	d["__setitem__"] = Method("__setitem__", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := ArgCount("__setitem__", args, 2, 2); err != nil {
			return nil, err
		}
		return py.None, dictSelf(self).Set(args[0], args[1])
	})
	d["__delitem__"] = Method("__delitem__", func(self, k py.Object) (py.Object, error) {
		return dictSelf(self).M__delitem__(k)
	})
	d["__len__"] = Method("__len__", func(self py.Object) (py.Object, error) { return py.Int(dictSelf(self).live), nil })
	d["__iter__"] = Method("__iter__", func(self py.Object) (py.Object, error) { return dictSelf(self).iter(0), nil })
	d["__repr__"] = Method("__repr__", func(self py.Object) (py.Object, error) {
		s, err := dictSelf(self).repr()
		return py.String(s), err
	})
	d["fromkeys"] = ClassMethod("fromkeys", func(cls py.Object, args py.Tuple) (py.Object, error) {
		if err := ArgCount("fromkeys", args, 1, 2); err != nil {
			return nil, err
		}
		var v py.Object = py.None
		if len(args) == 2 {
			v = args[1]
		}
		t, ok := cls.(*py.Type)
		if !ok {
			t = DictType
		}
		obj, err := py.Call(t, nil, nil)
		if err != nil {
			return nil, err
		}
		nd, ok := obj.(*Dict)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "fromkeys needs a dict class")
		}
		err = ForEach(args[0], func(k py.Object) (bool, error) {
			return false, nd.Set(k, v)
		})
		return nd, err
	})
}
