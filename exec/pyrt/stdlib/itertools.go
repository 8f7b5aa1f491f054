package stdlib

import (
	"fmt"
	"strconv"

	"github.com/go-python/gpython/py"
)

// itertools in Go: each function returns an iterator object whose next
// step is a closure; exhausted iterators stay exhausted, as in CPython.

func itertoolsModule() *goModule {
	return &goModule{name: "itertools", doc: "Functional tools for creating and using iterators.", build: buildItertools}
}

type goIter struct {
	name string
	next func() (py.Object, error)
	done bool
	// repr, if set, gives CPython's own repr (count and repeat have one).
	repr func() (string, error)
}

var goIterType = py.NewType("itertools.iterator", "")

func (it *goIter) Type() *py.Type                { return goIterType }
func (it *goIter) M__iter__() (py.Object, error) { return it, nil }
func (it *goIter) M__next__() (py.Object, error) {
	if it.done {
		return nil, py.StopIteration
	}
	o, err := it.next()
	if err != nil {
		if isStop(err) {
			it.done = true
			return nil, py.StopIteration
		}
		return nil, err
	}
	return o, nil
}
func (it *goIter) M__repr__() (py.Object, error) {
	if it.repr != nil {
		s, err := it.repr()
		return py.String(s), err
	}
	return py.String(fmt.Sprintf("<itertools.%s object at %p>", it.name, it)), nil
}

func newIter(name string, next func() (py.Object, error)) *goIter {
	return &goIter{name: name, next: next}
}

// sliceIter iterates over precomputed items.
func sliceIter(name string, items []py.Object) *goIter {
	i := 0
	return newIter(name, func() (py.Object, error) {
		if i >= len(items) {
			return nil, py.StopIteration
		}
		i++
		return items[i-1], nil
	})
}

func isTrue(o py.Object) (bool, error) { return truth(o, nil) }

// callable is a Go object that can be called and have attributes (for
// chain.from_iterable).
type callable struct {
	name  string
	fn    func(args py.Tuple, kwargs py.StringDict) (py.Object, error)
	attrs py.StringDict
}

var callableType = py.NewType("builtin_function_or_method", "")

func (c *callable) Type() *py.Type { return callableType }
func (c *callable) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return c.fn(args, kwargs)
}
func (c *callable) M__getattr__(name string) (py.Object, error) {
	if o, ok := c.attrs[name]; ok {
		return o, nil
	}
	if name == "__name__" {
		return py.String(c.name), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "type object 'itertools.%s' has no attribute '%s'", c.name, name)
}
func (c *callable) M__repr__() (py.Object, error) {
	return py.String("<class 'itertools." + c.name + "'>"), nil
}

func chainOf(its []py.Object) *goIter {
	var cur py.Object
	idx := 0
	return newIter("chain", func() (py.Object, error) {
		for {
			if cur == nil {
				if idx >= len(its) {
					return nil, py.StopIteration
				}
				c, err := py.Iter(its[idx])
				if err != nil {
					return nil, err
				}
				cur = c
				idx++
			}
			o, err := py.Next(cur)
			if err == nil {
				return o, nil
			}
			if !isStop(err) {
				return nil, err
			}
			cur = nil
		}
	})
}

func optInt(o py.Object, def int) (int, error) {
	if isNone(o) {
		return def, nil
	}
	return toInt(o)
}

