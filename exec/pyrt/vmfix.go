package pyrt

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unsafe"

	"github.com/go-python/gpython/py"
	"github.com/go-python/gpython/vm"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// gpython's VM dispatches through an unexported opcode table. Several
// opcodes have semantics that no public hook can correct, so we replace
// those entries (each replacement is documented where it is installed):
//   - FOR_ITER treated any error from the iterator as exhaustion, silently
//     swallowing exceptions raised inside generators;
//   - COMPARE_OP could not order tuples or lists, ignored reflected user
//     methods, compared big ints and floats wrongly, and panicked on `is`
//     with tuples;
//   - LOAD_ATTR/STORE_ATTR/DELETE_ATTR lacked the descriptor protocol for
//     classes and attributes on exception instances (and are where the
//     executor's attribute guard applies);
//   - BUILD_MAP/STORE_MAP/MAP_ADD/BUILD_SET/SET_ADD built gpython's
//     str-keyed dict and unordered set: displays now build ours;
//   - GET_ITER, BINARY_SUBSCR: bytes, str in linear time, range slicing;
//   - arithmetic: bools as ints, tuple concatenation, ZeroDivisionError;
//   - CALL_FUNCTION*: **mapping of our dict, keyword order, messages;
//   - MAKE_FUNCTION/MAKE_CLOSURE: decorators compiled after defaults;
//   - LOAD_NAME/LOAD_GLOBAL: dotted decorator names;
//   - LOAD_FAST: **kwargs as an ordered dict;
//   - RETURN_VALUE/YIELD_FROM: generator return values;
//   - UNPACK_SEQUENCE, STORE_SUBSCR, DELETE_SUBSCR: CPython's messages;
//   - str % args uses our printf-style formatting.
//
// The table's functions take *vm.Vm, whose first field is the current
// frame; that is all the replacements need. A panic in a replacement
// becomes a Python exception (gpython does not recover them).
//
//go:linkname jumpTable github.com/go-python/gpython/vm.jumpTable
var jumpTable [256]func(unsafe.Pointer, int32) error

// vmFrame returns the frame of a *vm.Vm.
func vmFrame(v unsafe.Pointer) *py.Frame { return *(**py.Frame)(v) }

func top(f *py.Frame) py.Object { return f.Stack[len(f.Stack)-1] }
func pop(f *py.Frame) py.Object {
	o := f.Stack[len(f.Stack)-1]
	f.Stack = f.Stack[:len(f.Stack)-1]
	return o
}
func push(f *py.Frame, o py.Object)   { f.Stack = append(f.Stack, o) }
func setTop(f *py.Frame, o py.Object) { f.Stack[len(f.Stack)-1] = o }
func peek(f *py.Frame, n int) py.Object {
	return f.Stack[len(f.Stack)-n]
}

