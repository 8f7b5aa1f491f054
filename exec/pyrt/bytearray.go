package pyrt

import (
	"bytes"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// byteArray is bytearray, which gpython lacks: a mutable sequence of
// bytes. Non-mutating methods reuse the bytes methods on a snapshot and
// convert bytes results back, as CPython's return bytearrays.
type byteArray struct{ b []byte }

var byteArrayType = py.NewType("bytearray", "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding) -> bytearray\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes")

func (a *byteArray) Type() *py.Type { return byteArrayType }

// bytesOf reads bytes or a bytearray.
func bytesOf(o py.Object) ([]byte, bool) {
	switch x := o.(type) {
	case py.Bytes:
		return x, true
	case *byteArray:
		return x.b, true
	}
	return nil, false
}

func newByteArray(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if n, ok := args[0].(py.Int); ok {
			if n < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "negative count")
			}
			return &byteArray{b: make([]byte, int(n))}, nil
		}
		if b, ok := bytesOf(args[0]); ok {
			return &byteArray{b: append([]byte(nil), b...)}, nil
		}
	}
	b, err := py.BytesType.New(py.BytesType, args, kwargs)
	if err != nil {
		return nil, err
	}
	return &byteArray{b: append([]byte(nil), b.(py.Bytes)...)}, nil
}

func byteValue(o py.Object) (byte, error) {
	i, err := py.IndexInt(o)
	if err != nil {
		return 0, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyobj.TypeName(o))
	}
	if i < 0 || i > 255 {
		return 0, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
	}
	return byte(i), nil
}

func (a *byteArray) M__len__() (py.Object, error) { return py.Int(len(a.b)), nil }

func (a *byteArray) M__bytes__() (py.Object, error) {
	return py.Bytes(append([]byte(nil), a.b...)), nil
}

func (a *byteArray) M__repr__() (py.Object, error) {
	r, err := py.Bytes(a.b).M__repr__()
	if err != nil {
		return nil, err
	}
	return py.String("bytearray(" + string(r.(py.String)) + ")"), nil
}

func (a *byteArray) M__str__() (py.Object, error) { return a.M__repr__() }

func (a *byteArray) M__iter__() (py.Object, error) {
	items := make(py.Tuple, len(a.b))
	for i, c := range a.b {
		items[i] = py.Int(c)
	}
	return py.NewIterator(items), nil
}

func (a *byteArray) M__contains__(item py.Object) (py.Object, error) {
	ok, err := pyobj.Contains(py.Bytes(a.b), item)
	return py.NewBool(ok), err
}

func (a *byteArray) M__getitem__(key py.Object) (py.Object, error) {
	r, err := bytesIndex(py.Bytes(a.b), key)
	if err != nil {
		if py.IsException(py.IndexError, err) {
			return nil, py.ExceptionNewf(py.IndexError, "bytearray index out of range")
		}
		return nil, err
	}
	if b, ok := r.(py.Bytes); ok {
		return &byteArray{b: b}, nil // a fresh copy already
	}
	return r, nil
}

