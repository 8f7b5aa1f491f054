package pyrt

import (
	"math"
	"math/big"
	"sort"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

type builtinFunc = func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)

func fn(name string, f builtinFunc) *py.Method {
	return py.MustNewMethod(name, pyobj.Guard(name, f), 0, "")
}

// builtins returns the builtin names pyrt provides for ctx. Functions that
// write output find sys.stdout in ctx at call time, so the executor can
// redirect it.
func builtins(ctx py.Context) py.StringDict {
	b := py.StringDict{
		"dict":           pyobj.DictType,
		"set":            pyobj.SetType,
		"frozenset":      pyobj.FrozenSetType,
		"bytearray":      byteArrayType,
		"property":       pyobj.PropertyType,
		"super":          pyobj.SuperType,
		"enumerate":      enumerateType,
		"zip":            zipType,
		"map":            mapType,
		"filter":         filterType,
		"reversed":       reversedType,
		"NotImplemented": py.NotImplemented,
		"Ellipsis":       py.Ellipsis,

		"__stelp_dict__":       fn("__stelp_dict__", builtinStelpDict),
		"__stelp_dict_merge__": fn("__stelp_dict_merge__", builtinStelpDictMerge),
		"__stelp_set__":        fn("__stelp_set__", builtinStelpSet),
		"__stelp_format__":     fn("__stelp_format__", builtinStelpFormat),
		"__stelp_freeze__":     fn("__stelp_freeze__", builtinStelpFreeze),
		"__stelp_init_field__": fn("__stelp_init_field__", builtinStelpInitField),

		"print": fn("print", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return builtinPrint(ctx, args, kwargs)
		}),
		"repr":       fn("repr", builtinRepr),
		"ascii":      fn("ascii", builtinASCII),
		"format":     fn("format", builtinFormat),
		"isinstance": fn("isinstance", builtinIsinstance),
		"issubclass": fn("issubclass", builtinIssubclass),
		"hash":       fn("hash", builtinHash),
		"id":         fn("id", builtinID),
		"callable":   fn("callable", builtinCallable),
		"dir":        fn("dir", builtinDir),
		"len":        fn("len", builtinLen),
		"sum":        fn("sum", builtinSum),
		"min": fn("min", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return minMax("min", args, kw, pyobj.LT)
		}),
		"max": fn("max", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return minMax("max", args, kw, pyobj.GT)
		}),
		"sorted": fn("sorted", builtinSorted),
		"any":    fn("any", builtinAny),
		"all":    fn("all", builtinAll),
		"abs":    fn("abs", builtinAbs),
		"divmod": fn("divmod", builtinDivmod),
		"pow":    fn("pow", builtinPow),
		"round":  fn("round", builtinRound),
		"bin": fn("bin", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return radix("bin", args, 2, "0b")
		}),
		"oct": fn("oct", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return radix("oct", args, 8, "0o")
		}),
		"hex": fn("hex", func(self py.Object, args py.Tuple, kw py.StringDict) (py.Object, error) {
			return radix("hex", args, 16, "0x")
		}),
		"chr":     fn("chr", builtinChr),
		"ord":     fn("ord", builtinOrd),
		"iter":    fn("iter", builtinIter),
		"next":    fn("next", builtinNext),
		"getattr": fn("getattr", builtinGetattr),
		"setattr": fn("setattr", builtinSetattr),
		"hasattr": fn("hasattr", builtinHasattr),
		"delattr": fn("delattr", builtinDelattr),
	}
	return b
}

func builtinStelpDict(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("__stelp_dict__", args, 0, 1); err != nil {
		return nil, err
	}
	d := pyobj.NewDict()
	if len(args) == 0 {
		return d, nil
	}
	err := pyobj.ForEach(args[0], func(item py.Object) (bool, error) {
		pair, ok := item.(py.Tuple)
		if !ok || len(pair) != 2 {
			p, err := pyobj.Items(item)
			if err != nil || len(p) != 2 {
				return true, py.ExceptionNewf(py.TypeError, "__stelp_dict__ needs (key, value) pairs")
			}
			pair = p
		}
		return false, d.Set(pair[0], pair[1])
	})
	return d, err
}

