package pyobj

import (
	"math"
	"math/big"
	"testing"

	"github.com/go-python/gpython/py"
)

// Expected values are CPython 3.11's (hash of numbers, tuples and
// frozensets is deterministic there; set iteration order depends on it).
func TestHashMatchesCPython(t *testing.T) {
	big100 := new(big.Int).Lsh(big.NewInt(1), 100)
	fs := func(items ...py.Object) *FrozenSet {
		f, err := FrozenSetFrom(py.Tuple(items))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	cases := []struct {
		v    py.Object
		want int64
	}{
		{py.Float(0.1), 230584300921369408},
		{py.Float(0.5), 1152921504606846976},
		{py.Float(1.5), 1152921504606846977},
		{py.Float(-2.25), -576460752303423490},
		{py.Float(1e100), 1822893315824342674},
		{py.Float(3.14159), 326484311674566659},
		{py.Float(math.Pow(2, 70)), 512},
		{py.Float(math.Copysign(0, -1)), 0},
		{py.Int(-1), -2},
		{py.Bool(true), 1},
		{(*py.BigInt)(big100), 549755813888},
		{(*py.BigInt)(new(big.Int).Neg(big100)), -549755813888},
		{py.Tuple{py.Int(1), py.Int(2)}, -3550055125485641917},
		{py.Tuple{}, 5740354900026072187},
		{py.Tuple{py.Int(1)}, -6644214454873602895},
		{py.Tuple{py.Tuple{py.Int(1), py.Int(2)}, py.Int(3)}, -333907151259015829},
		{py.Tuple{py.Float(1.5), py.Int(-1)}, -9002791676578425913},
		{fs(py.Int(1), py.Int(2), py.Int(3)), -272375401224217160},
		{fs(), 133146708735736},
		// str and bytes as CPython with PYTHONHASHSEED=0
		{py.String("a"), 4644417185603328019},
		{py.String("hello"), -2096571579003691106},
		{py.String(""), 0},
		{py.String("héllo"), 6395329678795984700},
		{py.String("中文"), 501833946989431548},
		{py.String("😀x"), -8926728262118538918},
		{py.Bytes("abc"), -4594863902769663758},
		{py.String("abcdefghijklmnopqrstuvwxyz0123456789"), -99395660548226206},
	}
	for _, c := range cases {
		got, err := Hash(c.v)
		if err != nil {
			t.Fatalf("hash(%v): %v", c.v, err)
		}
		if got != c.want {
			r, _ := Repr(c.v)
			t.Errorf("hash(%s) = %d, CPython gives %d", r, got, c.want)
		}
	}
	if _, err := Hash(py.NewList()); err == nil {
		t.Error("hash([]) should raise TypeError")
	}
}

func TestFloatRepr(t *testing.T) {
	a, b := 0.1, 0.2 // variables: Go folds constant arithmetic exactly
	cases := map[float64]string{
		0.1: "0.1", a + b: "0.30000000000000004", 1e16: "1e+16", 1e15: "1000000000000000.0",
		1e-5: "1e-05", 1e-4: "0.0001", 123456789012345678: "1.2345678901234568e+17",
		5e-324: "5e-324", 100: "100.0", 1.5e300: "1.5e+300", 2.5: "2.5", -1.25e-7: "-1.25e-07",
		math.Inf(1): "inf", math.Inf(-1): "-inf", math.Copysign(0, -1): "-0.0",
	}
	for f, want := range cases {
		if got := FloatRepr(f); got != want {
			t.Errorf("repr(%g) = %s, want %s", f, got, want)
		}
	}
	if got := FloatRepr(math.NaN()); got != "nan" {
		t.Errorf("repr(nan) = %s", got)
	}
}

// Set iteration order follows CPython's table (probing, resizing).
func TestSetOrder(t *testing.T) {
	ints := func(vs ...int) py.Tuple {
		out := make(py.Tuple, len(vs))
		for i, v := range vs {
			out[i] = py.Int(v)
		}
		return out
	}
	cases := []struct {
		in   py.Tuple
		want string
	}{
		{ints(5, 3, 1, 100, 37), "{1, 3, 100, 37, 5}"},
		{ints(3, 2, 1), "{1, 2, 3}"},
		{ints(-1, -2, 0), "{0, -1, -2}"},
		{ints(0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98), "{0, 98, 35, 70, 7, 42, 77, 14, 49, 84, 21, 56, 91, 28, 63}"},
	}
	for _, c := range cases {
		s, err := SetFrom(c.in)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := s.M__repr__()
		if string(r.(py.String)) != c.want {
			t.Errorf("set(%v) = %s, CPython gives %s", c.in, r, c.want)
		}
	}
	s := NewSet()
	if err := s.AddConstants(ints(5, 3, 1, 100, 37)); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.M__repr__(); string(r.(py.String)) != "{1, 3, 100, 5, 37}" {
		t.Errorf("constant display {5, 3, 1, 100, 37} = %s, CPython gives {1, 3, 100, 5, 37}", r)
	}
}

func TestDictKeysUnify(t *testing.T) {
	d := NewDict()
	for _, k := range []py.Object{py.Int(1), py.Float(1.0), py.Bool(true), py.String("1"), py.Tuple{py.Int(1)}} {
		if err := d.Set(k, k); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := d.M__repr__()
	if want := "{1: True, '1': '1', (1,): (1,)}"; string(r.(py.String)) != want {
		t.Errorf("got %s, want %s", r, want)
	}
	if _, ok, _ := d.Delete(py.Float(1)); !ok || d.Len() != 2 {
		t.Errorf("delete 1.0 failed: %d keys left", d.Len())
	}
}

// A random sequence of sets and deletes keeps the dict equal to a simple
// model (insertion order of live keys), across the small (linear) and
// indexed representations and compaction.
func TestDictModel(t *testing.T) {
	d := NewDict()
	var order []int64
	vals := map[int64]int64{}
	seed := uint64(12345)
	next := func() uint64 { seed = seed*6364136223846793005 + 1442695040888963407; return seed >> 33 }
	for step := 0; step < 20000; step++ {
		k := int64(next() % 64)
		if next()%3 == 0 {
			_, ok, err := d.Delete(py.Int(k))
			if err != nil {
				t.Fatal(err)
			}
			if _, want := vals[k]; ok != want {
				t.Fatalf("step %d: delete %d = %v, model %v", step, k, ok, want)
			}
			if ok {
				delete(vals, k)
				for i, o := range order {
					if o == k {
						order = append(order[:i], order[i+1:]...)
						break
					}
				}
			}
			continue
		}
		v := int64(next())
		if _, ok := vals[k]; !ok {
			order = append(order, k)
		}
		vals[k] = v
		if err := d.Set(py.Int(k), py.Int(v)); err != nil {
			t.Fatal(err)
		}
		if d.Len() != len(order) {
			t.Fatalf("step %d: len %d, model %d", step, d.Len(), len(order))
		}
	}
	keys := d.Keys()
	for i, k := range keys {
		if int64(k.(py.Int)) != order[i] {
			t.Fatalf("key %d is %v, model %d", i, k, order[i])
		}
		got, ok, _ := d.Get(k)
		if !ok || int64(got.(py.Int)) != vals[order[i]] {
			t.Fatalf("value of %v is %v, model %d", k, got, vals[order[i]])
		}
	}
}
