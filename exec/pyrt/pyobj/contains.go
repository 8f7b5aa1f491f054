package pyobj

import (
	"bytes"
	"strings"

	"github.com/go-python/gpython/py"
)

// Contains is `item in container`.
func Contains(container, item py.Object) (bool, error) {
	switch c := container.(type) {
	case py.String:
		s, ok := item.(py.String)
		if !ok {
			return false, py.ExceptionNewf(py.TypeError, "'in <string>' requires string as left operand, not %s", TypeName(item))
		}
		return strings.Contains(string(c), string(s)), nil
	case py.Bytes:
		switch x := item.(type) {
		case py.Bytes:
			return bytes.Contains(c, x), nil
		case py.Int:
			if x < 0 || x > 255 {
				return false, py.ExceptionNewf(py.ValueError, "byte must be in range(0, 256)")
			}
			return bytes.IndexByte(c, byte(x)) >= 0, nil
		}
		return false, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", TypeName(item))
	case py.Tuple:
		return seqContains(c, item)
	case *py.List:
		return seqContains(c.Items, item)
	case *Dict:
		_, ok, err := c.Get(item)
		return ok, err
	case *Set:
		return c.contains(item)
	case *FrozenSet:
		return c.contains(item)
	}
	if r, ok, err := CallClassHook(container, ClassContainsHook, item); ok {
		if err != nil {
			return false, err
		}
		return Truthy(r)
	}
	if i, ok := container.(py.I__contains__); ok {
		r, err := i.M__contains__(item)
		if err != nil {
			return false, err
		}
		return Truthy(r)
	}
	if _, err := py.Iter(container); err != nil {
		return false, py.ExceptionNewf(py.TypeError, "argument of type '%s' is not iterable", TypeName(container))
	}
	found := false
	err := ForEach(container, func(x py.Object) (bool, error) {
		eq, err := Equal(x, item)
		found = eq
		return eq, err
	})
	return found, err
}

func seqContains(items []py.Object, item py.Object) (bool, error) {
	for _, x := range items {
		eq, err := Equal(x, item)
		if err != nil {
			return false, err
		}
		if eq {
			return true, nil
		}
	}
	return false, nil
}