func builtinStelpDictMerge(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := pyobj.NewDict()
	for _, m := range args {
		if _, ok := pyobj.AsDict(m); !ok {
			if _, err := pyobj.GetAttr(m, "keys"); err != nil {
				return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not a mapping", pyobj.TypeName(m))
			}
		}
		if err := d.UpdateFrom(m); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func builtinStelpSet(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("__stelp_set__", args, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 {
		return pyobj.NewSet(), nil
	}
	return pyobj.SetFrom(args[0])
}

func builtinStelpFormat(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("__stelp_format__", args, 1, 3); err != nil {
		return nil, err
	}
	value := args[0]
	spec, conv := "", ""
	if len(args) > 1 {
		s, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "format spec must be str")
		}
		spec = string(s)
	}
	if len(args) > 2 {
		if c, ok := args[2].(py.String); ok {
			conv = string(c)
		} else if args[2] != py.None {
			return nil, py.ExceptionNewf(py.TypeError, "conversion must be str")
		}
	}
	v, err := pyobj.Convert(value, conv)
	if err != nil {
		return nil, err
	}
	s, err := pyobj.Format(v, spec)
	return py.String(s), err
}

func kwString(kwargs py.StringDict, name string, def string) (string, bool, error) {
	v, ok := kwargs[name]
	if !ok || v == py.None {
		return def, false, nil
	}
	s, isStr := v.(py.String)
	if !isStr {
		return "", false, py.ExceptionNewf(py.TypeError, "%s must be None or a string, not %s", name, pyobj.TypeName(v))
	}
	return string(s), true, nil
}

func builtinPrint(ctx py.Context, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	for k := range kwargs {
		switch k {
		case "sep", "end", "file", "flush":
		default:
			return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for print()", k)
		}
	}
	sep, _, err := kwString(kwargs, "sep", " ")
	if err != nil {
		return nil, err
	}
	end, _, err := kwString(kwargs, "end", "\n")
	if err != nil {
		return nil, err
	}
	out, ok := kwargs["file"]
	if !ok || out == py.None {
		sys, err := ctx.GetModule("sys")
		if err != nil {
			return nil, err
		}
		out = sys.Globals["stdout"]
	}
	write, err := pyobj.GetAttr(out, "write")
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := pyobj.Str(a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	if _, err := py.Call(write, py.Tuple{py.String(b.String())}, nil); err != nil {
		return nil, err
	}
	if f, ok := kwargs["flush"]; ok {
		if t, _ := pyobj.Truthy(f); t {
			if fl, err := pyobj.GetAttr(out, "flush"); err == nil {
				if _, err := py.Call(fl, nil, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	return py.None, nil
}

func one(name string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

func builtinRepr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("repr", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := pyobj.Repr(a)
	return py.String(s), err
}

func builtinASCII(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("ascii", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := pyobj.Repr(a)
	return py.String(pyobj.ASCII(s)), err
}

func builtinFormat(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("format", args, 1, 2); err != nil {
		return nil, err
	}
	spec := ""
	if len(args) == 2 {
		s, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "format() argument 2 must be str, not %s", pyobj.TypeName(args[1]))
		}
		spec = string(s)
	}
	s, err := pyobj.Format(args[0], spec)
	return py.String(s), err
}

// classInfo checks isinstance/issubclass's second argument.
func classInfo(name string, ci py.Object, test func(*py.Type) bool) (bool, error) {
	switch c := ci.(type) {
	case *py.Type:
		return test(c), nil
	case py.Tuple:
		for _, x := range c {
			ok, err := classInfo(name, x, test)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, py.ExceptionNewf(py.TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", name)
}

func builtinIsinstance(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("isinstance", args, 2, 2); err != nil {
		return nil, err
	}
	ok, err := classInfo("isinstance", args[1], func(t *py.Type) bool { return pyobj.IsInstance(args[0], t) })
	return py.NewBool(ok), err
}

func builtinIssubclass(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("issubclass", args, 2, 2); err != nil {
		return nil, err
	}
	a, ok := args[0].(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "issubclass() arg 1 must be a class")
	}
	r, err := classInfo("issubclass", args[1], func(t *py.Type) bool { return pyobj.IsSubclass(a, t) })
	return py.NewBool(r), err
}

func builtinHash(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("hash", args, kwargs)
	if err != nil {
		return nil, err
	}
	h, err := pyobj.Hash(a)
	return py.Int(h), err
}

func builtinID(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("id", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.Int(pyobj.Id(a)), nil
}

// Callable is callable(o).
func Callable(o py.Object) bool {
	switch x := o.(type) {
	case *pyobj.Instance:
		return x.Callable()
	case *py.Type, *py.Function, *py.Method, *py.BoundMethod, *pyobj.UnboundMethod:
		return true
	}
	_, ok := o.(py.I__call__)
	return ok
}

func builtinCallable(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("callable", args, kwargs)
	if err != nil {
		return nil, err
	}
	return py.NewBool(Callable(a)), nil
}

func builtinDir(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "dir() without an argument is not supported")
	}
	names := map[string]bool{}
	addType := func(t *py.Type) {
		mro := t.Mro
		if mro == nil {
			mro = py.Tuple{t}
		}
		for _, b := range mro {
			for k := range b.(*py.Type).Dict {
				names[k] = true
			}
		}
	}
	switch o := args[0].(type) {
	case *pyobj.Instance:
		o.Attrs().Range(func(k, v py.Object) bool {
			if s, ok := k.(py.String); ok {
				names[string(s)] = true
			}
			return true
		})
		addType(o.Type())
		names["__class__"], names["__dict__"] = true, true
	case *py.Type:
		addType(o)
	case *py.Module:
		for k := range o.Globals {
			names[k] = true
		}
	default:
		addType(o.Type())
		if g, ok := o.(py.IGetDict); ok {
			for k := range g.GetDict() {
				names[k] = true
			}
		}
	}
	out := make([]string, 0, len(names))
	for k := range names {
		if !pyobj.IsRuntimeName(k) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	l := py.NewListSized(0)
	for _, k := range out {
		l.Append(py.String(k))
	}
	return l, nil
}

func builtinLen(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("len", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch x := a.(type) {
	case py.String:
		return py.Int(measure(string(x)).runes), nil
	case *py.List:
		return py.Int(len(x.Items)), nil
	case py.Tuple:
		return py.Int(len(x)), nil
	case *pyobj.Dict:
		return py.Int(x.Len()), nil
	case py.Bytes:
		return py.Int(len(x)), nil
	}
	if r, ok, err := pyobj.CallClassHook(a, pyobj.ClassLenHook); ok {
		return r, err
	}
	if _, ok := a.(py.I__len__); !ok {
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", pyobj.TypeName(a))
	}
	return py.Len(a)
}

func builtinSum(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("sum", args, 1, 2); err != nil {
		return nil, err
	}
	var acc py.Object = py.Int(0)
	if len(args) == 2 {
		acc = args[1]
	}
	if s, ok := kwargs["start"]; ok {
		acc = s
	}
	switch acc.(type) {
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	// Floats are summed like CPython: plain double addition.
	err := pyobj.ForEach(args[0], func(item py.Object) (bool, error) {
		if b, ok := item.(py.Bool); ok {
			item = boolToInt(b)
		}
		if b, ok := acc.(py.Bool); ok {
			acc = boolToInt(b)
		}
		r, err := py.Add(acc, item)
		if err != nil {
			return true, fixOpError(err, "+", acc, item)
		}
		acc = r
		return false, nil
	})
	return acc, err
}

// fixOpError rewrites gpython's operand TypeError text to CPython's.
func fixOpError(err error, op string, a, b py.Object) error {
	if py.IsException(py.TypeError, err) {
		if e, ok := err.(*py.Exception); ok {
			if s, _ := pyobj.ExceptionStr(e); strings.HasPrefix(s, "unsupported operand type(s)") {
				return py.ExceptionNewf(py.TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op, pyobj.TypeName(a), pyobj.TypeName(b))
			}
		}
	}
	return err
}

func minMax(name string, args py.Tuple, kwargs py.StringDict, op pyobj.CompareOp) (py.Object, error) {
	key, hasKey := kwargs["key"]
	def, hasDef := kwargs["default"]
	for k := range kwargs {
		if k != "key" && k != "default" {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, name)
		}
	}
	if hasKey && key == py.None {
		hasKey = false
	}
	var items py.Object
	switch len(args) {
	case 0:
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at least 1 argument, got 0", name)
	case 1:
		items = args[0]
	default:
		if hasDef {
			return nil, py.ExceptionNewf(py.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = args
	}
	var best, bestKey py.Object
	err := pyobj.ForEach(items, func(item py.Object) (bool, error) {
		k := item
		if hasKey {
			var err error
			if k, err = py.Call(key, py.Tuple{item}, nil); err != nil {
				return true, err
			}
		}
		if best == nil {
			best, bestKey = item, k
			return false, nil
		}
		r, err := pyobj.RichCompare(k, bestKey, op)
		if err != nil {
			return true, err
		}
		if t, err := pyobj.Truthy(r); err != nil || t {
			if t {
				best, bestKey = item, k
			}
			return err != nil, err
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if best == nil {
		if hasDef {
			return def, nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s() arg is an empty sequence", name)
	}
	return best, nil
}

func builtinSorted(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 1 {
		return nil, py.ExceptionNewf(py.TypeError, "sorted expected 1 argument, got %d", len(args))
	}
	items, err := pyobj.Items(args[0])
	if err != nil {
		return nil, err
	}
	key, reverse, err := sortArgs(kwargs)
	if err != nil {
		return nil, err
	}
	if err := pyobj.SortObjects(items, key, reverse); err != nil {
		return nil, err
	}
	return py.NewListFromItems(items), nil
}

func sortArgs(kwargs py.StringDict) (py.Object, bool, error) {
	var key py.Object
	reverse := false
	for k, v := range kwargs {
		switch k {
		case "key":
			key = v
		case "reverse":
			r, err := pyobj.Truthy(v)
			if err != nil {
				return nil, false, err
			}
			reverse = r
		default:
			return nil, false, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for sort()", k)
		}
	}
	return key, reverse, nil
}

func builtinAny(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("any", args, kwargs)
	if err != nil {
		return nil, err
	}
	found := false
	err = pyobj.ForEach(a, func(item py.Object) (bool, error) {
		t, err := pyobj.Truthy(item)
		found = t
		return t || err != nil, err
	})
	return py.NewBool(found), err
}

func builtinAll(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("all", args, kwargs)
	if err != nil {
		return nil, err
	}
	all := true
	err = pyobj.ForEach(a, func(item py.Object) (bool, error) {
		t, err := pyobj.Truthy(item)
		all = t
		return !t || err != nil, err
	})
	return py.NewBool(all), err
}

func builtinAbs(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("abs", args, kwargs)
	if err != nil {
		return nil, err
	}
	if b, ok := a.(py.Bool); ok {
		if b {
			return py.Int(1), nil
		}
		return py.Int(0), nil
	}
	r, err := py.Abs(a)
	if err != nil && py.IsException(py.TypeError, err) {
		return nil, py.ExceptionNewf(py.TypeError, "bad operand type for abs(): '%s'", pyobj.TypeName(a))
	}
	return r, err
}

func isZero(o py.Object) bool {
	switch x := o.(type) {
	case py.Int:
		return x == 0
	case py.Float:
		return x == 0
	case py.Bool:
		return !bool(x)
	}
	return false
}

func isNumber(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Float, py.Bool, *py.BigInt:
		return true
	}
	return false
}

func builtinDivmod(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("divmod", args, 2, 2); err != nil {
		return nil, err
	}
	a, b := args[0], args[1]
	if isNumber(a) && isZero(b) {
		if _, ok := a.(py.Float); ok {
			return nil, py.ExceptionNewf(py.ZeroDivisionError, "float divmod()")
		}
		if _, ok := b.(py.Float); ok {
			return nil, py.ExceptionNewf(py.ZeroDivisionError, "float divmod()")
		}
		return nil, py.ExceptionNewf(py.ZeroDivisionError, "integer division or modulo by zero")
	}
	q, r, err := py.DivMod(a, b)
	if err != nil {
		return nil, fixOpError(err, "divmod()", a, b)
	}
	return py.Tuple{q, r}, nil
}

func builtinPow(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if m, ok := kwargs["mod"]; ok {
		args = append(args, m)
	}
	if err := pyobj.ArgCount("pow", args, 2, 3); err != nil {
		return nil, err
	}
	if len(args) == 3 && args[2] != py.None {
		base, e1 := toBig(args[0])
		exp, e2 := toBig(args[1])
		mod, e3 := toBig(args[2])
		if e1 != nil || e2 != nil || e3 != nil {
			return nil, py.ExceptionNewf(py.TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		if mod.Sign() == 0 {
			return nil, py.ExceptionNewf(py.ValueError, "pow() 3rd argument cannot be 0")
		}
		if exp.Sign() < 0 {
			inv := new(big.Int).ModInverse(new(big.Int).Mod(base, new(big.Int).Abs(mod)), new(big.Int).Abs(mod))
			if inv == nil {
				return nil, py.ExceptionNewf(py.ValueError, "base is not invertible for the given modulus")
			}
			base, exp = inv, new(big.Int).Neg(exp)
		}
		r := new(big.Int).Exp(base, exp, new(big.Int).Abs(mod))
		if mod.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, mod)
		}
		return fromBig(r), nil
	}
	return powOp(args[0], args[1])
}

func powOp(a, b py.Object) (py.Object, error) {
	if isZero(a) && isNumber(b) {
		neg := false
		switch y := b.(type) {
		case py.Int:
			neg = y < 0
		case py.Float:
			neg = y < 0
		}
		if neg {
			return nil, py.ExceptionNewf(py.ZeroDivisionError, "0.0 cannot be raised to a negative power")
		}
	}
	r, err := py.Pow(a, b, py.None)
	if err != nil {
		return nil, fixOpError(err, "** or pow()", a, b)
	}
	return r, nil
}

func toBig(o py.Object) (*big.Int, error) {
	if b, ok := pyobj.BigIntOf(o); ok {
		return b, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyobj.TypeName(o))
}

func fromBig(b *big.Int) py.Object {
	if b.IsInt64() {
		return py.Int(b.Int64())
	}
	return (*py.BigInt)(new(big.Int).Set(b))
}

// roundHalfEven rounds x to nd decimal digits as CPython does: exactly,
// from the decimal expansion of the double, ties to even.
func roundFloat(x float64, nd int) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	if nd > 22 {
		return x
	}
	if nd < -308 {
		return math.Copysign(0, x)
	}
	// Exact decimal string of x rounded half-even at nd digits.
	r := new(big.Float).SetPrec(2000).SetFloat64(x)
	s := r.Text('f', 1100)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	digits := intPart + frac
	point := len(intPart) + nd // digits kept
	if point < 0 {
		return math.Copysign(0, x)
	}
	if point >= len(digits) {
		return x
	}
	kept := []byte(digits[:point])
	rest := digits[point:]
	roundUp := false
	if rest[0] > '5' {
		roundUp = true
	} else if rest[0] == '5' {
		if strings.TrimRight(rest[1:], "0") != "" {
			roundUp = true
		} else {
			last := byte('0')
			if len(kept) > 0 {
				last = kept[len(kept)-1]
			}
			roundUp = (last-'0')%2 == 1
		}
	}
	if roundUp {
		i := len(kept) - 1
		for i >= 0 {
			if kept[i] == '9' {
				kept[i] = '0'
				i--
				continue
			}
			kept[i]++
			break
		}
		if i < 0 {
			kept = append([]byte{'1'}, kept...)
			point++
		}
	}
	var str string
	ip := point - nd
	ks := string(kept)
	if nd >= 0 {
		if ip <= 0 {
			str = "0." + strings.Repeat("0", -ip) + ks
		} else {
			str = ks[:ip] + "." + ks[ip:]
		}
	} else {
		str = ks + strings.Repeat("0", -nd)
	}
	if str == "" || str == "." {
		str = "0"
	}
	f, _, err := big.ParseFloat(str, 10, 53, big.ToNearestEven)
	if err != nil {
		return x
	}
	v, _ := f.Float64()
	if neg {
		v = -v
	}
	return v
}

func builtinRound(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if nd, ok := kwargs["ndigits"]; ok {
		args = append(args, nd)
	}
	if err := pyobj.ArgCount("round", args, 1, 2); err != nil {
		return nil, err
	}
	var ndObj py.Object = py.None
	if len(args) == 2 {
		ndObj = args[1]
	}
	switch x := args[0].(type) {
	case py.Float:
		f := float64(x)
		if ndObj == py.None {
			if math.IsInf(f, 0) {
				return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
			}
			if math.IsNaN(f) {
				return nil, py.ExceptionNewf(py.ValueError, "cannot convert float NaN to integer")
			}
			r := math.RoundToEven(f)
			if math.Abs(r) < 1<<62 {
				return py.Int(int64(r)), nil
			}
			bf, _ := new(big.Float).SetFloat64(r).Int(nil)
			return fromBig(bf), nil
		}
		nd, err := py.MakeGoInt(ndObj)
		if err != nil {
			return nil, err
		}
		return py.Float(roundFloat(f, nd)), nil
	case py.Int, py.Bool, *py.BigInt:
		v, _ := toBig(x)
		if ndObj == py.None {
			return fromBig(v), nil
		}
		nd, err := py.MakeGoInt(ndObj)
		if err != nil {
			return nil, err
		}
		if nd >= 0 {
			return fromBig(v), nil
		}
		// Round to a multiple of 10**-nd, ties to even.
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-nd)), nil)
		q, r := new(big.Int).DivMod(v, p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		c := twice.Cmp(p)
		if c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
		return fromBig(q.Mul(q, p)), nil
	case *pyobj.Instance:
		if ndObj == py.None {
			return x.M__round__(nil)
		}
		return x.M__round__(ndObj)
	}
	return nil, py.ExceptionNewf(py.TypeError, "type %s doesn't define __round__ method", pyobj.TypeName(args[0]))
}

func radix(name string, args py.Tuple, base int, prefix string) (py.Object, error) {
	if err := pyobj.ArgCount(name, args, 1, 1); err != nil {
		return nil, err
	}
	var v *big.Int
	if inst, ok := args[0].(*pyobj.Instance); ok {
		i, err := inst.M__index__()
		if err != nil {
			return nil, err
		}
		v = big.NewInt(int64(i))
	} else {
		var err error
		if v, err = toBig(args[0]); err != nil {
			return nil, err
		}
	}
	s := new(big.Int).Abs(v).Text(base)
	if v.Sign() < 0 {
		return py.String("-" + prefix + s), nil
	}
	return py.String(prefix + s), nil
}

func builtinChr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("chr", args, kwargs)
	if err != nil {
		return nil, err
	}
	i, err := py.IndexInt(a)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object cannot be interpreted as an integer", pyobj.TypeName(a))
	}
	if i < 0 || i > 0x10ffff {
		return nil, py.ExceptionNewf(py.ValueError, "chr() arg not in range(0x110000)")
	}
	return py.String(string(rune(i))), nil
}

func builtinOrd(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := one("ord", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch x := a.(type) {
	case py.String:
		r := []rune(string(x))
		if len(r) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "ord() expected a character, but string of length %d found", len(r))
		}
		return py.Int(r[0]), nil
	case py.Bytes:
		if len(x) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "ord() expected a character, but string of length %d found", len(x))
		}
		return py.Int(x[0]), nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "ord() expected string of length 1, but %s found", pyobj.TypeName(a))
}

func builtinIter(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("iter", args, 1, 2); err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return iterOf(args[0])
	}
	callable, sentinel := args[0], args[1]
	if !Callable(callable) {
		return nil, py.ExceptionNewf(py.TypeError, "iter(v, w): v must be callable")
	}
	done := false
	return &pyobj.FuncIter{Next: func() (py.Object, bool, error) {
		if done {
			return nil, false, nil
		}
		v, err := py.Call(callable, nil, nil)
		if err != nil {
			if pyobj.IsStopIteration(err) {
				done = true
				return nil, false, nil
			}
			return nil, false, err
		}
		eq, err := pyobj.Equal(v, sentinel)
		if err != nil {
			return nil, false, err
		}
		if eq {
			done = true
			return nil, false, nil
		}
		return v, true, nil
	}, Typ: callableIterType}, nil
}

var callableIterType = newType("callable_iterator")

func iterOf(o py.Object) (py.Object, error) {
	return pyobj.Iter(o)
}

func builtinNext(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("next", args, 1, 2); err != nil {
		return nil, err
	}
	if _, ok := args[0].(py.I__next__); !ok {
		if _, ok := args[0].(*pyobj.Instance); !ok {
			return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not an iterator", pyobj.TypeName(args[0]))
		}
	}
	v, err := py.Next(args[0])
	if err != nil {
		if pyobj.IsStopIteration(err) {
			if len(args) == 2 {
				return args[1], nil
			}
			if err == error(py.StopIteration) {
				return nil, stopIteration(generatorResult(args[0]))
			}
		}
		return nil, err
	}
	return v, nil
}

func attrName(o py.Object) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", pyobj.TypeName(o))
	}
	return string(s), nil
}

func builtinGetattr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("getattr", args, 2, 3); err != nil {
		return nil, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return nil, err
	}
	v, err := pyobj.GetAttr(args[0], name)
	if err != nil && len(args) == 3 && py.IsException(py.AttributeError, err) {
		return args[2], nil
	}
	return v, err
}

func builtinSetattr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("setattr", args, 3, 3); err != nil {
		return nil, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return nil, err
	}
	return py.None, pyobj.SetAttr(args[0], name, args[2])
}

func builtinHasattr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("hasattr", args, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return nil, err
	}
	_, err = pyobj.GetAttr(args[0], name)
	if err != nil {
		if py.IsException(py.AttributeError, err) {
			return py.False, nil
		}
		return nil, err
	}
	return py.True, nil
}