func patchVM() {
	before := jumpTable
	defer func() {
		for op := range jumpTable {
			switch vm.OpCode(op) {
			case vm.LOAD_FAST, vm.LOAD_GLOBAL, vm.LOAD_NAME, vm.BUILD_MAP:
				continue // hot, and cannot panic
			}
			if f := jumpTable[op]; reflect.ValueOf(f).Pointer() != reflect.ValueOf(before[op]).Pointer() {
				jumpTable[op] = recovering(f)
			}
		}
	}()
	origCompare := jumpTable[vm.COMPARE_OP]
	origMod := jumpTable[vm.BINARY_MODULO]
	origIMod := jumpTable[vm.INPLACE_MODULO]
	origCall := jumpTable[vm.CALL_FUNCTION]
	origCallVar := jumpTable[vm.CALL_FUNCTION_VAR]
	origCallKw := jumpTable[vm.CALL_FUNCTION_KW]
	origCallVarKw := jumpTable[vm.CALL_FUNCTION_VAR_KW]

	jumpTable[vm.FOR_ITER] = func(v unsafe.Pointer, delta int32) error {
		f := vmFrame(v)
		r, err := py.Next(top(f))
		if err != nil {
			if pyobj.IsStopIteration(err) {
				pop(f)
				f.Lasti += delta
				return nil
			}
			return err
		}
		push(f, r)
		return nil
	}

	jumpTable[vm.GET_ITER] = func(v unsafe.Pointer, arg int32) error {
		f := vmFrame(v)
		it, err := pyobj.Iter(top(f))
		if err != nil {
			return err
		}
		setTop(f, it)
		return nil
	}

	jumpTable[vm.COMPARE_OP] = func(v unsafe.Pointer, op int32) error {
		f := vmFrame(v)
		var r py.Object
		var err error
		switch op {
		case vm.PyCmp_LT, vm.PyCmp_LE, vm.PyCmp_EQ, vm.PyCmp_NE, vm.PyCmp_GT, vm.PyCmp_GE:
			b := pop(f)
			r, err = pyobj.RichCompare(top(f), b, cmpOps[op])
		case vm.PyCmp_IN, vm.PyCmp_NOT_IN:
			b := pop(f)
			var in bool
			in, err = pyobj.Contains(b, top(f))
			r = py.NewBool(in == (op == vm.PyCmp_IN))
		case vm.PyCmp_IS, vm.PyCmp_IS_NOT:
			b := pop(f)
			same := pyobj.Same(top(f), b)
			r = py.NewBool(same == (op == vm.PyCmp_IS))
		default:
			return origCompare(v, op)
		}
		if err != nil {
			return err
		}
		setTop(f, r)
		return nil
	}

	jumpTable[vm.LOAD_ATTR] = func(v unsafe.Pointer, namei int32) error {
		f := vmFrame(v)
		name := f.Code.Names[namei]
		if err := checkAttr(f, top(f), name); err != nil {
			return err
		}
		r, err := pyobj.GetAttr(top(f), name)
		if err != nil {
			return err
		}
		setTop(f, r)
		return nil
	}
	jumpTable[vm.STORE_ATTR] = func(v unsafe.Pointer, namei int32) error {
		f := vmFrame(v)
		name := f.Code.Names[namei]
		obj := pop(f)
		value := pop(f)
		if err := checkAttr(f, obj, name); err != nil {
			return err
		}
		return pyobj.SetAttr(obj, name, value)
	}
	jumpTable[vm.DELETE_ATTR] = func(v unsafe.Pointer, namei int32) error {
		f := vmFrame(v)
		name := f.Code.Names[namei]
		obj := pop(f)
		if err := checkAttr(f, obj, name); err != nil {
			return err
		}
		return pyobj.DelAttr(obj, name)
	}

	mod := func(orig func(unsafe.Pointer, int32) error) func(unsafe.Pointer, int32) error {
		return func(v unsafe.Pointer, arg int32) error {
			f := vmFrame(v)
			if s, ok := peek(f, 2).(py.String); ok {
				b := pop(f)
				r, err := pyobj.PercentFormat(string(s), b)
				if err != nil {
					return err
				}
				setTop(f, py.String(r))
				return nil
			}
			return orig(v, arg)
		}
	}
	jumpTable[vm.BINARY_MODULO] = mod(origMod)
	jumpTable[vm.INPLACE_MODULO] = mod(origIMod)
	patchBoolArith()
	patchDottedNames()
	patchSubscr()
	patchStoreSubscr()
	patchDecoratorOrder()
	patchKwargs()
	patchUnpack()
	patchGeneratorReturn()
	patchGeneratorThrow()
	patchRaiseContext()

	jumpTable[vm.BUILD_MAP] = func(v unsafe.Pointer, count int32) error {
		push(vmFrame(v), pyobj.NewDictSized(int(count)))
		return nil
	}
	jumpTable[vm.STORE_MAP] = func(v unsafe.Pointer, arg int32) error {
		f := vmFrame(v)
		key := pop(f)
		value := pop(f)
		return setItem(top(f), key, value)
	}
	jumpTable[vm.MAP_ADD] = func(v unsafe.Pointer, i int32) error {
		f := vmFrame(v)
		key := pop(f)
		value := pop(f)
		return setItem(peek(f, int(i)), key, value)
	}
	jumpTable[vm.BUILD_SET] = func(v unsafe.Pointer, count int32) error {
		f := vmFrame(v)
		items := f.Stack[len(f.Stack)-int(count):]
		s := pyobj.NewSet()
		if count > 2 && loadedConsts(f, int(count)) {
			if err := s.AddConstants(items); err != nil {
				return err
			}
		} else {
			for _, it := range items {
				if err := s.Add(it); err != nil {
					return err
				}
			}
		}
		f.Stack = f.Stack[:len(f.Stack)-int(count)]
		push(f, s)
		return nil
	}
	jumpTable[vm.SET_ADD] = func(v unsafe.Pointer, i int32) error {
		f := vmFrame(v)
		item := pop(f)
		s, ok := peek(f, int(i)).(*pyobj.Set)
		if !ok {
			return py.ExceptionNewf(py.SystemError, "SET_ADD on a non-set")
		}
		return s.Add(item)
	}

	jumpTable[vm.CALL_FUNCTION] = func(v unsafe.Pointer, argc int32) error {
		f := vmFrame(v)
		nargs, nkw := int(argc&0xff), int(argc>>8&0xff)
		callee := f.Stack[len(f.Stack)-2*nkw-nargs-1]
		if nkw > 0 {
			if done, err := orderedKwCall(f, nargs, nkw, nil); done {
				return err
			}
		}
		if nkw > 0 {
			recordKwOrder(f, kwNamesOnStack(f, nkw, 0))
		}
		if nargs == 1 && nkw == 0 {
			if r, ok, err := constantSetDisplay(f); ok {
				if err != nil {
					return err
				}
				f.Stack = f.Stack[:len(f.Stack)-2]
				push(f, r)
				return nil
			}
		}
		return qualifyArgError(origCall(v, argc), callee)
	}
	jumpTable[vm.CALL_FUNCTION_VAR] = func(v unsafe.Pointer, argc int32) error {
		f := vmFrame(v)
		if err := fixStarArgs(f, 1); err != nil {
			return err
		}
		if nkw := int(argc >> 8 & 0xff); nkw > 0 {
			recordKwOrder(f, kwNamesOnStack(f, nkw, 1))
		}
		return origCallVar(v, argc)
	}
	jumpTable[vm.CALL_FUNCTION_KW] = func(v unsafe.Pointer, argc int32) error {
		f := vmFrame(v)
		keys, err := fixStarKwargs(f, 1)
		if err != nil {
			return err
		}
		names := append(kwNamesOnStack(f, int(argc>>8&0xff), 1), keys...)
		recordKwOrder(f, names)
		if done, err := orderedKwCall(f, int(argc&0xff), int(argc>>8&0xff), names); done {
			return err
		}
		return origCallKw(v, argc)
	}
	jumpTable[vm.CALL_FUNCTION_VAR_KW] = func(v unsafe.Pointer, argc int32) error {
		f := vmFrame(v)
		keys, err := fixStarKwargs(f, 1)
		if err != nil {
			return err
		}
		names := append(kwNamesOnStack(f, int(argc>>8&0xff), 2), keys...)
		recordKwOrder(f, names)
		if err := fixStarArgs(f, 2); err != nil {
			return err
		}
		return origCallVarKw(v, argc)
	}
}

