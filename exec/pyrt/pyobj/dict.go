package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// DictType is Python's dict: insertion ordered, any hashable key. Classes
// deriving from it get instances of *Dict whose cls is the subclass.
var DictType = py.NewType("dict", "dict() -> new empty dictionary")

// Dict is an insertion-ordered hash map with Python key semantics
// (1 == 1.0 == True are one key; user __hash__/__eq__ honoured).
type Dict struct {
	cls     *py.Type
	attrs   py.StringDict
	entries []dictEntry
	index   map[int64]int32 // hash -> first entry with that hash
	live    int
	version int // bumped on every insertion or removal, for iterators
}

type dictEntry struct {
	key, value py.Object
	hash       int64
	next       int32 // next entry with the same hash, -1 at the end
	dead       bool
}

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{cls: DictType} }

// NewDictSized returns an empty dict with room for n entries.
func NewDictSized(n int) *Dict {
	d := &Dict{cls: DictType, entries: make([]dictEntry, 0, n)}
	if n > smallDict {
		d.index = make(map[int64]int32, n)
	}
	return d
}

func (d *Dict) Type() *py.Type { return d.cls }

// GetDict gives subclass instances an attribute dictionary.
func (d *Dict) GetDict() py.StringDict {
	if d.attrs == nil {
		d.attrs = py.NewStringDict()
	}
	return d.attrs
}

// Len is the number of keys.
func (d *Dict) Len() int { return d.live }

// smallDict is the size up to which a dict has no index map and is
// searched linearly: most dicts (instance attributes, small literals) stay
// below it, which saves a map allocation per dict.
const smallDict = 8

func (d *Dict) find(key py.Object, h int64) (int, error) {
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.dead || e.hash != h {
				continue
			}
			eq, err := Equal(e.key, key)
			if err != nil {
				return -1, err
			}
			if eq {
				return i, nil
			}
		}
		return -1, nil
	}
	i, ok := d.index[h]
	if !ok {
		return -1, nil
	}
	for i >= 0 {
		e := &d.entries[i]
		if !e.dead {
			eq, err := Equal(e.key, key)
			if err != nil {
				return -1, err
			}
			if eq {
				return int(i), nil
			}
		}
		i = e.next
	}
	return -1, nil
}

// buildIndex links every entry into the hash index.
func (d *Dict) buildIndex() {
	d.index = make(map[int64]int32, len(d.entries))
	for i := range d.entries {
		e := &d.entries[i]
		e.next = -1
		if e.dead {
			continue
		}
		if head, ok := d.index[e.hash]; ok {
			e.next = head
		}
		d.index[e.hash] = int32(i)
	}
}

// Get returns the value for key and whether it was present.
func (d *Dict) Get(key py.Object) (py.Object, bool, error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	i, err := d.find(key, h)
	if err != nil || i < 0 {
		return nil, false, err
	}
	return d.entries[i].value, true, nil
}

// GetStr looks up a str key.
func (d *Dict) GetStr(key string) (py.Object, bool) {
	v, ok, _ := d.Get(py.String(key))
	return v, ok
}

// Set stores value under key, keeping the original position of an
// existing key.
func (d *Dict) Set(key, value py.Object) error {
	h, err := Hash(key)
	if err != nil {
		return err
	}
	return d.setHashed(key, value, h)
}

func (d *Dict) setHashed(key, value py.Object, h int64) error {
	i, err := d.find(key, h)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.entries[i].value = value
		return nil
	}
	d.entries = append(d.entries, dictEntry{key: key, value: value, hash: h, next: -1})
	d.live++
	d.version++
	if d.index != nil {
		if head, ok := d.index[h]; ok {
			d.entries[len(d.entries)-1].next = head
		}
		d.index[h] = int32(len(d.entries) - 1)
	} else if len(d.entries) > smallDict {
		d.buildIndex()
	}
	return nil
}

// Delete removes key, reporting whether it was present.
func (d *Dict) Delete(key py.Object) (py.Object, bool, error) {
	h, err := Hash(key)
	if err != nil {
		return nil, false, err
	}
	i, err := d.find(key, h)
	if err != nil || i < 0 {
		return nil, false, err
	}
	v := d.entries[i].value
	d.removeAt(i)
	return v, true, nil
}

func (d *Dict) removeAt(i int) {
	e := &d.entries[i]
	e.dead = true
	e.key, e.value = nil, nil
	d.live--
	d.version++
	if len(d.entries) > 16 && d.live < len(d.entries)/2 {
		d.compact()
	}
}

