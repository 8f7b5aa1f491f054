package pyobj

import (
	"github.com/go-python/gpython/py"
)

// The set algebra follows setobject.c so results iterate in CPython's order.

func (t *table) clone() *table {
	n := &table{}
	_ = n.merge(t)
	return n
}

// tableOf views an iterable as a table (sets directly, else a new one).
func tableOf(o py.Object) (*table, error) {
	if t, ok := setLike(o); ok {
		return t, nil
	}
	n := &table{}
	return n, n.addFrom(o)
}

func unionTables(a *table, others ...py.Object) (*table, error) {
	r := a.clone()
	for _, o := range others {
		if err := r.addFrom(o); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func intersectTables(a *table, other py.Object) (*table, error) {
	r := &table{}
	if b, ok := setLike(other); ok {
		small, big := b, a
		if a.used < b.used {
			small, big = a, b
		}
		for i := range small.slots {
			e := &small.slots[i]
			if e.key == nil || isDummy(e) {
				continue
			}
			j, err := big.lookup(e.key, e.hash)
			if err != nil {
				return nil, err
			}
			if j >= 0 {
				if _, err := r.add(e.key, e.hash); err != nil {
					return nil, err
				}
			}
		}
		return r, nil
	}
	err := ForEach(other, func(k py.Object) (bool, error) {
		h, err := Hash(k)
		if err != nil {
			return true, err
		}
		j, err := a.lookup(k, h)
		if err != nil {
			return true, err
		}
		if j >= 0 {
			_, err = r.add(k, h)
		}
		return false, err
	})
	return r, err
}

func differenceTables(a *table, other py.Object) (*table, error) {
	b, isSet := setLike(other)
	if !isSet || a.used>>2 > b.used {
		r := a.clone()
		return r, r.discardAll(other)
	}
	r := &table{}
	for i := range a.slots {
		e := &a.slots[i]
		if e.key == nil || isDummy(e) {
			continue
		}
		j, err := b.lookup(e.key, e.hash)
		if err != nil {
			return nil, err
		}
		if j < 0 {
			if _, err := r.add(e.key, e.hash); err != nil {
				return nil, err
			}
		}
	}
	return r, nil
}

func (t *table) discardAll(other py.Object) error {
	return ForEach(other, func(k py.Object) (bool, error) {
		h, err := Hash(k)
		if err != nil {
			return true, err
		}
		_, err = t.discard(k, h)
		return false, err
	})
}

func (t *table) symmetricUpdate(other py.Object) error {
	o, err := tableOf(other)
	if err != nil {
		return err
	}
	if o == t {
		*t = table{}
		return nil
	}
	for _, k := range o.keys() {
		h, _ := Hash(k)
		removed, err := t.discard(k, h)
		if err != nil {
			return err
		}
		if !removed {
			if _, err := t.add(k, h); err != nil {
				return err
			}
		}
	}
	return nil
}

func symmetricTables(a *table, other py.Object) (*table, error) {
	r := &table{}
	if err := r.addFrom(other); err != nil {
		return nil, err
	}
	return r, r.symmetricUpdate(&FrozenSet{table: *a})
}

func (t *table) isSubset(o *table) (bool, error) {
	if t.used > o.used {
		return false, nil
	}
	for _, k := range t.keys() {
		h, _ := Hash(k)
		j, err := o.lookup(k, h)
		if err != nil || j < 0 {
			return false, err
		}
	}
	return true, nil
}

func (t *table) equal(o *table) (bool, error) {
	if t.used != o.used {
		return false, nil
	}
	return t.isSubset(o)
}

// wrap returns a new set of the same kind as self (set or frozenset).
func wrap(self py.Object, t *table) py.Object {
	if _, ok := self.(*FrozenSet); ok {
		return &FrozenSet{table: *t, cls: FrozenSetType}
	}
	return &Set{table: *t, cls: SetType}
}

func setBinop(self, other py.Object, f func(a *table, b py.Object) (*table, error)) (py.Object, error) {
	a, _ := setLike(self)
	if _, ok := setLike(other); !ok {
		return py.NotImplemented, nil
	}
	r, err := f(a, other)
	if err != nil {
		return nil, err
	}
	return wrap(self, r), nil
}

func union1(a *table, b py.Object) (*table, error) { return unionTables(a, b) }

func (s *Set) M__or__(o py.Object) (py.Object, error)        { return setBinop(s, o, union1) }
func (s *Set) M__and__(o py.Object) (py.Object, error)       { return setBinop(s, o, intersectTables) }
func (s *Set) M__sub__(o py.Object) (py.Object, error)       { return setBinop(s, o, differenceTables) }
func (s *Set) M__xor__(o py.Object) (py.Object, error)       { return setBinop(s, o, symmetricTables) }
func (s *FrozenSet) M__or__(o py.Object) (py.Object, error)  { return setBinop(s, o, union1) }
func (s *FrozenSet) M__and__(o py.Object) (py.Object, error) { return setBinop(s, o, intersectTables) }
func (s *FrozenSet) M__sub__(o py.Object) (py.Object, error) { return setBinop(s, o, differenceTables) }
func (s *FrozenSet) M__xor__(o py.Object) (py.Object, error) { return setBinop(s, o, symmetricTables) }

func (s *Set) M__ior__(o py.Object) (py.Object, error) {
	if _, ok := setLike(o); !ok {
		return py.NotImplemented, nil
	}
	return s, s.addFrom(o)
}

func (s *Set) M__iand__(o py.Object) (py.Object, error) {
	if _, ok := setLike(o); !ok {
		return py.NotImplemented, nil
	}
	r, err := intersectTables(&s.table, o)
	if err != nil {
		return nil, err
	}
	s.table = *r
	return s, nil
}

func (s *Set) M__isub__(o py.Object) (py.Object, error) {
	if _, ok := setLike(o); !ok {
		return py.NotImplemented, nil
	}
	return s, s.discardAll(o)
}

func (s *Set) M__ixor__(o py.Object) (py.Object, error) {
	if _, ok := setLike(o); !ok {
		return py.NotImplemented, nil
	}
	return s, s.symmetricUpdate(o)
}

func setCompare(self, other py.Object, op CompareOp) (py.Object, error) {
	a, _ := setLike(self)
	b, ok := setLike(other)
	if !ok {
		if op == EQ {
			return py.False, nil
		}
		if op == NE {
			return py.True, nil
		}
		return py.NotImplemented, nil
	}
	var r bool
	var err error
	switch op {
	case EQ:
		r, err = a.equal(b)
	case NE:
		r, err = a.equal(b)
		r = !r
	case LE:
		r, err = a.isSubset(b)
	case GE:
		r, err = b.isSubset(a)
	case LT:
		r, err = a.isSubset(b)
		r = r && a.used < b.used
	case GT:
		r, err = b.isSubset(a)
		r = r && a.used > b.used
	}
	return py.NewBool(r), err
}

func (s *Set) M__eq__(o py.Object) (py.Object, error)       { return setCompare(s, o, EQ) }
func (s *Set) M__ne__(o py.Object) (py.Object, error)       { return setCompare(s, o, NE) }
func (s *Set) M__le__(o py.Object) (py.Object, error)       { return setCompare(s, o, LE) }
func (s *Set) M__ge__(o py.Object) (py.Object, error)       { return setCompare(s, o, GE) }
func (s *Set) M__lt__(o py.Object) (py.Object, error)       { return setCompare(s, o, LT) }
func (s *Set) M__gt__(o py.Object) (py.Object, error)       { return setCompare(s, o, GT) }
func (s *FrozenSet) M__eq__(o py.Object) (py.Object, error) { return setCompare(s, o, EQ) }
func (s *FrozenSet) M__ne__(o py.Object) (py.Object, error) { return setCompare(s, o, NE) }
func (s *FrozenSet) M__le__(o py.Object) (py.Object, error) { return setCompare(s, o, LE) }
func (s *FrozenSet) M__ge__(o py.Object) (py.Object, error) { return setCompare(s, o, GE) }
func (s *FrozenSet) M__lt__(o py.Object) (py.Object, error) { return setCompare(s, o, LT) }
func (s *FrozenSet) M__gt__(o py.Object) (py.Object, error) { return setCompare(s, o, GT) }

func initSetMethods() {
	for _, t := range []*py.Type{SetType, FrozenSetType} {
		d := t.Dict
		d["union"] = Method("union", func(self py.Object, args py.Tuple) (py.Object, error) {
			a, _ := setLike(self)
			r, err := unionTables(a, args...)
			if err != nil {
				return nil, err
			}
			return wrap(self, r), nil
		})
		d["intersection"] = Method("intersection", func(self py.Object, args py.Tuple) (py.Object, error) {
			a, _ := setLike(self)
			r := a.clone()
			for _, o := range args {
				var err error
				if r, err = intersectTables(r, o); err != nil {
					return nil, err
				}
			}
			return wrap(self, r), nil
		})
		d["difference"] = Method("difference", func(self py.Object, args py.Tuple) (py.Object, error) {
			a, _ := setLike(self)
			r := a.clone()
			for _, o := range args {
				var err error
				if r, err = differenceTables(r, o); err != nil {
					return nil, err
				}
			}
			return wrap(self, r), nil
		})
		d["symmetric_difference"] = Method("symmetric_difference", func(self, o py.Object) (py.Object, error) {
			a, _ := setLike(self)
			r, err := symmetricTables(a, o)
			if err != nil {
				return nil, err
			}
			return wrap(self, r), nil
		})
		d["issubset"] = Method("issubset", func(self, o py.Object) (py.Object, error) {
			a, _ := setLike(self)
			b, err := tableOf(o)
			if err != nil {
				return nil, err
			}
			r, err := a.isSubset(b)
			return py.NewBool(r), err
		})
		d["issuperset"] = Method("issuperset", func(self, o py.Object) (py.Object, error) {
			a, _ := setLike(self)
			b, err := tableOf(o)
			if err != nil {
				return nil, err
			}
			r, err := b.isSubset(a)
			return py.NewBool(r), err
		})
		d["isdisjoint"] = Method("isdisjoint", func(self, o py.Object) (py.Object, error) {
			a, _ := setLike(self)
			disjoint := true
			err := ForEach(o, func(k py.Object) (bool, error) {
				in, err := a.contains(k)
				if in {
					disjoint = false
				}
				return in, err
			})
			return py.NewBool(disjoint), err
		})
		d["copy"] = Method("copy", func(self py.Object) (py.Object, error) {
			a, _ := setLike(self)
			if f, ok := self.(*FrozenSet); ok && f.Type() == FrozenSetType {
				return f, nil
			}
			return wrap(self, a.clone()), nil
		})
		d["__contains__"] = Method("__contains__", func(self, k py.Object) (py.Object, error) {
			a, _ := setLike(self)
			r, err := a.contains(k)
			return py.NewBool(r), err
		})
	}
	d := SetType.Dict
	d["add"] = Method("add", func(self, k py.Object) (py.Object, error) {
		return py.None, self.(*Set).Add(k)
	})
	d["discard"] = Method("discard", func(self, k py.Object) (py.Object, error) {
		s := self.(*Set)
		h, err := Hash(k)
		if err != nil {
			return nil, err
		}
		_, err = s.discard(k, h)
		return py.None, err
	})
	d["remove"] = Method("remove", func(self, k py.Object) (py.Object, error) {
		s := self.(*Set)
		h, err := Hash(k)
		if err != nil {
			return nil, err
		}
		ok, err := s.discard(k, h)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, KeyError(k)
		}
		return py.None, nil
	})
	d["pop"] = Method("pop", func(self py.Object) (py.Object, error) {
		s := self.(*Set)
		if s.used == 0 {
			return nil, py.ExceptionNewf(py.KeyError, "pop from an empty set")
		}
		i := s.finger & (len(s.slots) - 1)
		for {
			e := &s.slots[i]
			if e.key != nil && !isDummy(e) {
				break
			}
			i++
			if i >= len(s.slots) {
				i = 0
			}
		}
		k := s.slots[i].key
		s.slots[i] = setEntry{key: dummy, hash: dummyHash}
		s.used--
		s.finger = i + 1
		return k, nil
	})
	d["clear"] = Method("clear", func(self py.Object) (py.Object, error) {
		self.(*Set).table = table{}
		return py.None, nil
	})
	d["update"] = Method("update", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*Set)
		for _, o := range args {
			if err := s.addFrom(o); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	d["intersection_update"] = Method("intersection_update", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*Set)
		for _, o := range args {
			r, err := intersectTables(&s.table, o)
			if err != nil {
				return nil, err
			}
			s.table = *r
		}
		return py.None, nil
	})
	d["difference_update"] = Method("difference_update", func(self py.Object, args py.Tuple) (py.Object, error) {
		s := self.(*Set)
		for _, o := range args {
			if err := s.discardAll(o); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	d["symmetric_difference_update"] = Method("symmetric_difference_update", func(self, o py.Object) (py.Object, error) {
		return py.None, self.(*Set).symmetricUpdate(o)
	})
}