func buildItertools(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	m := func(name string, fn func(args py.Tuple, kwargs py.StringDict) (py.Object, error)) *py.Method {
		return py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return fn(args, kwargs)
		}, 0, "")
	}
	chain := &callable{name: "chain", fn: func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := noKwargs("chain", kwargs); err != nil {
			return nil, err
		}
		return chainOf(args), nil
	}}
	chain.attrs = py.StringDict{"from_iterable": py.MustNewMethod("from_iterable", func(self, arg py.Object) (py.Object, error) {
		outer, err := py.Iter(arg)
		if err != nil {
			return nil, err
		}
		var cur py.Object
		return newIter("chain", func() (py.Object, error) {
			for {
				if cur == nil {
					n, err := py.Next(outer)
					if err != nil {
						return nil, err
					}
					if cur, err = py.Iter(n); err != nil {
						return nil, err
					}
				}
				o, err := py.Next(cur)
				if err == nil {
					return o, nil
				}
				if !isStop(err) {
					return nil, err
				}
				cur = nil
			}
		}), nil
	}, 0, "")}

	ms := []*py.Method{
		m("count", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("count", args, kwargs, []string{"start", "step"}, 0)
			if err != nil {
				return nil, err
			}
			var cur, step py.Object = py.Int(0), py.Int(1)
			if a[0] != nil {
				cur = a[0]
			}
			if a[1] != nil {
				step = a[1]
			}
			it := newIter("count", func() (py.Object, error) {
				o := cur
				n, err := py.Add(cur, step)
				if err != nil {
					return nil, err
				}
				cur = n
				return o, nil
			})
			it.repr = func() (string, error) {
				c, err := reprOf(ctx, cur)
				if err != nil {
					return "", err
				}
				if s, ok := step.(py.Int); ok && s == 1 {
					return "count(" + c + ")", nil
				}
				st, err := reprOf(ctx, step)
				return "count(" + c + ", " + st + ")", err
			}
			return it, nil
		}),
		m("cycle", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("cycle", args, kwargs, 1); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[0])
			if err != nil {
				return nil, err
			}
			var saved []py.Object
			exhausted := false
			i := 0
			return newIter("cycle", func() (py.Object, error) {
				if !exhausted {
					o, err := py.Next(src)
					if err == nil {
						saved = append(saved, o)
						return o, nil
					}
					if !isStop(err) {
						return nil, err
					}
					exhausted = true
				}
				if len(saved) == 0 {
					return nil, py.StopIteration
				}
				o := saved[i%len(saved)]
				i++
				return o, nil
			}), nil
		}),
		m("repeat", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("repeat", args, kwargs, []string{"object", "times"}, 1)
			if err != nil {
				return nil, err
			}
			n := -1
			if a[1] != nil {
				if n, err = toInt(a[1]); err != nil {
					return nil, err
				}
				if n < 0 {
					n = 0
				}
			}
			it := newIter("repeat", func() (py.Object, error) {
				if n == 0 {
					return nil, py.StopIteration
				}
				if n > 0 {
					n--
				}
				return a[0], nil
			})
			it.repr = func() (string, error) {
				o, err := reprOf(ctx, a[0])
				if n < 0 {
					return "repeat(" + o + ")", err
				}
				return "repeat(" + o + ", " + strconv.Itoa(n) + ")", err
			}
			return it, nil
		}),
		m("accumulate", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("accumulate", args, kwargs, []string{"iterable", "func", "initial"}, 1)
			if err != nil {
				return nil, err
			}
			src, err := py.Iter(a[0])
			if err != nil {
				return nil, err
			}
			var total py.Object
			initial := a[2]
			if isNone(initial) {
				initial = nil
			}
			return newIter("accumulate", func() (py.Object, error) {
				if initial != nil {
					total, initial = initial, nil
					return total, nil
				}
				o, err := py.Next(src)
				if err != nil {
					return nil, err
				}
				if total == nil {
					total = o
				} else if isNone(a[1]) {
					if total, err = py.Add(total, o); err != nil {
						return nil, err
					}
				} else if total, err = call(a[1], total, o); err != nil {
					return nil, err
				}
				return total, nil
			}), nil
		}),
		m("compress", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("compress", args, kwargs, []string{"data", "selectors"}, 2)
			if err != nil {
				return nil, err
			}
			d, err := py.Iter(a[0])
			if err != nil {
				return nil, err
			}
			s, err := py.Iter(a[1])
			if err != nil {
				return nil, err
			}
			return newIter("compress", func() (py.Object, error) {
				for {
					x, err := py.Next(d)
					if err != nil {
						return nil, err
					}
					sel, err := py.Next(s)
					if err != nil {
						return nil, err
					}
					if ok, err := isTrue(sel); err != nil || ok {
						return x, err
					}
				}
			}), nil
		}),
		m("dropwhile", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("dropwhile", args, kwargs, 2); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[1])
			if err != nil {
				return nil, err
			}
			dropping := true
			return newIter("dropwhile", func() (py.Object, error) {
				for {
					x, err := py.Next(src)
					if err != nil || !dropping {
						return x, err
					}
					ok, err := truth(call(args[0], x))
					if err != nil {
						return nil, err
					}
					if !ok {
						dropping = false
						return x, nil
					}
				}
			}), nil
		}),
		m("takewhile", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("takewhile", args, kwargs, 2); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[1])
			if err != nil {
				return nil, err
			}
			return newIter("takewhile", func() (py.Object, error) {
				x, err := py.Next(src)
				if err != nil {
					return nil, err
				}
				ok, err := truth(call(args[0], x))
				if err != nil {
					return nil, err
				}
				if !ok {
					return nil, py.StopIteration
				}
				return x, nil
			}), nil
		}),
		m("filterfalse", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("filterfalse", args, kwargs, 2); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[1])
			if err != nil {
				return nil, err
			}
			return newIter("filterfalse", func() (py.Object, error) {
				for {
					x, err := py.Next(src)
					if err != nil {
						return nil, err
					}
					var ok bool
					if isNone(args[0]) {
						ok, err = isTrue(x)
					} else {
						ok, err = truth(call(args[0], x))
					}
					if err != nil {
						return nil, err
					}
					if !ok {
						return x, nil
					}
				}
			}), nil
		}),
		m("groupby", groupby),
		m("islice", islice),
		m("starmap", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("starmap", args, kwargs, 2); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[1])
			if err != nil {
				return nil, err
			}
			return newIter("starmap", func() (py.Object, error) {
				x, err := py.Next(src)
				if err != nil {
					return nil, err
				}
				t, err := toSlice(x)
				if err != nil {
					return nil, err
				}
				return py.Call(args[0], py.Tuple(t), nil)
			}), nil
		}),
		m("tee", tee),
		m("zip_longest", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			var fill py.Object = py.None
			for k, v := range kwargs {
				if k != "fillvalue" {
					return nil, py.ExceptionNewf(py.TypeError, "zip_longest() got an unexpected keyword argument '%s'", k)
				}
				fill = v
			}
			its := make([]py.Object, len(args))
			for i, a := range args {
				it, err := py.Iter(a)
				if err != nil {
					return nil, err
				}
				its[i] = it
			}
			active := len(its)
			return newIter("zip_longest", func() (py.Object, error) {
				if active == 0 || len(its) == 0 {
					return nil, py.StopIteration
				}
				out := make(py.Tuple, len(its))
				for i, it := range its {
					if it == nil {
						out[i] = fill
						continue
					}
					o, err := py.Next(it)
					if err != nil {
						if !isStop(err) {
							return nil, err
						}
						its[i] = nil
						active--
						if active == 0 {
							return nil, py.StopIteration
						}
						o = fill
					}
					out[i] = o
				}
				return out, nil
			}), nil
		}),
		m("product", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			repeat := 1
			for k, v := range kwargs {
				if k != "repeat" {
					return nil, py.ExceptionNewf(py.TypeError, "product() got an unexpected keyword argument '%s'", k)
				}
				r, err := toInt(v)
				if err != nil {
					return nil, err
				}
				if r < 0 {
					return nil, py.ExceptionNewf(py.ValueError, "repeat argument cannot be negative")
				}
				repeat = r
			}
			var pools [][]py.Object
			for _, a := range args {
				p, err := toSlice(a)
				if err != nil {
					return nil, err
				}
				pools = append(pools, p)
			}
			var all [][]py.Object
			for r := 0; r < repeat; r++ {
				all = append(all, pools...)
			}
			idx := make([]int, len(all))
			first := true
			for _, p := range all {
				if len(p) == 0 {
					return sliceIter("product", nil), nil
				}
			}
			return newIter("product", func() (py.Object, error) {
				if !first {
					i := len(all) - 1
					for ; i >= 0; i-- {
						idx[i]++
						if idx[i] < len(all[i]) {
							break
						}
						idx[i] = 0
					}
					if i < 0 {
						return nil, py.StopIteration
					}
				}
				first = false
				out := make(py.Tuple, len(all))
				for i, p := range all {
					out[i] = p[idx[i]]
				}
				return out, nil
			}), nil
		}),
		m("permutations", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			pool, r, err := poolAndR("permutations", args, kwargs, false)
			if err != nil {
				return nil, err
			}
			return permutations(pool, r), nil
		}),
		m("combinations", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			pool, r, err := poolAndR("combinations", args, kwargs, true)
			if err != nil {
				return nil, err
			}
			return combinations("combinations", pool, r, false), nil
		}),
		m("combinations_with_replacement", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			pool, r, err := poolAndR("combinations_with_replacement", args, kwargs, true)
			if err != nil {
				return nil, err
			}
			return combinations("combinations_with_replacement", pool, r, true), nil
		}),
		m("pairwise", func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("pairwise", args, kwargs, 1); err != nil {
				return nil, err
			}
			src, err := py.Iter(args[0])
			if err != nil {
				return nil, err
			}
			var prev py.Object
			return newIter("pairwise", func() (py.Object, error) {
				if prev == nil {
					p, err := py.Next(src)
					if err != nil {
						return nil, err
					}
					prev = p
				}
				o, err := py.Next(src)
				if err != nil {
					return nil, err
				}
				t := py.Tuple{prev, o}
				prev = o
				return t, nil
			}), nil
		}),
	}
	return ms, py.StringDict{"chain": chain}, nil
}