var cmpOps = map[int32]pyobj.CompareOp{
	vm.PyCmp_LT: pyobj.LT, vm.PyCmp_LE: pyobj.LE, vm.PyCmp_EQ: pyobj.EQ,
	vm.PyCmp_NE: pyobj.NE, vm.PyCmp_GT: pyobj.GT, vm.PyCmp_GE: pyobj.GE,
}

func setItem(container, key, value py.Object) error {
	if d, ok := container.(*pyobj.Dict); ok {
		return d.Set(key, value)
	}
	_, err := py.SetItem(container, key, value)
	return err
}

// fixStarArgs materialises the *args operand at stack depth n as a tuple,
// so that errors raised while iterating it propagate.
func fixStarArgs(f *py.Frame, n int) error {
	i := len(f.Stack) - n
	switch f.Stack[i].(type) {
	case py.Tuple, *py.List:
		return nil
	}
	items, err := pyobj.Items(f.Stack[i])
	if err != nil {
		return err
	}
	f.Stack[i] = py.Tuple(items)
	return nil
}

// fixStarKwargs converts the **mapping operand at depth n to gpython's
// str-keyed dict and returns its keys in the mapping's order.
func fixStarKwargs(f *py.Frame, n int) ([]string, error) {
	i := len(f.Stack) - n
	sd, keys, err := orderedKwargsOf(f.Stack[i])
	if err != nil {
		return nil, err
	}
	f.Stack[i] = sd
	return keys, nil
}

func toKwargs(o py.Object) (py.StringDict, error) {
	sd, _, err := orderedKwargsOf(o)
	return sd, err
}

// orderedKwargsOf converts a **mapping operand to gpython's str-keyed dict,
// also returning the keys in the mapping's own order.
func orderedKwargsOf(o py.Object) (py.StringDict, []string, error) {
	switch m := o.(type) {
	case py.StringDict:
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return m, keys, nil
	case *pyobj.Dict:
		sd := py.NewStringDictSized(m.Len())
		keys := make([]string, 0, m.Len())
		var err error
		m.Range(func(k, v py.Object) bool {
			ks, ok := k.(py.String)
			if !ok {
				err = py.ExceptionNewf(py.TypeError, "keywords must be strings")
				return false
			}
			sd[string(ks)] = v
			keys = append(keys, string(ks))
			return true
		})
		return sd, keys, err
	}
	keyList, err := pyobj.CallMethod(o, "keys")
	if err != nil {
		return nil, nil, py.ExceptionNewf(py.TypeError, "argument after ** must be a mapping, not %s", o.Type().Name)
	}
	sd := py.NewStringDict()
	var keys []string
	err = pyobj.ForEach(keyList, func(k py.Object) (bool, error) {
		ks, ok := k.(py.String)
		if !ok {
			return true, py.ExceptionNewf(py.TypeError, "keywords must be strings")
		}
		v, err := py.GetItem(o, k)
		if _, dup := sd[string(ks)]; !dup {
			keys = append(keys, string(ks))
		}
		sd[string(ks)] = v
		return err != nil, err
	})
	return sd, keys, err
}

// loadedConsts reports whether the n items the current instruction
// (BUILD_SET) consumes were all constant expressions, i.e. whether the
// display holds only constants (which CPython folds into a frozenset).
func loadedConsts(f *py.Frame, n int) bool {
	return constItemsBefore(f.Code.Code, int(f.Lasti)-3, n)
}

// constItemsBefore reports whether the n expressions ending at byte end are
// constants: LOAD_CONST, a sign applied to one, or a tuple of them.
func constItemsBefore(code string, end, n int) bool {
	for k := 0; k < n; k++ {
		start, ok := constExprBefore(code, end, 0)
		if !ok {
			return false
		}
		end = start
	}
	return true
}

func constExprBefore(code string, end, depth int) (int, bool) {
	if depth > 8 {
		return 0, false
	}
	if end >= 1 {
		switch vm.OpCode(code[end-1]) {
		case vm.UNARY_NEGATIVE, vm.UNARY_POSITIVE:
			if end >= 4 && vm.OpCode(code[end-4]) == vm.LOAD_CONST {
				return end - 4, true
			}
		}
	}
	if end < 3 {
		return 0, false
	}
	switch vm.OpCode(code[end-3]) {
	case vm.LOAD_CONST:
		return end - 3, true
	case vm.BUILD_TUPLE:
		n := int(code[end-2]) | int(code[end-1])<<8
		start := end - 3
		for k := 0; k < n; k++ {
			s, ok := constExprBefore(code, start, depth+1)
			if !ok {
				return 0, false
			}
			start = s
		}
		return start, true
	}
	return 0, false
}

// boolToInt returns the int value of a bool (bool is an int subclass in
// CPython; gpython's Bool has no arithmetic).
func boolToInt(o py.Object) py.Object {
	if b, ok := o.(py.Bool); ok {
		if b {
			return py.Int(1)
		}
		return py.Int(0)
	}
	return o
}

func isNumeric(o py.Object) bool {
	switch o.(type) {
	case py.Int, py.Float, py.Bool, *py.BigInt, py.Complex:
		return true
	}
	return false
}

