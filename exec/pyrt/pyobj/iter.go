package pyobj

import (
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// IsStopIteration reports whether err is (a subclass of) StopIteration.
func IsStopIteration(err error) bool {
	return py.IsException(py.StopIteration, err)
}

// ForEach calls fn for each item of the iterable obj. fn returns stop=true
// to end early. Errors raised by the iterator propagate (unlike py.Iterate,
// which cannot report them).
func ForEach(obj py.Object, fn func(item py.Object) (stop bool, err error)) error {
	switch x := obj.(type) {
	case py.Tuple:
		for _, item := range x {
			if stop, err := fn(item); stop || err != nil {
				return err
			}
		}
		return nil
	case *py.List:
		for i := 0; i < len(x.Items); i++ { // the list may change while we run
			if stop, err := fn(x.Items[i]); stop || err != nil {
				return err
			}
		}
		return nil
	case py.String:
		for _, r := range string(x) {
			var c py.String
			if r < utf8.RuneSelf {
				c = asciiChars[r]
			} else {
				c = py.String(string(r))
			}
			if stop, err := fn(c); stop || err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(obj)
	if err != nil {
		return err
	}
	for {
		item, err := py.Next(it)
		if err != nil {
			if IsStopIteration(err) {
				return nil
			}
			return err
		}
		if stop, err := fn(item); stop || err != nil {
			return err
		}
	}
}

// Items returns the items of the iterable obj as a fresh slice.
func Items(obj py.Object) ([]py.Object, error) {
	switch x := obj.(type) {
	case py.Tuple:
		return append([]py.Object(nil), x...), nil
	case *py.List:
		return append([]py.Object(nil), x.Items...), nil
	}
	var out []py.Object
	err := ForEach(obj, func(item py.Object) (bool, error) {
		out = append(out, item)
		return false, nil
	})
	return out, err
}

// sliceIter iterates over a snapshot of objects.
type sliceIter struct {
	items []py.Object
	pos   int
	typ   *py.Type
}

var iteratorType = py.NewType("iterator", "iterator")

func (it *sliceIter) Type() *py.Type {
	if it.typ != nil {
		return it.typ
	}
	return iteratorType
}
func (it *sliceIter) M__iter__() (py.Object, error) { return it, nil }
func (it *sliceIter) M__next__() (py.Object, error) {
	if it.pos >= len(it.items) {
		return nil, py.StopIteration
	}
	it.pos++
	return it.items[it.pos-1], nil
}

// NewIter returns an iterator over items.
func NewIter(items []py.Object) py.Object { return &sliceIter{items: items} }

// FuncIter is an iterator driven by a Go function returning (item, ok, err).
type FuncIter struct {
	Next func() (py.Object, bool, error)
	Typ  *py.Type
}

func (it *FuncIter) Type() *py.Type {
	if it.Typ != nil {
		return it.Typ
	}
	return iteratorType
}
func (it *FuncIter) M__iter__() (py.Object, error) { return it, nil }
func (it *FuncIter) M__next__() (py.Object, error) {
	v, ok, err := it.Next()
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, py.StopIteration
	}
	return v, nil
}

// CallMethod calls obj.name(*args).
func CallMethod(obj py.Object, name string, args ...py.Object) (py.Object, error) {
	fn, err := py.GetAttrString(obj, name)
	if err != nil {
		return nil, err
	}
	return py.Call(fn, py.Tuple(args), nil)
}

// Iter is iter(o), covering bytes (which gpython cannot iterate) and str
// (gpython's iterator indexes by code point from the start each step, which
// is quadratic).
func Iter(o py.Object) (py.Object, error) {
	if r, ok, err := CallClassHook(o, ClassIterHook); ok {
		if err != nil {
			return nil, err
		}
		return py.Iter(r)
	}
	if s, ok := o.(py.String); ok {
		str, pos := string(s), 0
		return &FuncIter{Typ: strIterType, Next: func() (py.Object, bool, error) {
			if pos >= len(str) {
				return nil, false, nil
			}
			r, size := utf8.DecodeRuneInString(str[pos:])
			var c py.String
			if r < utf8.RuneSelf {
				c = asciiChars[r]
			} else {
				c = py.String(str[pos : pos+size])
			}
			pos += size
			return c, true, nil
		}}, nil
	}
	if b, ok := o.(py.Bytes); ok {
		items := make([]py.Object, len(b))
		for i, c := range b {
			items[i] = py.Int(c)
		}
		return &sliceIter{items: items, typ: bytesIterType}, nil
	}
	it, err := py.Iter(o)
	if err != nil && py.IsException(py.TypeError, err) {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not iterable", TypeName(o))
	}
	return it, err
}

var (
	bytesIterType = py.NewType("bytes_iterator", "")
	strIterType   = py.NewType("str_ascii_iterator", "")
	asciiChars    [utf8.RuneSelf]py.String
)

func init() {
	for i := range asciiChars {
		asciiChars[i] = py.String(string(rune(i)))
	}
}