// poolAndR parses (iterable, r): r defaults to the pool's length unless
// required, and must not be negative.
func poolAndR(name string, args py.Tuple, kwargs py.StringDict, rRequired bool) ([]py.Object, int, error) {
	req := 1
	if rRequired {
		req = 2
	}
	a, err := parseArgs(name, args, kwargs, []string{"iterable", "r"}, req)
	if err != nil {
		return nil, 0, err
	}
	pool, err := toSlice(a[0])
	if err != nil {
		return nil, 0, err
	}
	r, err := optInt(a[1], len(pool))
	if err != nil {
		return nil, 0, err
	}
	if r < 0 {
		return nil, 0, py.ExceptionNewf(py.ValueError, "r must be non-negative")
	}
	return pool, r, nil
}

// permutations follows CPython's index/cycle algorithm so that the order
// of results is the same.
func permutations(pool []py.Object, r int) *goIter {
	n := len(pool)
	if r > n {
		return sliceIter("permutations", nil)
	}
	indices := make([]int, n)
	for i := range indices {
		indices[i] = i
	}
	cycles := make([]int, r)
	for i := range cycles {
		cycles[i] = n - i
	}
	first := true
	emit := func() py.Object {
		out := make(py.Tuple, r)
		for i := 0; i < r; i++ {
			out[i] = pool[indices[i]]
		}
		return out
	}
	return newIter("permutations", func() (py.Object, error) {
		if first {
			first = false
			return emit(), nil
		}
		if n == 0 {
			return nil, py.StopIteration
		}
		for i := r - 1; i >= 0; i-- {
			cycles[i]--
			if cycles[i] == 0 {
				moved := indices[i]
				copy(indices[i:], indices[i+1:])
				indices[n-1] = moved
				cycles[i] = n - i
			} else {
				j := cycles[i]
				indices[i], indices[n-j] = indices[n-j], indices[i]
				return emit(), nil
			}
		}
		return nil, py.StopIteration
	})
}