func (d *Dict) compact() {
	old := d.entries
	d.entries = make([]dictEntry, 0, d.live+d.live/2+1)
	for _, e := range old {
		if !e.dead {
			d.entries = append(d.entries, dictEntry{key: e.key, value: e.value, hash: e.hash, next: -1})
		}
	}
	d.index = nil
	if len(d.entries) > smallDict {
		d.buildIndex()
	}
}

// Clear removes every key.
func (d *Dict) Clear() {
	d.entries, d.index, d.live = nil, nil, 0
	d.version++
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []py.Object {
	out := make([]py.Object, 0, d.live)
	for _, e := range d.entries {
		if !e.dead {
			out = append(out, e.key)
		}
	}
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []py.Object {
	out := make([]py.Object, 0, d.live)
	for _, e := range d.entries {
		if !e.dead {
			out = append(out, e.value)
		}
	}
	return out
}

// Range calls fn for each (key, value) in order until fn returns false.
func (d *Dict) Range(fn func(k, v py.Object) bool) {
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if !e.dead && !fn(e.key, e.value) {
			return
		}
	}
}

// Copy returns a shallow copy (a plain dict).
func (d *Dict) Copy() *Dict {
	n := NewDictSized(d.live)
	for _, e := range d.entries {
		if !e.dead {
			_ = n.setHashed(e.key, e.value, e.hash)
		}
	}
	return n
}

// iterator over keys (kind 0), values (1) or items (2), failing like
// CPython if the dict changes size while iterating.
func (d *Dict) iter(kind int) py.Object {
	pos, size := 0, d.live
	return &FuncIter{Next: func() (py.Object, bool, error) {
		if d.live != size {
			return nil, false, py.ExceptionNewf(py.RuntimeError, "dictionary changed size during iteration")
		}
		for pos < len(d.entries) {
			e := d.entries[pos]
			pos++
			if e.dead {
				continue
			}
			switch kind {
			case 0:
				return e.key, true, nil
			case 1:
				return e.value, true, nil
			default:
				return py.Tuple{e.key, e.value}, true, nil
			}
		}
		return nil, false, nil
	}, Typ: dictIterTypes[kind]}
}

var dictIterTypes = [3]*py.Type{
	py.NewType("dict_keyiterator", ""),
	py.NewType("dict_valueiterator", ""),
	py.NewType("dict_itemiterator", ""),
}

// userMethod returns a method a dict subclass overrides (nil for plain
// dicts or when the subclass does not define it).
func (d *Dict) userMethod(name string) py.Object {
	if d.cls == DictType {
		return nil
	}
	for _, b := range d.cls.Mro {
		t := b.(*py.Type)
		if t == DictType {
			return nil
		}
		if fn, ok := t.Dict[name]; ok {
			return fn
		}
	}
	return nil
}

func (d *Dict) M__iter__() (py.Object, error) {
	if fn := d.userMethod("__iter__"); fn != nil {
		return CallBound(fn, d)
	}
	return d.iter(0), nil
}

func (d *Dict) M__len__() (py.Object, error) {
	if fn := d.userMethod("__len__"); fn != nil {
		return CallBound(fn, d)
	}
	return py.Int(d.live), nil
}

func (d *Dict) M__bool__() (py.Object, error) { return py.NewBool(d.live > 0), nil }

func (d *Dict) M__contains__(key py.Object) (py.Object, error) {
	if fn := d.userMethod("__contains__"); fn != nil {
		r, err := CallBound(fn, d, key)
		if err != nil {
			return nil, err
		}
		t, err := Truthy(r)
		return py.NewBool(t), err
	}
	_, ok, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	return py.NewBool(ok), nil
}

func (d *Dict) M__getitem__(key py.Object) (py.Object, error) {
	if fn := d.userMethod("__getitem__"); fn != nil {
		return CallBound(fn, d, key)
	}
	v, ok, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	if ok {
		return v, nil
	}
	if d.cls != DictType {
		if m := d.cls.Lookup("__missing__"); m != nil {
			return py.Call(m, py.Tuple{d, key}, nil)
		}
	}
	return nil, KeyError(key)
}

// KeyError builds KeyError(key) as CPython does.
func KeyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.NewStringDict()}
}

func (d *Dict) M__setitem__(key, value py.Object) (py.Object, error) {
	if fn := d.userMethod("__setitem__"); fn != nil {
		return CallBound(fn, d, key, value)
	}
	return py.None, d.Set(key, value)
}

func (d *Dict) M__delitem__(key py.Object) (py.Object, error) {
	if fn := d.userMethod("__delitem__"); fn != nil {
		return CallBound(fn, d, key)
	}
	_, ok, err := d.Delete(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, KeyError(key)
	}
	return py.None, nil
}