func (a *byteArray) M__setitem__(key, value py.Object) (py.Object, error) {
	if s, ok := key.(*py.Slice); ok {
		// Reuse the list slice assignment: same rules, then back to bytes.
		l := listOfBytes(a.b)
		var items py.Object = value
		if b, ok := bytesOf(value); ok {
			items = listOfBytes(b)
		}
		if err := setListSlice(l, s, items); err != nil {
			return nil, err
		}
		out := make([]byte, len(l.Items))
		for i, o := range l.Items {
			c, err := byteValue(o)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		a.b = out
		return py.None, nil
	}
	i, err := py.IndexIntCheck(key, len(a.b))
	if err != nil {
		return nil, py.ExceptionNewf(py.IndexError, "bytearray index out of range")
	}
	c, err := byteValue(value)
	if err != nil {
		return nil, err
	}
	a.b[i] = c
	return py.None, nil
}

func (a *byteArray) M__delitem__(key py.Object) (py.Object, error) {
	l := listOfBytes(a.b)
	if s, ok := key.(*py.Slice); ok {
		if err := deleteListSlice(l, s); err != nil {
			return nil, err
		}
	} else {
		i, err := py.IndexIntCheck(key, len(a.b))
		if err != nil {
			return nil, py.ExceptionNewf(py.IndexError, "bytearray index out of range")
		}
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
	}
	a.b = a.b[:0]
	for _, o := range l.Items {
		a.b = append(a.b, byte(o.(py.Int)))
	}
	return py.None, nil
}

func listOfBytes(b []byte) *py.List {
	l := py.NewListSized(len(b))
	for i, c := range b {
		l.Items[i] = py.Int(c)
	}
	return l
}

func (a *byteArray) M__eq__(other py.Object) (py.Object, error) {
	if b, ok := bytesOf(other); ok {
		return py.NewBool(bytes.Equal(a.b, b)), nil
	}
	return py.NotImplemented, nil
}

func (a *byteArray) M__ne__(other py.Object) (py.Object, error) {
	if b, ok := bytesOf(other); ok {
		return py.NewBool(!bytes.Equal(a.b, b)), nil
	}
	return py.NotImplemented, nil
}

func (a *byteArray) M__add__(other py.Object) (py.Object, error) {
	if b, ok := bytesOf(other); ok {
		return &byteArray{b: append(append([]byte(nil), a.b...), b...)}, nil
	}
	return py.NotImplemented, nil
}

func (a *byteArray) M__iadd__(other py.Object) (py.Object, error) {
	if b, ok := bytesOf(other); ok {
		a.b = append(a.b, b...)
		return a, nil
	}
	return py.NotImplemented, nil
}

// bytesResult converts a bytes method's result for a bytearray receiver.
func bytesResult(r py.Object) py.Object {
	switch x := r.(type) {
	case py.Bytes:
		return &byteArray{b: append([]byte(nil), x...)}
	case *py.List:
		for i, item := range x.Items {
			x.Items[i] = bytesResult(item)
		}
	case py.Tuple:
		out := make(py.Tuple, len(x))
		for i, item := range x {
			out[i] = bytesResult(item)
		}
		return out
	}
	return r
}

func installByteArray() {
	byteArrayType.New = newByteArray
	d := byteArrayType.Dict
	// Non-mutating methods: the bytes implementation on a snapshot.
	for name, m := range py.BytesType.Dict {
		method, ok := m.(*py.Method)
		if !ok || name == "fromhex" {
			continue
		}
		d[name] = pyobj.Method(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			snapshot := py.Bytes(append([]byte(nil), self.(*byteArray).b...))
			var r py.Object
			var err error
			if kwargs != nil {
				r, err = method.CallWithKeywords(snapshot, args, kwargs)
			} else {
				r, err = method.Call(snapshot, args)
			}
			if err != nil {
				return nil, err
			}
			switch name {
			case "decode", "hex", "find", "rfind", "index", "rindex", "count":
				return r, nil
			}
			return bytesResult(r), nil
		})
	}
	d["append"] = pyobj.Method("append", func(self, item py.Object) (py.Object, error) {
		c, err := byteValue(item)
		if err != nil {
			return nil, err
		}
		a := self.(*byteArray)
		a.b = append(a.b, c)
		return py.None, nil
	})
	d["extend"] = pyobj.Method("extend", func(self, items py.Object) (py.Object, error) {
		a := self.(*byteArray)
		if b, ok := bytesOf(items); ok {
			a.b = append(a.b, b...)
			return py.None, nil
		}
		var add []byte
		err := pyobj.ForEach(items, func(item py.Object) (bool, error) {
			c, err := byteValue(item)
			add = append(add, c)
			return err != nil, err
		})
		if err != nil {
			return nil, err
		}
		a.b = append(a.b, add...)
		return py.None, nil
	})
	d["pop"] = pyobj.Method("pop", func(self py.Object, args py.Tuple) (py.Object, error) {
		a := self.(*byteArray)
		if len(a.b) == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty bytearray")
		}
		i := len(a.b) - 1
		if len(args) > 0 {
			var err error
			if i, err = py.IndexIntCheck(args[0], len(a.b)); err != nil {
				return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
			}
		}
		c := a.b[i]
		a.b = append(a.b[:i], a.b[i+1:]...)
		return py.Int(c), nil
	})
	d["insert"] = pyobj.Method("insert", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount("insert", args, 2, 2); err != nil {
			return nil, err
		}
		a := self.(*byteArray)
		i, err := py.IndexInt(args[0])
		if err != nil {
			return nil, err
		}
		c, err := byteValue(args[1])
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i = max(i+len(a.b), 0)
		}
		i = min(i, len(a.b))
		a.b = append(a.b[:i], append([]byte{c}, a.b[i:]...)...)
		return py.None, nil
	})
	d["remove"] = pyobj.Method("remove", func(self, item py.Object) (py.Object, error) {
		c, err := byteValue(item)
		if err != nil {
			return nil, err
		}
		a := self.(*byteArray)
		i := bytes.IndexByte(a.b, c)
		if i < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "value not found in bytearray")
		}
		a.b = append(a.b[:i], a.b[i+1:]...)
		return py.None, nil
	})
	d["reverse"] = pyobj.Method("reverse", func(self py.Object) (py.Object, error) {
		b := self.(*byteArray).b
		for l, r := 0, len(b)-1; l < r; l, r = l+1, r-1 {
			b[l], b[r] = b[r], b[l]
		}
		return py.None, nil
	})
	d["clear"] = pyobj.Method("clear", func(self py.Object) (py.Object, error) {
		self.(*byteArray).b = nil
		return py.None, nil
	})
	d["copy"] = pyobj.Method("copy", func(self py.Object) (py.Object, error) {
		return &byteArray{b: append([]byte(nil), self.(*byteArray).b...)}, nil
	})
}
