package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

type listMethod func(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error)

func installList(name string, f listMethod) {
	py.ListType.Dict[name] = py.MustNewMethod(name, pyobj.Guard(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		l, ok := self.(*py.List)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for 'list' objects doesn't apply to a '%s' object", name, pyobj.TypeName(self))
		}
		return f(l, args, kwargs)
	}), 0, "")
}

func seqIndex(name string, items []py.Object, args py.Tuple, what string) (py.Object, error) {
	if err := pyobj.ArgCount(name, args, 1, 3); err != nil {
		return nil, err
	}
	start, end, err := sliceBounds(args[1:], len(items))
	if err != nil {
		return nil, err
	}
	for i := start; i < end && i < len(items); i++ {
		eq, err := pyobj.Equal(items[i], args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return py.Int(i), nil
		}
	}
	if what == "list" {
		r, _ := pyobj.Repr(args[0])
		return nil, py.ExceptionNewf(py.ValueError, "%s is not in list", r)
	}
	return nil, py.ExceptionNewf(py.ValueError, "tuple.index(x): x not in tuple")
}

func seqCount(items []py.Object, args py.Tuple) (py.Object, error) {
	if err := pyobj.ArgCount("count", args, 1, 1); err != nil {
		return nil, err
	}
	n := 0
	for _, it := range items {
		eq, err := pyobj.Equal(it, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.Int(n), nil
}

func installListMethods() {
	installList("append", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("append", args, 1, 1); err != nil {
			return nil, err
		}
		l.Items = append(l.Items, args[0])
		return py.None, nil
	})
	installList("extend", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("extend", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := pyobj.Items(args[0])
		if err != nil {
			return nil, err
		}
		l.Items = append(l.Items, items...)
		return py.None, nil
	})
	installList("insert", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("insert", args, 2, 2); err != nil {
			return nil, err
		}
		i, err := py.IndexInt(args[0])
		if err != nil {
			return nil, err
		}
		n := len(l.Items)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.Items = append(l.Items, nil)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[1]
		return py.None, nil
	})
	installList("remove", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("remove", args, 1, 1); err != nil {
			return nil, err
		}
		for i, it := range l.Items {
			eq, err := pyobj.Equal(it, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
				return py.None, nil
			}
		}
		return nil, py.ExceptionNewf(py.ValueError, "list.remove(x): x not in list")
	})
	installList("pop", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if err := pyobj.ArgCount("pop", args, 0, 1); err != nil {
			return nil, err
		}
		n := len(l.Items)
		if n == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
		}
		i := n - 1
		if len(args) == 1 {
			var err error
			if i, err = py.IndexInt(args[0]); err != nil {
				return nil, err
			}
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
			}
		}
		v := l.Items[i]
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return v, nil
	})
	installList("index", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return seqIndex("index", l.Items, args, "list")
	})
	installList("count", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return seqCount(l.Items, args)
	})
	installList("reverse", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return py.None, nil
	})
	installList("copy", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		return py.NewListFromItems(append([]py.Object(nil), l.Items...)), nil
	})
	installList("clear", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		l.Items = l.Items[:0:0]
		return py.None, nil
	})
	installList("sort", func(l *py.List, args py.Tuple, kw py.StringDict) (py.Object, error) {
		if len(args) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "sort() takes no positional arguments")
		}
		key, reverse, err := sortArgs(kw)
		if err != nil {
			return nil, err
		}
		items := append([]py.Object(nil), l.Items...)
		if err := pyobj.SortObjects(items, key, reverse); err != nil {
			return nil, err
		}
		copy(l.Items, items)
		return py.None, nil
	})
}