func combinations(name string, pool []py.Object, r int, repl bool) *goIter {
	n := len(pool)
	if !repl && r > n || repl && n == 0 && r > 0 {
		return sliceIter(name, nil)
	}
	indices := make([]int, r)
	if !repl {
		for i := range indices {
			indices[i] = i
		}
	}
	first := true
	emit := func() py.Object {
		out := make(py.Tuple, r)
		for i, j := range indices {
			out[i] = pool[j]
		}
		return out
	}
	return newIter(name, func() (py.Object, error) {
		if first {
			first = false
			return emit(), nil
		}
		i := r - 1
		if repl {
			for ; i >= 0 && indices[i] == n-1; i-- {
			}
			if i < 0 {
				return nil, py.StopIteration
			}
			v := indices[i] + 1
			for j := i; j < r; j++ {
				indices[j] = v
			}
			return emit(), nil
		}
		for ; i >= 0 && indices[i] == i+n-r; i-- {
		}
		if i < 0 {
			return nil, py.StopIteration
		}
		indices[i]++
		for j := i + 1; j < r; j++ {
			indices[j] = indices[j-1] + 1
		}
		return emit(), nil
	})
}

func islice(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := noKwargs("islice", kwargs); err != nil {
		return nil, err
	}
	if len(args) < 2 || len(args) > 4 {
		return nil, py.ExceptionNewf(py.TypeError, "islice expected at most 4 arguments, got %d", len(args))
	}
	start, stop, step := 0, -1, 1
	bad := func() error {
		return py.ExceptionNewf(py.ValueError, "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
	}
	var err error
	if len(args) == 2 {
		if !isNone(args[1]) {
			if stop, err = toInt(args[1]); err != nil || stop < 0 {
				return nil, bad()
			}
		}
	} else {
		if !isNone(args[1]) {
			if start, err = toInt(args[1]); err != nil || start < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
			}
		}
		if !isNone(args[2]) {
			if stop, err = toInt(args[2]); err != nil || stop < 0 {
				return nil, bad()
			}
		}
		if len(args) == 4 && !isNone(args[3]) {
			if step, err = toInt(args[3]); err != nil || step < 1 {
				return nil, py.ExceptionNewf(py.ValueError, "Step for islice() must be a positive integer or None.")
			}
		}
	}
	src, err := py.Iter(args[0])
	if err != nil {
		return nil, err
	}
	pos := 0
	next := start
	return newIter("islice", func() (py.Object, error) {
		for {
			if stop >= 0 && next >= stop {
				// Consume up to stop as CPython does, then finish.
				for pos < stop {
					if _, err := py.Next(src); err != nil {
						return nil, err
					}
					pos++
				}
				return nil, py.StopIteration
			}
			o, err := py.Next(src)
			if err != nil {
				return nil, err
			}
			pos++
			if pos-1 == next {
				next += step
				return o, nil
			}
		}
	}), nil
}