// patchBoolArith makes bools behave as ints in arithmetic opcodes.
func patchBoolArith() {
	binary := []vm.OpCode{vm.BINARY_ADD, vm.BINARY_SUBTRACT, vm.BINARY_MULTIPLY, vm.BINARY_TRUE_DIVIDE,
		vm.BINARY_FLOOR_DIVIDE, vm.BINARY_MODULO, vm.BINARY_POWER, vm.BINARY_LSHIFT, vm.BINARY_RSHIFT,
		vm.INPLACE_ADD, vm.INPLACE_SUBTRACT, vm.INPLACE_MULTIPLY, vm.INPLACE_TRUE_DIVIDE,
		vm.INPLACE_FLOOR_DIVIDE, vm.INPLACE_MODULO, vm.INPLACE_POWER, vm.INPLACE_LSHIFT, vm.INPLACE_RSHIFT,
		vm.BINARY_AND, vm.BINARY_OR, vm.BINARY_XOR, vm.INPLACE_AND, vm.INPLACE_OR, vm.INPLACE_XOR}
	for _, op := range binary {
		op := op
		orig := jumpTable[op]
		jumpTable[op] = func(v unsafe.Pointer, arg int32) error {
			f := vmFrame(v)
			n := len(f.Stack)
			a, b := f.Stack[n-2], f.Stack[n-1]
			if op == vm.BINARY_ADD || op == vm.INPLACE_ADD {
				if r, ok, err := seqAdd(op, a, b); ok || err != nil {
					if err != nil {
						return err
					}
					f.Stack = f.Stack[:n-1]
					setTop(f, r)
					return nil
				}
			}
			_, ab := a.(py.Bool)
			_, bb := b.(py.Bool)
			if ab || bb {
				if ab && bb {
					switch op {
					case vm.BINARY_AND, vm.INPLACE_AND:
						f.Stack = f.Stack[:n-1]
						setTop(f, py.NewBool(bool(a.(py.Bool)) && bool(b.(py.Bool))))
						return nil
					case vm.BINARY_OR, vm.INPLACE_OR:
						f.Stack = f.Stack[:n-1]
						setTop(f, py.NewBool(bool(a.(py.Bool)) || bool(b.(py.Bool))))
						return nil
					case vm.BINARY_XOR, vm.INPLACE_XOR:
						f.Stack = f.Stack[:n-1]
						setTop(f, py.NewBool(bool(a.(py.Bool)) != bool(b.(py.Bool))))
						return nil
					}
				}
				if isNumeric(a) && isNumeric(b) {
					f.Stack[n-2], f.Stack[n-1] = boolToInt(a), boolToInt(b)
				} else if ab {
					if _, isInst := b.(*pyobj.Instance); !isInst {
						f.Stack[n-2] = boolToInt(a)
					}
				} else if _, isInst := a.(*pyobj.Instance); !isInst {
					f.Stack[n-1] = boolToInt(b)
				}
			}
			if err := zeroDivision(op, f.Stack[n-2], f.Stack[n-1]); err != nil {
				return err
			}
			if op == vm.BINARY_ADD || op == vm.INPLACE_ADD {
				if err := concatCheck(f.Stack[n-2], f.Stack[n-1]); err != nil {
					return err
				}
			}
			if (op == vm.BINARY_POWER || op == vm.INPLACE_POWER) && isNumeric(f.Stack[n-1]) {
				r, err := powOp(f.Stack[n-2], f.Stack[n-1])
				if err != nil {
					return err
				}
				f.Stack = f.Stack[:n-1]
				setTop(f, r)
				return nil
			}
			return orig(v, arg)
		}
	}
	for _, op := range []vm.OpCode{vm.UNARY_NEGATIVE, vm.UNARY_POSITIVE, vm.UNARY_INVERT} {
		orig := jumpTable[op]
		jumpTable[op] = func(v unsafe.Pointer, arg int32) error {
			f := vmFrame(v)
			setTop(f, boolToInt(top(f)))
			return orig(v, arg)
		}
	}
}

// zeroDivision raises CPython's ZeroDivisionError for a numeric operation
// by zero (gpython's messages differ, and 0.0 ** -1 gave inf).
func zeroDivision(op vm.OpCode, a, b py.Object) error {
	if !isNumeric(a) || !isNumeric(b) || !isZero(b) {
		return nil
	}
	_, af := a.(py.Float)
	_, bf := b.(py.Float)
	isFloat := af || bf
	switch op {
	case vm.BINARY_TRUE_DIVIDE, vm.INPLACE_TRUE_DIVIDE:
		if isFloat {
			return py.ExceptionNewf(py.ZeroDivisionError, "float division by zero")
		}
		return py.ExceptionNewf(py.ZeroDivisionError, "division by zero")
	case vm.BINARY_FLOOR_DIVIDE, vm.INPLACE_FLOOR_DIVIDE:
		if isFloat {
			return py.ExceptionNewf(py.ZeroDivisionError, "float floor division by zero")
		}
		return py.ExceptionNewf(py.ZeroDivisionError, "integer division or modulo by zero")
	case vm.BINARY_MODULO, vm.INPLACE_MODULO:
		if isFloat {
			return py.ExceptionNewf(py.ZeroDivisionError, "float modulo")
		}
		return py.ExceptionNewf(py.ZeroDivisionError, "integer modulo by zero")
	}
	return nil
}

