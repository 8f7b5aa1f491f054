package pyobj

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// SetType and FrozenSetType are Python's set and frozenset. The table is a
// port of CPython's setobject.c (open addressing, linear probes then
// perturbation, same resize policy), so that iteration order, and hence what
// print({...}) shows, matches CPython for keys whose hashes match (ints,
// floats, tuples of them).
var (
	SetType       = py.NewType("set", "set() -> new empty set object")
	FrozenSetType = py.NewType("frozenset", "frozenset() -> empty frozenset object")
)

const (
	setMinSize   = 8
	linearProbes = 9
	perturbShift = 5
	dummyHash    = -1
)

type setEntry struct {
	key  py.Object // nil: unused; dummy: deleted
	hash int64
}

var dummy py.Object = py.String("<dummy>")

// table is the shared implementation of set and frozenset.
type table struct {
	slots  []setEntry
	fill   int // active + dummy
	used   int // active
	finger int
}

func (t *table) mask() uint64 { return uint64(len(t.slots) - 1) }

func isDummy(e *setEntry) bool { return e.key != nil && e.hash == dummyHash && e.key == dummy }

func (t *table) init() {
	if t.slots == nil {
		t.slots = make([]setEntry, setMinSize)
	}
}

// lookup returns the slot index holding key, or -1.
func (t *table) lookup(key py.Object, h int64) (int, error) {
	if t.slots == nil {
		return -1, nil
	}
	mask := t.mask()
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		probes := uint64(0)
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &t.slots[j]
			if e.key == nil {
				return -1, nil
			}
			if e.hash == h && !isDummy(e) {
				eq, err := Equal(e.key, key)
				if err != nil {
					return -1, err
				}
				if eq {
					return int(j), nil
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// add inserts key; it reports whether the key was new.
func (t *table) add(key py.Object, h int64) (bool, error) {
	t.init()
restart:
	mask := t.mask()
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := uint64(0)
		if i+linearProbes <= mask {
			probes = linearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &t.slots[j]
			if e.key == nil {
				if free >= 0 {
					t.slots[free] = setEntry{key: key, hash: h}
					t.used++
					return true, nil
				}
				*e = setEntry{key: key, hash: h}
				t.fill++
				t.used++
				if uint64(t.fill)*5 >= mask*3 {
					n := t.used * 4
					if t.used > 50000 {
						n = t.used * 2
					}
					t.resize(n)
				}
				return true, nil
			}
			if isDummy(e) {
				if free < 0 {
					free = int(j)
				}
			} else if e.hash == h {
				startkey := e.key
				slots := t.slots
				eq, err := Equal(startkey, key)
				if err != nil {
					return false, err
				}
				if eq {
					return false, nil
				}
				if &slots[0] != &t.slots[0] || t.slots[j].key != startkey {
					goto restart
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// AddConstants builds the set a constant display ({1, 2, 3}) gives in
// CPython 3.11: the compiler folds the items into a frozenset constant,
// rebuilds it once when merging constants, and the display merges that
// into an empty set; each step can change the iteration order.
func (s *Set) AddConstants(items []py.Object) error {
	f1 := &table{}
	for _, it := range items {
		h, err := Hash(it)
		if err != nil {
			return err
		}
		if _, err := f1.add(it, h); err != nil {
			return err
		}
	}
	f2 := &table{}
	for _, k := range f1.keys() {
		h, _ := Hash(k)
		if _, err := f2.add(k, h); err != nil {
			return err
		}
	}
	return s.merge(f2)
}

func (t *table) insertClean(slots []setEntry, key py.Object, h int64) {
	mask := uint64(len(slots) - 1)
	perturb := uint64(h)
	i := uint64(h) & mask
	for {
		if slots[i].key == nil {
			slots[i] = setEntry{key: key, hash: h}
			return
		}
		if i+linearProbes <= mask {
			for j := i + 1; j <= i+linearProbes; j++ {
				if slots[j].key == nil {
					slots[j] = setEntry{key: key, hash: h}
					return
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func (t *table) resize(minused int) {
	size := setMinSize
	for size <= minused {
		size <<= 1
	}
	old := t.slots
	t.slots = make([]setEntry, size)
	for i := range old {
		e := &old[i]
		if e.key != nil && !isDummy(e) {
			t.insertClean(t.slots, e.key, e.hash)
		}
	}
	t.fill = t.used
}

func (t *table) discard(key py.Object, h int64) (bool, error) {
	i, err := t.lookup(key, h)
	if err != nil || i < 0 {
		return false, err
	}
	t.slots[i] = setEntry{key: dummy, hash: dummyHash}
	t.used--
	return true, nil
}

func (t *table) keys() []py.Object {
	out := make([]py.Object, 0, t.used)
	for i := range t.slots {
		e := &t.slots[i]
		if e.key != nil && !isDummy(e) {
			out = append(out, e.key)
		}
	}
	return out
}

func (t *table) contains(key py.Object) (bool, error) {
	h, err := Hash(key)
	if err != nil {
		// CPython retries a set key as a frozenset.
		if s, ok := key.(*Set); ok {
			return t.contains(&FrozenSet{table: s.copyTable()})
		}
		return false, err
	}
	i, err := t.lookup(key, h)
	return i >= 0, err
}

func (t *table) copyTable() table {
	n := table{slots: make([]setEntry, len(t.slots)), fill: t.fill, used: t.used}
	copy(n.slots, t.slots)
	return n
}

// merge adds the keys of another table (CPython's set_merge).
func (t *table) merge(o *table) error {
	if o.used == 0 {
		return nil
	}
	t.init()
	if uint64(t.fill+o.used)*5 >= t.mask()*3 {
		t.resize((t.used + o.used) * 2)
	}
	if t.fill == 0 && len(t.slots) == len(o.slots) && o.fill == o.used {
		copy(t.slots, o.slots)
		t.fill, t.used = o.used, o.used
		return nil
	}
	if t.fill == 0 {
		for i := range o.slots {
			e := &o.slots[i]
			if e.key != nil && !isDummy(e) {
				t.insertClean(t.slots, e.key, e.hash)
			}
		}
		t.fill, t.used = o.used, o.used
		return nil
	}
	for i := range o.slots {
		e := &o.slots[i]
		if e.key != nil && !isDummy(e) {
			if _, err := t.add(e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// addFrom adds every element of an iterable (CPython's set_update_internal).
func (t *table) addFrom(it py.Object) error {
	switch o := it.(type) {
	case *Set:
		return t.merge(&o.table)
	case *FrozenSet:
		return t.merge(&o.table)
	case *Dict:
		t.init()
		if uint64(t.fill+o.live)*5 >= t.mask()*3 {
			t.resize((t.used + o.live) * 2)
		}
		for _, e := range o.entries {
			if !e.dead {
				if _, err := t.add(e.key, e.hash); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return ForEach(it, func(item py.Object) (bool, error) {
		h, err := Hash(item)
		if err != nil {
			return true, err
		}
		_, err = t.add(item, h)
		return false, err
	})
}

func (t *table) iter(owner py.Object) py.Object {
	pos, size := 0, t.used
	return &FuncIter{Next: func() (py.Object, bool, error) {
		if t.used != size {
			return nil, false, py.ExceptionNewf(py.RuntimeError, "Set changed size during iteration")
		}
		for pos < len(t.slots) {
			e := &t.slots[pos]
			pos++
			if e.key != nil && !isDummy(e) {
				return e.key, true, nil
			}
		}
		return nil, false, nil
	}, Typ: setIterType}
}

var setIterType = py.NewType("set_iterator", "")

func (t *table) reprBody() (string, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range t.keys() {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := Repr(k)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte('}')
	return b.String(), nil
}

// Set is Python's mutable set.
type Set struct {
	table
	cls   *py.Type
	attrs py.StringDict
}

// FrozenSet is Python's frozenset.
type FrozenSet struct {
	table
	cls *py.Type
}

// NewSet returns an empty set.
func NewSet() *Set { return &Set{cls: SetType} }

// NewFrozenSet returns an empty frozenset.
func NewFrozenSet() *FrozenSet { return &FrozenSet{cls: FrozenSetType} }

// SetFrom builds a set from an iterable.
func SetFrom(it py.Object) (*Set, error) {
	s := NewSet()
	return s, s.addFrom(it)
}

// FrozenSetFrom builds a frozenset from an iterable.
func FrozenSetFrom(it py.Object) (*FrozenSet, error) {
	s := NewFrozenSet()
	return s, s.addFrom(it)
}

func (s *Set) Type() *py.Type {
	if s.cls == nil {
		return SetType
	}
	return s.cls
}

func (s *FrozenSet) Type() *py.Type {
	if s.cls == nil {
		return FrozenSetType
	}
	return s.cls
}

func (s *Set) GetDict() py.StringDict {
	if s.attrs == nil {
		s.attrs = py.NewStringDict()
	}
	return s.attrs
}

// Add inserts an element.
func (s *Set) Add(key py.Object) error {
	h, err := Hash(key)
	if err != nil {
		return err
	}
	_, err = s.add(key, h)
	return err
}

// Contains reports membership.
func (s *Set) Contains(key py.Object) (bool, error) { return s.contains(key) }

// Elements returns the elements in iteration order.
func (s *Set) Elements() []py.Object { return s.keys() }

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

// Elements returns the elements in iteration order.
func (s *FrozenSet) Elements() []py.Object { return s.keys() }

func (s *Set) M__iter__() (py.Object, error)       { return s.iter(s), nil }
func (s *FrozenSet) M__iter__() (py.Object, error) { return s.iter(s), nil }
func (s *Set) M__len__() (py.Object, error)        { return py.Int(s.used), nil }
func (s *FrozenSet) M__len__() (py.Object, error)  { return py.Int(s.used), nil }
func (s *Set) M__bool__() (py.Object, error)       { return py.NewBool(s.used > 0), nil }
func (s *FrozenSet) M__bool__() (py.Object, error) { return py.NewBool(s.used > 0), nil }

func (s *Set) M__contains__(k py.Object) (py.Object, error) {
	ok, err := s.contains(k)
	return py.NewBool(ok), err
}

func (s *FrozenSet) M__contains__(k py.Object) (py.Object, error) {
	ok, err := s.contains(k)
	return py.NewBool(ok), err
}

func (s *Set) M__repr__() (py.Object, error) {
	name := s.Type().Name
	if s.used == 0 {
		return py.String(name + "()"), nil
	}
	if !reprEnter(s) {
		return py.String(name + "(...)"), nil
	}
	defer reprLeave(s)
	body, err := s.reprBody()
	if err != nil {
		return nil, err
	}
	if s.Type() != SetType {
		return py.String(name + "(" + body + ")"), nil
	}
	return py.String(body), nil
}

func (s *FrozenSet) M__repr__() (py.Object, error) {
	name := s.Type().Name
	if s.used == 0 {
		return py.String(name + "()"), nil
	}
	body, err := s.reprBody()
	if err != nil {
		return nil, err
	}
	return py.String(name + "(" + body + ")"), nil
}

func (s *Set) M__str__() (py.Object, error)       { return s.M__repr__() }
func (s *FrozenSet) M__str__() (py.Object, error) { return s.M__repr__() }

// hash is CPython's frozenset_hash.
func (s *FrozenSet) hash() (int64, error) {
	var h uint64
	shuffle := func(x uint64) uint64 { return ((x ^ 89869747) ^ (x << 16)) * 3644798167 }
	for i := range s.slots {
		e := &s.slots[i]
		if e.key != nil && !isDummy(e) {
			h ^= shuffle(uint64(e.hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	return int64(h), nil
}

func setNew(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return &Set{cls: cls}, nil
}

func setInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	s := self.(*Set)
	if s.cls != SetType {
		if init := s.cls.Lookup("__init__"); init != nil && init != SetType.Dict["__init__"] {
			_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
			return err
		}
	}
	if len(kwargs) > 0 {
		return py.ExceptionNewf(py.TypeError, "set() takes no keyword arguments")
	}
	if err := ArgCount("set", args, 0, 1); err != nil {
		return err
	}
	if len(args) == 1 {
		s.table = table{}
		return s.addFrom(args[0])
	}
	return nil
}

func frozenSetNew(cls *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "frozenset() takes no keyword arguments")
	}
	if err := ArgCount("frozenset", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 1 && cls == FrozenSetType {
		if f, ok := args[0].(*FrozenSet); ok && f.Type() == FrozenSetType {
			return f, nil
		}
	}
	s := &FrozenSet{cls: cls}
	if len(args) == 1 {
		if err := s.addFrom(args[0]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// setLike returns the table of a set or frozenset.
func setLike(o py.Object) (*table, bool) {
	switch s := o.(type) {
	case *Set:
		return &s.table, true
	case *FrozenSet:
		return &s.table, true
	}
	return nil, false
}