func groupby(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := parseArgs("groupby", args, kwargs, []string{"iterable", "key"}, 1)
	if err != nil {
		return nil, err
	}
	src, err := py.Iter(a[0])
	if err != nil {
		return nil, err
	}
	keyOf := func(o py.Object) (py.Object, error) {
		if isNone(a[1]) {
			return o, nil
		}
		return call(a[1], o)
	}
	var curKey, curVal, tgtKey py.Object
	exhausted := false
	gen := 0
	advance := func() error {
		v, err := py.Next(src)
		if err != nil {
			if isStop(err) {
				exhausted = true
			}
			return err
		}
		k, err := keyOf(v)
		if err != nil {
			return err
		}
		curVal, curKey = v, k
		return nil
	}
	return newIter("groupby", func() (py.Object, error) {
		gen++
		for {
			if curKey == nil {
				if exhausted {
					return nil, py.StopIteration
				}
				if err := advance(); err != nil {
					return nil, err
				}
			}
			if tgtKey == nil {
				break
			}
			eq, err := equal(tgtKey, curKey)
			if err != nil {
				return nil, err
			}
			if !eq {
				break
			}
			if err := advance(); err != nil {
				return nil, err
			}
		}
		tgtKey = curKey
		myGen := gen
		myKey := curKey
		first := true
		grp := newIter("_grouper", func() (py.Object, error) {
			if myGen != gen {
				return nil, py.StopIteration
			}
			if !first {
				if err := advance(); err != nil {
					return nil, err
				}
			}
			first = false
			eq, err := equal(myKey, curKey)
			if err != nil {
				return nil, err
			}
			if !eq {
				return nil, py.StopIteration
			}
			return curVal, nil
		})
		return py.Tuple{curKey, grp}, nil
	}), nil
}

func tee(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := parseArgs("tee", args, kwargs, []string{"iterable", "n"}, 1)
	if err != nil {
		return nil, err
	}
	n, err := optInt(a[1], 2)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "n must be >= 0")
	}
	src, err := py.Iter(a[0])
	if err != nil {
		return nil, err
	}
	var buf []py.Object
	var srcErr error
	out := make(py.Tuple, n)
	for i := range out {
		pos := 0
		out[i] = newIter("_tee", func() (py.Object, error) {
			if pos < len(buf) {
				pos++
				return buf[pos-1], nil
			}
			if srcErr != nil {
				return nil, srcErr
			}
			o, err := py.Next(src)
			if err != nil {
				srcErr = err
				return nil, err
			}
			buf = append(buf, o)
			pos++
			return o, nil
		})
	}
	return out, nil
}