func builtinDelattr(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("delattr", args, 2, 2); err != nil {
		return nil, err
	}
	name, err := attrName(args[1])
	if err != nil {
		return nil, err
	}
	return py.None, pyobj.DelAttr(args[0], name)
}

// builtinStelpFreeze is __stelp_freeze__(cls, setattr, delattr): the
// dataclasses module installs a frozen class's __setattr__/__delattr__
// with it, because the attribute guard refuses those names to every
// setattr (they are escape tools on builtin objects). It only writes to a
// user class.
func builtinStelpFreeze(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("__stelp_freeze__", args, 3, 3); err != nil {
		return nil, err
	}
	t, ok := args[0].(*py.Type)
	if !ok || t.Flags&py.TPFLAGS_HEAPTYPE == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__stelp_freeze__ needs a user class")
	}
	t.Dict["__setattr__"], t.Dict["__delattr__"] = args[1], args[2]
	return py.None, nil
}

// builtinStelpInitField is __stelp_init_field__(obj, name, value): what
// object.__setattr__ does for a frozen dataclass's __init__, limited to
// plain (non-dunder) attributes of instances of user classes.
func builtinStelpInitField(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if err := pyobj.ArgCount("__stelp_init_field__", args, 3, 3); err != nil {
		return nil, err
	}
	inst, ok := args[0].(*pyobj.Instance)
	name, isStr := args[1].(py.String)
	if !ok || !isStr || strings.HasPrefix(string(name), "__") {
		return nil, py.ExceptionNewf(py.TypeError, "__stelp_init_field__ needs an instance and a field name")
	}
	return py.None, inst.GenericSetAttr(string(name), args[2])
}