func installTupleMethods() {
	py.TupleType.Dict["index"] = pyobj.Method("index", func(self py.Object, args py.Tuple) (py.Object, error) {
		return seqIndex("index", self.(py.Tuple), args, "tuple")
	})
	py.TupleType.Dict["count"] = pyobj.Method("count", func(self py.Object, args py.Tuple) (py.Object, error) {
		return seqCount(self.(py.Tuple), args)
	})
	py.BytesType.Dict["decode"] = pyobj.Method("decode", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		b := self.(py.Bytes)
		enc := "utf-8"
		if len(args) > 0 {
			e, err := strArg("decode", args[0])
			if err != nil {
				return nil, err
			}
			enc = e
		}
		if v, ok := kwargs["encoding"]; ok {
			e, err := strArg("decode", v)
			if err != nil {
				return nil, err
			}
			enc = e
		}
		return decode(b, enc)
	})
	// send() hands on the return value of a finished generator; close()
	// and throw() are in genthrow.go.
	py.GeneratorType.Dict["send"] = pyobj.Method("send", func(self, value py.Object) (py.Object, error) {
		g := self.(*py.Generator)
		r, err := g.Send(value)
		if err == error(py.StopIteration) {
			return nil, stopIteration(generatorResult(g))
		}
		return r, err
	})
	py.GeneratorType.Dict["close"] = pyobj.Method("close", func(self py.Object) (py.Object, error) {
		return py.None, generatorClose(self.(*py.Generator))
	})
	py.GeneratorType.Dict["throw"] = pyobj.Method("throw", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := pyobj.ArgCount("throw", args, 1, 3); err != nil {
			return nil, err
		}
		exc := args[0]
		if t, ok := exc.(*py.Type); ok {
			var err error
			switch {
			case len(args) > 1 && isInstanceOf(args[1], t):
				exc = args[1] // throw(type, instance): the instance itself
			case len(args) > 1 && args[1] != py.None:
				exc, err = py.Call(t, py.Tuple{args[1]}, nil)
			default:
				exc, err = py.Call(t, nil, nil)
			}
			if err != nil {
				return nil, err
			}
		}
		e, ok := exc.(*py.Exception)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "exceptions must derive from BaseException")
		}
		return generatorThrow(self.(*py.Generator), e)
	})
	rangeFind := func(r *py.Range, x py.Object) (int64, bool) {
		v, ok := x.(py.Int)
		if b, isBool := x.(py.Bool); isBool {
			v, ok = boolToInt(b).(py.Int), true
		}
		if !ok || r.Length == 0 {
			return 0, false
		}
		d := int64(v) - int64(r.Start)
		if d%int64(r.Step) != 0 {
			return 0, false
		}
		i := d / int64(r.Step)
		return i, i >= 0 && i < int64(r.Length)
	}
	py.RangeType.Dict["index"] = pyobj.Method("index", func(self, x py.Object) (py.Object, error) {
		if i, ok := rangeFind(self.(*py.Range), x); ok {
			return py.Int(i), nil
		}
		r, _ := pyobj.Repr(x)
		return nil, py.ExceptionNewf(py.ValueError, "%s is not in range", r)
	})
	py.RangeType.Dict["count"] = pyobj.Method("count", func(self, x py.Object) (py.Object, error) {
		if _, ok := rangeFind(self.(*py.Range), x); ok {
			return py.Int(1), nil
		}
		return py.Int(0), nil
	})
	py.SliceType.Dict["indices"] = pyobj.Method("indices", func(self, n py.Object) (py.Object, error) {
		length, err := py.IndexInt(n)
		if err != nil {
			return nil, err
		}
		if length < 0 {
			return nil, py.ExceptionNewf(py.ValueError, "length should not be negative")
		}
		start, stop, step, _, err := self.(*py.Slice).GetIndices(length)
		if err != nil {
			return nil, err
		}
		return py.Tuple{py.Int(start), py.Int(stop), py.Int(step)}, nil
	})
	py.BytesType.Dict["hex"] = pyobj.Method("hex", func(self py.Object) (py.Object, error) {
		const digits = "0123456789abcdef"
		b := self.(py.Bytes)
		out := make([]byte, 0, 2*len(b))
		for _, c := range b {
			out = append(out, digits[c>>4], digits[c&15])
		}
		return py.String(out), nil
	})
}

func finishGenerator(g *py.Generator) {
	if g.Frame.Lasti == 0 {
		g.Frame.Lasti = 1
	}
	g.Frame.Yielded = false
}
