package pyrt

import (
	"strconv"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// newType makes a readied builtin type (gpython readies only the types
// created before its own init).
func newType(name string) *py.Type {
	t := py.NewType(name, "")
	if err := t.Ready(); err != nil {
		panic(err)
	}
	return t
}

var (
	enumerateType = newType("enumerate")
	zipType       = newType("zip")
	mapType       = newType("map")
	filterType    = newType("filter")
	reversedType  = newType("reversed")
)

func installIteratorTypes() {
	enumerateType.New = enumerateNew
	zipType.New = zipNew
	mapType.New = mapNew
	filterType.New = filterNew
	reversedType.New = reversedNew
}

func nextOf(it py.Object) (py.Object, bool, error) {
	v, err := py.Next(it)
	if err != nil {
		if pyobj.IsStopIteration(err) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return v, true, nil
}

func enumerateNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	var start py.Object = py.Int(0)
	if s, ok := kwargs["start"]; ok {
		start = s
	}
	if err := pyobj.ArgCount("enumerate", args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 2 {
		start = args[1]
	}
	it, err := iterOf(args[0])
	if err != nil {
		return nil, err
	}
	i := start
	if _, err := py.Index(i); err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyobj.TypeName(i))
	}
	return &pyobj.FuncIter{Typ: enumerateType, Next: func() (py.Object, bool, error) {
		v, ok, err := nextOf(it)
		if !ok || err != nil {
			return nil, false, err
		}
		cur := i
		i, err = py.Add(i, py.Int(1))
		return py.Tuple{cur, v}, true, err
	}}, nil
}

func zipNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	strict := false
	if s, ok := kwargs["strict"]; ok {
		strict, _ = pyobj.Truthy(s)
	}
	its := make([]py.Object, len(args))
	for i, a := range args {
		it, err := py.Iter(a)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "zip argument #%d must support iteration", i+1)
		}
		its[i] = it
	}
	done := false
	return &pyobj.FuncIter{Typ: zipType, Next: func() (py.Object, bool, error) {
		if done || len(its) == 0 {
			return nil, false, nil
		}
		out := make(py.Tuple, len(its))
		for i, it := range its {
			v, ok, err := nextOf(it)
			if err != nil {
				return nil, false, err
			}
			if !ok {
				done = true
				if strict {
					if i > 0 {
						return nil, false, py.ExceptionNewf(py.ValueError, "zip() argument %d is shorter than argument%s 1%s", i+1, plural(i), rangeSuffix(i))
					}
					for j := 1; j < len(its); j++ {
						if _, ok, _ := nextOf(its[j]); ok {
							return nil, false, py.ExceptionNewf(py.ValueError, "zip() argument %d is longer than argument%s 1%s", j+1, plural(j), rangeSuffix(j))
						}
					}
				}
				return nil, false, nil
			}
			out[i] = v
		}
		return out, true, nil
	}}, nil
}

func plural(i int) string {
	if i > 1 {
		return "s"
	}
	return ""
}

func rangeSuffix(i int) string {
	if i > 1 {
		return "-" + strconv.Itoa(i)
	}
	return ""
}

func mapNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) < 2 {
		return nil, py.ExceptionNewf(py.TypeError, "map() must have at least two arguments.")
	}
	f := args[0]
	its := make([]py.Object, len(args)-1)
	for i, a := range args[1:] {
		it, err := iterOf(a)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return &pyobj.FuncIter{Typ: mapType, Next: func() (py.Object, bool, error) {
		call := make(py.Tuple, len(its))
		for i, it := range its {
			v, ok, err := nextOf(it)
			if !ok || err != nil {
				return nil, false, err
			}
			call[i] = v
		}
		r, err := py.Call(f, call, nil)
		if err != nil {
			return nil, false, err
		}
		return r, true, nil
	}}, nil
}

func filterNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("filter", args, 2, 2); err != nil {
		return nil, err
	}
	f := args[0]
	it, err := iterOf(args[1])
	if err != nil {
		return nil, err
	}
	return &pyobj.FuncIter{Typ: filterType, Next: func() (py.Object, bool, error) {
		for {
			v, ok, err := nextOf(it)
			if !ok || err != nil {
				return nil, false, err
			}
			test := v
			if f != py.None {
				if test, err = py.Call(f, py.Tuple{v}, nil); err != nil {
					return nil, false, err
				}
			}
			t, err := pyobj.Truthy(test)
			if err != nil {
				return nil, false, err
			}
			if t {
				return v, true, nil
			}
		}
	}}, nil
}

func reversedNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("reversed", args, 1, 1); err != nil {
		return nil, err
	}
	seq := args[0]
	var items []py.Object
	switch s := seq.(type) {
	case py.Tuple:
		items = s
	case *py.List:
		// A reversed list iterator sees later changes by index, as in
		// CPython; snapshotting is close enough for length-stable use.
		items = s.Items
	case py.String:
		for _, r := range string(s) {
			items = append(items, py.String(string(r)))
		}
	case *pyobj.Dict:
		items = s.Keys()
	case *py.Range:
		return reversedRange(s)
	case *pyobj.Instance:
		if r, err := pyobj.GetAttr(s, "__reversed__"); err == nil {
			return py.Call(r, nil, nil)
		}
		n, err := py.Len(s)
		if err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", pyobj.TypeName(seq))
		}
		i, _ := py.MakeGoInt(n)
		return &pyobj.FuncIter{Typ: reversedType, Next: func() (py.Object, bool, error) {
			i--
			if i < 0 {
				return nil, false, nil
			}
			v, err := py.GetItem(s, py.Int(i))
			return v, err == nil, err
		}}, nil
	default:
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not reversible", pyobj.TypeName(seq))
	}
	i := len(items)
	return &pyobj.FuncIter{Typ: reversedType, Next: func() (py.Object, bool, error) {
		i--
		if i < 0 || i >= len(items) {
			return nil, false, nil
		}
		return items[i], true, nil
	}}, nil
}

func reversedRange(r *py.Range) (py.Object, error) {
	n := int64(r.Length)
	i := n
	return &pyobj.FuncIter{Typ: reversedType, Next: func() (py.Object, bool, error) {
		i--
		if i < 0 {
			return nil, false, nil
		}
		return py.Int(int64(r.Start) + i*int64(r.Step)), true, nil
	}}, nil
}
