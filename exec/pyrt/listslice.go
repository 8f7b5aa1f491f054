package pyrt

import (
	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// gpython's list slice assignment and deletion are wrong in ways that give
// silent wrong answers: a negative step assigns or deletes nothing,
// `a[0:0] = a` reads the list after truncating it, and a generator over the
// list being assigned sees it half rebuilt. These follow CPython's
// list_ass_slice / list_ass_subscript: the right-hand side is materialised
// first, then the list is rebuilt.

// setListSlice performs l[s] = value.
func setListSlice(l *py.List, s *py.Slice, value py.Object) error {
	start, stop, step, length, err := s.GetIndices(len(l.Items))
	if err != nil {
		return err
	}
	items, err := materialise(value, step == 1)
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		rebuilt := make([]py.Object, 0, len(l.Items)-(stop-start)+len(items))
		rebuilt = append(rebuilt, l.Items[:start]...)
		rebuilt = append(rebuilt, items...)
		rebuilt = append(rebuilt, l.Items[stop:]...)
		l.Items = rebuilt
		return nil
	}
	if len(items) != length {
		return py.ExceptionNewf(py.ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(items), length)
	}
	for k, item := range items {
		l.Items[start+k*step] = item
	}
	return nil
}

// deleteListSlice performs del l[s].
func deleteListSlice(l *py.List, s *py.Slice) error {
	start, _, step, length, err := s.GetIndices(len(l.Items))
	if err != nil {
		return err
	}
	if length <= 0 {
		return nil
	}
	if step < 0 {
		// The same set of indices, walked upwards.
		start += step * (length - 1)
		step = -step
	}
	kept := make([]py.Object, 0, len(l.Items)-length)
	next, removed := start, 0
	for i, item := range l.Items {
		if removed < length && i == next {
			removed++
			next += step
			continue
		}
		kept = append(kept, item)
	}
	l.Items = kept
	return nil
}

// materialise copies the items of an iterable before the list changes,
// with CPython's messages for a value that is not iterable.
func materialise(value py.Object, contiguous bool) ([]py.Object, error) {
	switch value.(type) {
	case *py.List, py.Tuple:
		return pyobj.Items(value)
	}
	it, err := py.Iter(value)
	if err != nil {
		if py.IsException(py.TypeError, err) {
			if contiguous {
				return nil, py.ExceptionNewf(py.TypeError, "can only assign an iterable")
			}
			return nil, py.ExceptionNewf(py.TypeError, "must assign iterable to extended slice")
		}
		return nil, err
	}
	return pyobj.Items(it)
}