// gpython's parser turns a dotted decorator (@prop.setter, @app.route(...))
// into one Name "prop.setter", which then fails to resolve. LOAD_NAME and
// LOAD_GLOBAL resolve such names as the attribute chain they stand for.
func patchDottedNames() {
	for _, op := range []vm.OpCode{vm.LOAD_NAME, vm.LOAD_GLOBAL} {
		orig := jumpTable[op]
		jumpTable[op] = func(v unsafe.Pointer, namei int32) error {
			f := vmFrame(v)
			name := f.Code.Names[namei]
			if !strings.Contains(name, ".") {
				return orig(v, namei)
			}
			parts := strings.Split(name, ".")
			obj, ok := lookupName(f, parts[0])
			if !ok {
				return py.ExceptionNewf(py.NameError, "name '%s' is not defined", parts[0])
			}
			for _, attr := range parts[1:] {
				if err := checkAttr(f, obj, attr); err != nil {
					return err
				}
				next, err := pyobj.GetAttr(obj, attr)
				if err != nil {
					return err
				}
				obj = next
			}
			push(f, obj)
			return nil
		}
	}
}

// lookupName finds a variable visible in frame f: fast locals, cells,
// the locals dict, globals, builtins.
func lookupName(f *py.Frame, name string) (py.Object, bool) {
	for i, n := range f.Code.Varnames {
		if n == name && i < len(f.LocalVars) && f.LocalVars[i] != nil {
			return f.LocalVars[i], true
		}
	}
	cells := append(append([]string(nil), f.Code.Cellvars...), f.Code.Freevars...)
	for i, n := range cells {
		if n == name && i < len(f.CellAndFreeVars) {
			if c, ok := f.CellAndFreeVars[i].(*py.Cell); ok {
				if v := c.Get(); v != nil {
					return v, true
				}
			}
		}
	}
	if v, ok := f.Locals[name]; ok {
		return v, true
	}
	if v, ok := f.Globals[name]; ok {
		return v, true
	}
	v, ok := f.Builtins[name]
	return v, ok
}

// seqAdd concatenates tuples (gpython's Tuple.__add__ misplaces the second
// operand) and extends a list in place for list += iterable.
func seqAdd(op vm.OpCode, a, b py.Object) (py.Object, bool, error) {
	switch x := a.(type) {
	case py.Tuple:
		y, ok := b.(py.Tuple)
		if !ok {
			return nil, false, nil
		}
		out := make(py.Tuple, 0, len(x)+len(y))
		out = append(append(out, x...), y...)
		return out, true, nil
	case *py.List:
		if op != vm.INPLACE_ADD {
			return nil, false, nil
		}
		switch b.(type) {
		case *py.List, *pyobj.Instance:
			return nil, false, nil
		}
		items, err := pyobj.Items(b)
		if err != nil {
			return nil, true, err
		}
		x.Items = append(x.Items, items...)
		return x, true, nil
	}
	return nil, false, nil
}

// patchSubscr fixes range slicing (gpython keeps the range's own bounds
// instead of recomputing them from the sliced indices).
func patchSubscr() {
	orig := jumpTable[vm.BINARY_SUBSCR]
	jumpTable[vm.BINARY_SUBSCR] = func(v unsafe.Pointer, arg int32) error {
		f := vmFrame(v)
		n := len(f.Stack)
		if str, ok := f.Stack[n-2].(py.String); ok {
			if sl, ok := f.Stack[n-1].(*py.Slice); ok {
				if info := measure(string(str)); info.ascii {
					start, stop, step, length, err := sl.GetIndices(len(str))
					if err != nil {
						return err
					}
					var r py.String
					if step == 1 {
						if length > 0 {
							r = str[start:stop]
						}
					} else {
						b := make([]byte, length)
						for k, j := 0, start; k < length; k, j = k+1, j+step {
							b[k] = str[j]
						}
						r = py.String(b)
					}
					f.Stack = f.Stack[:n-1]
					setTop(f, r)
					return nil
				}
			}
			if i, ok := f.Stack[n-1].(py.Int); ok {
				if info := measure(string(str)); info.ascii {
					if i < 0 {
						i += py.Int(len(str))
					}
					if i < 0 || int(i) >= len(str) {
						return py.ExceptionNewf(py.IndexError, "string index out of range")
					}
					f.Stack = f.Stack[:n-1]
					setTop(f, py.String(str[i:i+1]))
					return nil
				}
			}
		}
		if r, ok, err := pyobj.CallClassHook(f.Stack[n-2], pyobj.ClassGetItemHook, f.Stack[n-1]); ok {
			if err != nil {
				return err
			}
			f.Stack = f.Stack[:n-1]
			setTop(f, r)
			return nil
		}
		if err := indexCheck(f.Stack[n-2], f.Stack[n-1], "index out of range"); err != nil {
			return err
		}
		if b, ok := f.Stack[n-2].(py.Bytes); ok {
			r, err := bytesIndex(b, f.Stack[n-1])
			if err != nil {
				return err
			}
			f.Stack = f.Stack[:n-1]
			setTop(f, r)
			return nil
		}
		if r, ok := f.Stack[n-2].(*py.Range); ok {
			if sl, ok := f.Stack[n-1].(*py.Slice); ok {
				start, stop, step, length, err := sl.GetIndices(int(r.Length))
				if err != nil {
					return err
				}
				nstart := int64(r.Start) + int64(start)*int64(r.Step)
				nstep := int64(r.Step) * int64(step)
				nr := &py.Range{Start: py.Int(nstart), Step: py.Int(nstep), Length: py.Int(length),
					Stop: py.Int(int64(r.Start) + int64(stop)*int64(r.Step))}
				f.Stack = f.Stack[:n-1]
				setTop(f, nr)
				return nil
			}
		}
		return orig(v, arg)
	}
}