func (d *Dict) M__repr__() (py.Object, error) {
	if fn := d.userMethod("__repr__"); fn != nil {
		return CallBound(fn, d)
	}
	s, err := d.repr()
	return py.String(s), err
}

func (d *Dict) M__str__() (py.Object, error) { return d.M__repr__() }

func (d *Dict) repr() (string, error) {
	if !reprEnter(d) {
		return "{...}", nil
	}
	defer reprLeave(d)
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for i := 0; i < len(d.entries); i++ {
		e := d.entries[i]
		if e.dead {
			continue
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		k, err := Repr(e.key)
		if err != nil {
			return "", err
		}
		v, err := Repr(e.value)
		if err != nil {
			return "", err
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// AsDict views any mapping-like object as a *Dict (copying a StringDict).
func AsDict(o py.Object) (*Dict, bool) {
	switch m := o.(type) {
	case *Dict:
		return m, true
	case py.StringDict:
		d := NewDictSized(len(m))
		for _, k := range sortedKeys(m) {
			_ = d.Set(py.String(k), m[k])
		}
		return d, true
	}
	return nil, false
}

func (d *Dict) M__eq__(other py.Object) (py.Object, error) {
	o, ok := AsDict(other)
	if !ok {
		return py.NotImplemented, nil
	}
	if o.live != d.live {
		return py.False, nil
	}
	for _, e := range d.entries {
		if e.dead {
			continue
		}
		v, ok, err := o.Get(e.key)
		if err != nil {
			return nil, err
		}
		if !ok {
			return py.False, nil
		}
		eq, err := Equal(e.value, v)
		if err != nil {
			return nil, err
		}
		if !eq {
			return py.False, nil
		}
	}
	return py.True, nil
}

func (d *Dict) M__ne__(other py.Object) (py.Object, error) {
	r, err := d.M__eq__(other)
	if err != nil || r == py.NotImplemented {
		return r, err
	}
	return py.NewBool(r == py.False), nil
}

// M__or__ is dict | dict (3.9+).
func (d *Dict) M__or__(other py.Object) (py.Object, error) {
	o, ok := AsDict(other)
	if !ok {
		return py.NotImplemented, nil
	}
	n := d.Copy()
	if err := n.Update(o); err != nil {
		return nil, err
	}
	return n, nil
}

func (d *Dict) M__ior__(other py.Object) (py.Object, error) {
	if err := d.UpdateFrom(other); err != nil {
		return nil, err
	}
	return d, nil
}

// Update copies the entries of o into d.
func (d *Dict) Update(o *Dict) error {
	for i := 0; i < len(o.entries); i++ {
		e := o.entries[i]
		if !e.dead {
			if err := d.setHashed(e.key, e.value, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// UpdateFrom is dict.update(arg): a mapping (anything with keys()) or an
// iterable of pairs.
func (d *Dict) UpdateFrom(arg py.Object) error {
	if o, ok := AsDict(arg); ok {
		return d.Update(o)
	}
	if _, err := py.GetAttrString(arg, "keys"); err == nil {
		keys, err := CallMethod(arg, "keys")
		if err != nil {
			return err
		}
		return ForEach(keys, func(k py.Object) (bool, error) {
			v, err := py.GetItem(arg, k)
			if err != nil {
				return true, err
			}
			return false, d.Set(k, v)
		})
	}
	n := 0
	return ForEach(arg, func(item py.Object) (bool, error) {
		pair, err := Items(item)
		if err != nil {
			return true, py.ExceptionNewf(py.TypeError, "cannot convert dictionary update sequence element #%d to a sequence", n)
		}
		if len(pair) != 2 {
			return true, py.ExceptionNewf(py.ValueError, "dictionary update sequence element #%d has length %d; 2 is required", n, len(pair))
		}
		n++
		return false, d.Set(pair[0], pair[1])
	})
}

func dictNew(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := &Dict{cls: cls}
	if cls != DictType {
		d.attrs = py.NewStringDict()
	}
	return d, nil
}

func dictInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	d := self.(*Dict)
	if d.cls != DictType {
		if init := d.cls.Lookup("__init__"); init != nil && init != DictType.Dict["__init__"] {
			_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
			return err
		}
	}
	return dictUpdateArgs(d, args, kwargs, "dict")
}

func dictUpdateArgs(d *Dict, args py.Tuple, kwargs py.StringDict, name string) error {
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 1 {
		if err := d.UpdateFrom(args[0]); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(kwargs) {
		if err := d.Set(py.String(k), kwargs[k]); err != nil {
			return err
		}
	}
	return nil
}