// gpython's compiler evaluates a decorated function's defaults before its
// decorators, so MAKE_FUNCTION took a decorator as a default value and the
// default was then called as the decorator. Before making such a function
// we move the decorators below the defaults, where the compiler should
// have put them. The decorators are counted from the CALL_FUNCTION 1
// instructions that apply them, followed by the store of the name.
func patchDecoratorOrder() {
	for _, op := range []vm.OpCode{vm.MAKE_FUNCTION, vm.MAKE_CLOSURE} {
		op := op
		orig := jumpTable[op]
		jumpTable[op] = func(v unsafe.Pointer, argc int32) error {
			f := vmFrame(v)
			nargs := int(argc&0xff) + 2*int((argc>>8)&0xff) + int((argc>>16)&0x7fff)
			if nargs > 0 {
				if name, ok := top(f).(py.String); ok && !strings.HasSuffix(string(name), "<lambda>") {
					if d := decoratorCount(f); d > 0 {
						extra := 2
						if op == vm.MAKE_CLOSURE {
							extra = 3
						}
						n := len(f.Stack)
						seg := f.Stack[n-extra-d-nargs : n-extra]
						rot := make([]py.Object, 0, len(seg))
						rot = append(append(rot, seg[nargs:]...), seg[:nargs]...)
						copy(seg, rot)
					}
				}
			}
			return orig(v, argc)
		}
	}
}

func decoratorCount(f *py.Frame) int {
	code := f.Code.Code
	p := int(f.Lasti)
	d := 0
	for p+2 < len(code) && vm.OpCode(code[p]) == vm.CALL_FUNCTION && code[p+1] == 1 && code[p+2] == 0 {
		d++
		p += 3
	}
	if d == 0 || p >= len(code) {
		return 0
	}
	switch vm.OpCode(code[p]) {
	case vm.STORE_NAME, vm.STORE_FAST, vm.STORE_GLOBAL, vm.STORE_DEREF:
		return d
	}
	return 0
}

func bytesIndex(b py.Bytes, key py.Object) (py.Object, error) {
	if sl, ok := key.(*py.Slice); ok {
		start, _, step, length, err := sl.GetIndices(len(b))
		if err != nil {
			return nil, err
		}
		out := make([]byte, length)
		for i, j := 0, start; i < length; i, j = i+1, j+step {
			out[i] = b[j]
		}
		return py.Bytes(out), nil
	}
	i, err := py.IndexInt(key)
	if err != nil {
		return nil, py.ExceptionNewf(py.TypeError, "byte indices must be integers or slices, not %s", pyobj.TypeName(key))
	}
	if i < 0 {
		i += len(b)
	}
	if i < 0 || i >= len(b) {
		return nil, py.ExceptionNewf(py.IndexError, "index out of range")
	}
	return py.Int(b[i]), nil
}

// Keyword arguments reach a **kwargs parameter as gpython's str-keyed Go
// map, which has no order and few methods. LOAD_FAST converts such a value
// to our dict on first use, ordering the keys as the most recent call in
// this context passed them (the call that created the frame, unless the
// function made other keyword calls before first touching its **kwargs),
// else sorted.
func recordKwOrder(f *py.Frame, names []string) {
	if s := frameState(f); s != nil {
		s.kwOrder = names
	}
}

func patchKwargs() {
	jumpTable[vm.LOAD_FAST] = func(v unsafe.Pointer, i int32) error {
		f := vmFrame(v)
		val := f.LocalVars[i]
		if val == nil {
			return py.ExceptionNewf(py.UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value", f.Code.Varnames[i])
		}
		if sd, ok := val.(py.StringDict); ok && isKwargsSlot(f.Code, int(i)) {
			d := orderedKwargs(f, sd)
			f.LocalVars[i] = d
			val = d
		}
		push(f, val)
		return nil
	}
}

func orderedKwargs(f *py.Frame, sd py.StringDict) *pyobj.Dict {
	d := pyobj.NewDictSized(len(sd))
	if st := frameState(f); st != nil {
		for _, k := range st.kwOrder {
			if v, ok := sd[k]; ok {
				if _, seen := d.GetStr(k); !seen {
					_ = d.Set(py.String(k), v)
				}
			}
		}
	}
	if d.Len() < len(sd) {
		keys := make([]string, 0, len(sd))
		for k := range sd {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, seen := d.GetStr(k); !seen {
				_ = d.Set(py.String(k), sd[k])
			}
		}
	}
	return d
}

// kwNamesOnStack returns the keyword names of a CALL_FUNCTION* with nkw
// pairs ending at depth `above` below the top of the stack.
func kwNamesOnStack(f *py.Frame, nkw, above int) []string {
	end := len(f.Stack) - above
	var names []string
	for i := end - 2*nkw; i < end; i += 2 {
		if s, ok := f.Stack[i].(py.String); ok {
			names = append(names, string(s))
		}
	}
	return names
}

// indexCheck raises CPython's IndexError for an out-of-range integer index
// into a list, tuple or str (gpython's message names no type).
func indexCheck(container, key py.Object, what string) error {
	i, ok := key.(py.Int)
	if !ok {
		return nil
	}
	var n int
	var name string
	switch c := container.(type) {
	case *py.List:
		n, name = len(c.Items), "list"
	case py.Tuple:
		n, name = len(c), "tuple"
	case py.String:
		n, name = measure(string(c)).runes, "string"
	default:
		return nil
	}
	if int(i) >= n || int(i) < -n {
		if what == "assignment" {
			return py.ExceptionNewf(py.IndexError, "%s assignment index out of range", name)
		}
		return py.ExceptionNewf(py.IndexError, "%s index out of range", name)
	}
	return nil
}

// concatCheck raises CPython's TypeError for str/list/tuple + another type.
func concatCheck(a, b py.Object) error {
	var name string
	switch a.(type) {
	case py.String:
		if _, ok := b.(py.String); ok {
			return nil
		}
		name = "str"
	case *py.List:
		if _, ok := b.(*py.List); ok {
			return nil
		}
		name = "list"
	case py.Tuple:
		if _, ok := b.(py.Tuple); ok {
			return nil
		}
		name = "tuple"
	default:
		return nil
	}
	if _, ok := b.(*pyobj.Instance); ok {
		return nil
	}
	return py.ExceptionNewf(py.TypeError, "can only concatenate %s (not \"%s\") to %s", name, pyobj.TypeName(b), name)
}

func patchStoreSubscr() {
	for _, op := range []vm.OpCode{vm.STORE_SUBSCR, vm.DELETE_SUBSCR} {
		op := op
		orig := jumpTable[op]
		jumpTable[op] = func(v unsafe.Pointer, arg int32) error {
			f := vmFrame(v)
			n := len(f.Stack)
			if l, ok := f.Stack[n-2].(*py.List); ok {
				if err := indexCheck(l, f.Stack[n-1], "assignment"); err != nil {
					return err
				}
			}
			if l, ok := f.Stack[n-2].(*py.List); ok {
				if s, ok := f.Stack[n-1].(*py.Slice); ok {
					var err error
					if op == vm.STORE_SUBSCR {
						err = setListSlice(l, s, f.Stack[n-3])
						f.Stack = f.Stack[:n-3]
					} else {
						err = deleteListSlice(l, s)
						f.Stack = f.Stack[:n-2]
					}
					return err
				}
			}
			if op == vm.STORE_SUBSCR {
				if _, ok := f.Stack[n-2].(py.Tuple); ok {
					return py.ExceptionNewf(py.TypeError, "'tuple' object does not support item assignment")
				}
				if _, ok := f.Stack[n-2].(py.String); ok {
					return py.ExceptionNewf(py.TypeError, "'str' object does not support item assignment")
				}
			}
			return orig(v, arg)
		}
	}
}

// recovering turns a Go panic in one of our opcodes into a Python
// exception: gpython's VM does not recover panics, so one would take the
// whole worker down instead of being catchable by the program.
func recovering(f func(unsafe.Pointer, int32) error) func(unsafe.Pointer, int32) error {
	return func(v unsafe.Pointer, arg int32) (err error) {
		defer func() {
			if r := recover(); r != nil {
				switch e := r.(type) {
				case *py.Exception:
					err = e
				case py.ExceptionInfo:
					err = e
				default:
					err = py.ExceptionNewf(py.SystemError, "runtime: %s", fmt.Sprint(r))
				}
			}
		}()
		return f(v, arg)
	}
}

// gpython drops a generator's return value: `return v` in a generator ends
// it with a bare StopIteration, and `r = yield from g` left the iterator
// itself in r. RETURN_VALUE remembers the value of a returning generator
// frame; YIELD_FROM and next() hand it on as CPython does.
func patchGeneratorReturn() {
	origReturn := jumpTable[vm.RETURN_VALUE]
	jumpTable[vm.RETURN_VALUE] = func(v unsafe.Pointer, arg int32) error {
		f := vmFrame(v)
		if f.Code.Flags&py.CO_GENERATOR != 0 && len(f.Stack) > 0 && top(f) != py.None {
			if st := frameState(f); st != nil {
				if st.genReturns == nil {
					st.genReturns = map[*py.Frame]py.Object{}
				}
				st.genReturns[f] = top(f)
			}
		}
		return origReturn(v, arg)
	}
	origYieldFrom := jumpTable[vm.YIELD_FROM]
	jumpTable[vm.YIELD_FROM] = func(v unsafe.Pointer, arg int32) error {
		f := vmFrame(v)
		sub := peek(f, 2)
		lasti := f.Lasti
		if err := origYieldFrom(v, arg); err != nil {
			return err
		}
		if f.Lasti == lasti { // the sub-iterator finished: TOS is its value
			setTop(f, generatorResult(sub))
		}
		return nil
	}
}

// generatorResult returns (and forgets) what a finished generator returned.
func generatorResult(o py.Object) py.Object {
	if g, ok := o.(*py.Generator); ok {
		if st := frameState(g.Frame); st != nil {
			if r, ok := st.genReturns[g.Frame]; ok {
				delete(st.genReturns, g.Frame)
				return r
			}
		}
	}
	return py.None
}

// constantSetDisplay handles __stelp_set__((c1, c2, c3, ...)), the lowered
// form of a set display, when every item is a constant: CPython builds such
// a display from a folded frozenset constant, which can iterate in another
// order than adding the items one by one.
func constantSetDisplay(f *py.Frame) (py.Object, bool, error) {
	m, ok := f.Stack[len(f.Stack)-2].(*py.Method)
	if !ok || m.Name != "__stelp_set__" {
		return nil, false, nil
	}
	items, ok := f.Stack[len(f.Stack)-1].(py.Tuple)
	if !ok || len(items) <= 2 {
		return nil, false, nil
	}
	call := int(f.Lasti) - 3
	code := f.Code.Code
	if call < 3 || vm.OpCode(code[call-3]) != vm.BUILD_TUPLE {
		return nil, false, nil
	}
	if n := int(code[call-2]) | int(code[call-1])<<8; n != len(items) || !constItemsBefore(code, call-3, n) {
		return nil, false, nil
	}
	s := pyobj.NewSet()
	return s, true, s.AddConstants(items)
}

// patchUnpack gives unpacking errors CPython's wording.
func patchUnpack() {
	orig := jumpTable[vm.UNPACK_SEQUENCE]
	jumpTable[vm.UNPACK_SEQUENCE] = func(v unsafe.Pointer, count int32) error {
		f := vmFrame(v)
		n := -1
		switch x := top(f).(type) {
		case py.Tuple:
			n = len(x)
		case *py.List:
			n = len(x.Items)
		}
		if n >= 0 && n != int(count) {
			if n > int(count) {
				return py.ExceptionNewf(py.ValueError, "too many values to unpack (expected %d)", count)
			}
			return py.ExceptionNewf(py.ValueError, "not enough values to unpack (expected %d, got %d)", count, n)
		}
		err := orig(v, count)
		if err != nil && py.IsException(py.ValueError, err) {
			var got int
			if e, ok := err.(*py.Exception); ok {
				if msg, _ := pyobj.ExceptionStr(e); strings.HasPrefix(msg, "need more than ") {
					fmt.Sscanf(msg, "need more than %d", &got)
					return py.ExceptionNewf(py.ValueError, "not enough values to unpack (expected %d, got %d)", count, got)
				}
			}
		}
		return err
	}
}

// qualifyArgError names a method as CPython 3.10+ does in argument errors
// (C.m() missing 1 required positional argument), where gpython uses the
// bare function name.
func qualifyArgError(err error, callee py.Object) error {
	if err == nil {
		return nil
	}
	fn, ok := callee.(*py.Function)
	if bm, isBound := callee.(*py.BoundMethod); isBound {
		fn, ok = bm.Method.(*py.Function)
	}
	if !ok || fn.Qualname == "" || fn.Qualname == fn.Name {
		return err
	}
	e, isExc := err.(*py.Exception)
	if !isExc || e.Base != py.TypeError {
		return err
	}
	args := pyobj.ExcArgs(e)
	if len(args) != 1 {
		return err
	}
	if msg, isStr := args[0].(py.String); isStr && strings.HasPrefix(string(msg), fn.Name+"()") {
		return py.ExceptionNewf(py.TypeError, "%s", fn.Qualname+string(msg[len(fn.Name):]))
	}
	return err
}

// isKwargsSlot reports whether local i is the function's **kwargs
// parameter (only that one is converted: a local holding globals() must
// stay the live namespace).
func isKwargsSlot(c *py.Code, i int) bool {
	if c.Flags&py.CO_VARKEYWORDS == 0 {
		return false
	}
	slot := int(c.Argcount + c.Kwonlyargcount)
	if c.Flags&py.CO_VARARGS != 0 {
		slot++
	}
	return i == slot
}

// orderedKwCall runs dict(...) and d.update(...) calls that pass keywords
// itself, so that the keys keep the order of the call: gpython hands
// keywords to Go callees as a str-keyed Go map, which has none. It handles
// CALL_FUNCTION (starNames nil: nkw name/value pairs on top of the stack)
// and CALL_FUNCTION_KW (starNames: the keyword names in order, the
// explicit pairs followed by the **mapping already converted to a
// StringDict on top). done reports whether the call was made.
func orderedKwCall(f *py.Frame, nargs, nkw int, starNames []string) (done bool, err error) {
	if nargs > 1 {
		return false, nil
	}
	star := 0
	if starNames != nil {
		star = 1
	}
	fnPos := len(f.Stack) - star - 2*nkw - nargs - 1
	var target *pyobj.Dict
	var result py.Object = py.None
	switch callee := f.Stack[fnPos].(type) {
	case *py.Type:
		if callee != pyobj.DictType {
			return false, nil
		}
		target = pyobj.NewDict()
		result = target
	case *py.BoundMethod:
		d, ok := callee.Self.(*pyobj.Dict)
		if !ok || !isDictUpdate(callee.Method) {
			return false, nil
		}
		target = d
	default:
		return false, nil
	}
	if nargs == 1 {
		if err := target.UpdateFrom(f.Stack[fnPos+1]); err != nil {
			return true, err
		}
	}
	pairs := f.Stack[fnPos+1+nargs : len(f.Stack)-star]
	for i := 0; i < len(pairs); i += 2 {
		if err := target.Set(pairs[i], pairs[i+1]); err != nil {
			return true, err
		}
	}
	if star == 1 {
		sd := top(f).(py.StringDict)
		explicit := make(map[string]bool, nkw)
		for _, name := range starNames[:nkw] {
			explicit[name] = true
		}
		// fixStarKwargs listed every key of the mapping, in its order.
		for _, name := range starNames[nkw:] {
			v := sd[name]
			if explicit[name] {
				return true, py.ExceptionNewf(py.TypeError, "%s got multiple values for keyword argument '%s'", callName(result), name)
			}
			if err := target.Set(py.String(name), v); err != nil {
				return true, err
			}
		}
	}
	f.Stack = f.Stack[:fnPos]
	push(f, result)
	return true, nil
}

// callName names the call in an error message as CPython does.
func callName(result py.Object) string {
	if result == py.None {
		return "dict.update()"
	}
	return "dict()"
}

// isDictUpdate reports whether m is the dict type's own update method.
func isDictUpdate(m py.Object) bool {
	update, ok := pyobj.DictType.Dict["update"]
	return ok && m == update
}
