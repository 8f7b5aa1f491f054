package stdlib

import (
	"crypto/rand"
	"crypto/sha512"
	"math"
	"math/big"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/pyrt/pyobj"
)

// The random module reproduces CPython's generator bit for bit: the same
// Mersenne Twister (MT19937) seeded by init_by_array with the absolute seed
// split into 32-bit words, and the same derivations (random() from 53 bits,
// _randbelow by rejection over getrandbits, shuffle, sample, choices, gauss),
// so random.seed(n) followed by any of these prints what CPython prints.

func randomModule() *goModule {
	return &goModule{name: "random", doc: "Random variable generators.", build: buildRandom}
}

const (
	mtN       = 624
	mtM       = 397
	mtMatrixA = 0x9908b0df
	mtUpper   = 0x80000000
	mtLower   = 0x7fffffff
)

type mt19937 struct {
	mt        [mtN]uint32
	mti       int
	gaussNext *float64
}

func (r *mt19937) initGenrand(s uint32) {
	r.mt[0] = s
	for i := 1; i < mtN; i++ {
		r.mt[i] = 1812433253*(r.mt[i-1]^(r.mt[i-1]>>30)) + uint32(i)
	}
	r.mti = mtN
}

func (r *mt19937) initByArray(key []uint32) {
	r.initGenrand(19650218)
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		r.mt[i] = (r.mt[i] ^ ((r.mt[i-1] ^ (r.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			r.mt[0] = r.mt[mtN-1]
			i = 1
		}
	}
	r.mt[0] = 0x80000000
}

func (r *mt19937) uint32() uint32 {
	mag01 := [2]uint32{0, mtMatrixA}
	if r.mti >= mtN {
		kk := 0
		for ; kk < mtN-mtM; kk++ {
			y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
			r.mt[kk] = r.mt[kk+mtM] ^ (y >> 1) ^ mag01[y&1]
		}
		for ; kk < mtN-1; kk++ {
			y := (r.mt[kk] & mtUpper) | (r.mt[kk+1] & mtLower)
			r.mt[kk] = r.mt[kk+(mtM-mtN)] ^ (y >> 1) ^ mag01[y&1]
		}
		y := (r.mt[mtN-1] & mtUpper) | (r.mt[0] & mtLower)
		r.mt[mtN-1] = r.mt[mtM-1] ^ (y >> 1) ^ mag01[y&1]
		r.mti = 0
	}
	y := r.mt[r.mti]
	r.mti++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (r *mt19937) random() float64 {
	a := r.uint32() >> 5
	b := r.uint32() >> 6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// seedBig seeds from a non-negative integer as CPython's random_seed does.
func (r *mt19937) seedBig(n *big.Int) {
	n = new(big.Int).Abs(n)
	words := n.Bits()
	var key []uint32
	for _, w := range words {
		key = append(key, uint32(w))
		if bitsPerWord == 64 {
			key = append(key, uint32(uint64(w)>>32))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.initByArray(key)
	r.gaussNext = nil
}

const bitsPerWord = 32 << (^uint(0) >> 63)

func (r *mt19937) getrandbits(k int) *big.Int {
	if k <= 32 {
		return big.NewInt(int64(r.uint32() >> (32 - k)))
	}
	words := (k-1)/32 + 1
	out := new(big.Int)
	for i := 0; i < words; i++ {
		w := r.uint32()
		if k < 32 {
			w >>= 32 - k
		}
		out.Or(out, new(big.Int).Lsh(big.NewInt(int64(w)), uint(32*i)))
		k -= 32
	}
	return out
}

// randbelow returns an int in [0, n) for n > 0, as _randbelow_with_getrandbits.
func (r *mt19937) randbelow(n *big.Int) *big.Int {
	k := n.BitLen()
	x := r.getrandbits(k)
	for x.Cmp(n) >= 0 {
		x = r.getrandbits(k)
	}
	return x
}

func (r *mt19937) randbelowInt(n int) int {
	return int(r.randbelow(big.NewInt(int64(n))).Int64())
}

// randomObj is random.Random: a generator with the module's methods.
type randomObj struct {
	mt19937
	ctx py.Context
}

var randomType = py.NewType("Random", "Random number generator base class.")

func (r *randomObj) Type() *py.Type { return randomType }

func (r *randomObj) seed(a py.Object) error {
	switch x := a.(type) {
	case nil, py.NoneType:
		var b [32]byte
		if _, err := rand.Read(b[:]); err != nil {
			return py.ExceptionNewf(py.SystemError, "no entropy: %v", err)
		}
		r.seedBig(new(big.Int).SetBytes(b[:]))
		return nil
	case py.String:
		r.seedBytes([]byte(x))
		return nil
	case py.Bytes:
		r.seedBytes([]byte(x))
		return nil
	case py.Float:
		// CPython seeds a float with its hash.
		h, err := pyobj.Hash(x)
		if err != nil {
			return err
		}
		r.seedBig(big.NewInt(h))
		return nil
	}
	if isInt(a) {
		b, _ := toBig(a)
		r.seedBig(b)
		return nil
	}
	return py.ExceptionNewf(py.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
}

func (r *randomObj) seedBytes(b []byte) {
	sum := sha512.Sum512(b)
	all := append(append([]byte{}, b...), sum[:]...)
	r.seedBig(new(big.Int).SetBytes(all))
}

// randIndex converts a randrange argument like CPython 3.11's _index with
// its deprecated acceptance of integral floats.
func randIndex(o py.Object, what string) (*big.Int, error) {
	if f, ok := o.(py.Float); ok {
		if float64(f) != math.Trunc(float64(f)) || math.IsInf(float64(f), 0) {
			return nil, py.ExceptionNewf(py.ValueError, "non-integer %s for randrange()", what)
		}
		b, _ := new(big.Float).SetFloat64(float64(f)).Int(nil)
		return b, nil
	}
	return toBig(o)
}

func (r *randomObj) randrange(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := parseArgs("randrange", args, kwargs, []string{"start", "stop", "step"}, 1)
	if err != nil {
		return nil, err
	}
	start, err := randIndex(a[0], "arg 1")
	if err != nil {
		return nil, err
	}
	if isNone(a[1]) {
		if a[2] != nil {
			return nil, py.ExceptionNewf(py.TypeError, "Missing a non-None stop argument")
		}
		if start.Sign() > 0 {
			return fromBig(r.randbelow(start)), nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange()")
	}
	stop, err := randIndex(a[1], "stop")
	if err != nil {
		return nil, err
	}
	width := new(big.Int).Sub(stop, start)
	step := big.NewInt(1)
	if a[2] != nil {
		if step, err = randIndex(a[2], "step"); err != nil {
			return nil, err
		}
	}
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() > 0 {
			return fromBig(new(big.Int).Add(start, r.randbelow(width))), nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange() (%s, %s, %s)", start, stop, width)
	}
	var n *big.Int
	switch step.Sign() {
	case 1:
		n = new(big.Int).Add(width, step)
		n.Sub(n, big.NewInt(1))
	case -1:
		n = new(big.Int).Add(width, step)
		n.Add(n, big.NewInt(1))
	default:
		return nil, py.ExceptionNewf(py.ValueError, "zero step for randrange()")
	}
	n = floorDiv(n, step)
	if n.Sign() <= 0 {
		return nil, py.ExceptionNewf(py.ValueError, "empty range for randrange()")
	}
	res := new(big.Int).Mul(step, r.randbelow(n))
	return fromBig(res.Add(res, start)), nil
}

func floorDiv(a, b *big.Int) *big.Int {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
	}
	return q
}

func seqLen(o py.Object) (int, error) {
	n, err := py.Len(o)
	if err != nil {
		return 0, err
	}
	return toInt(n)
}

func (r *randomObj) methods() map[string]func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return map[string]func(args py.Tuple, kwargs py.StringDict) (py.Object, error){
		"seed": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("seed", args, kwargs, []string{"a", "version"}, 0)
			if err != nil {
				return nil, err
			}
			return py.None, r.seed(a[0])
		},
		"random": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("random", args, kwargs, 0); err != nil {
				return nil, err
			}
			return py.Float(r.random()), nil
		},
		"getrandbits": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("getrandbits", args, kwargs, 1); err != nil {
				return nil, err
			}
			k, err := toInt(args[0])
			if err != nil {
				return nil, err
			}
			if k < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "number of bits must be non-negative")
			}
			if k == 0 {
				return py.Int(0), nil
			}
			if k > 1<<20 {
				return nil, py.ExceptionNewf(py.OverflowError, "getrandbits() argument too large for this runtime")
			}
			return fromBig(r.getrandbits(k)), nil
		},
		"randrange": r.randrange,
		"randint": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("randint", args, kwargs, []string{"a", "b"}, 2)
			if err != nil {
				return nil, err
			}
			b1, err := py.Add(a[1], py.Int(1))
			if err != nil {
				return nil, err
			}
			return r.randrange(py.Tuple{a[0], b1}, nil)
		},
		"choice": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("choice", args, kwargs, 1); err != nil {
				return nil, err
			}
			n, err := seqLen(args[0])
			if err != nil {
				return nil, err
			}
			if n == 0 {
				return nil, py.ExceptionNewf(py.IndexError, "Cannot choose from an empty sequence")
			}
			return py.GetItem(args[0], py.Int(r.randbelowInt(n)))
		},
		"shuffle": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			if err := fixedArgs("shuffle", args, kwargs, 1); err != nil {
				return nil, err
			}
			x := args[0]
			n, err := seqLen(x)
			if err != nil {
				return nil, err
			}
			for i := n - 1; i > 0; i-- {
				j := r.randbelowInt(i + 1)
				xi, err := py.GetItem(x, py.Int(i))
				if err != nil {
					return nil, err
				}
				xj, err := py.GetItem(x, py.Int(j))
				if err != nil {
					return nil, err
				}
				if _, err := py.SetItem(x, py.Int(i), xj); err != nil {
					return nil, err
				}
				if _, err := py.SetItem(x, py.Int(j), xi); err != nil {
					return nil, err
				}
			}
			return py.None, nil
		},
		"sample":  r.sample,
		"choices": r.choices,
		"uniform": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("uniform", args, kwargs, []string{"a", "b"}, 2)
			if err != nil {
				return nil, err
			}
			lo, err := toFloat(a[0])
			if err != nil {
				return nil, err
			}
			hi, err := toFloat(a[1])
			if err != nil {
				return nil, err
			}
			return py.Float(lo + (hi-lo)*r.random()), nil
		},
		"triangular": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("triangular", args, kwargs, []string{"low", "high", "mode"}, 0)
			if err != nil {
				return nil, err
			}
			low, high := 0.0, 1.0
			if a[0] != nil {
				if low, err = toFloat(a[0]); err != nil {
					return nil, err
				}
			}
			if a[1] != nil {
				if high, err = toFloat(a[1]); err != nil {
					return nil, err
				}
			}
			u := r.random()
			c := 0.5
			if !isNone(a[2]) {
				mode, err := toFloat(a[2])
				if err != nil {
					return nil, err
				}
				if high == low {
					return py.Float(low), nil
				}
				c = (mode - low) / (high - low)
			}
			if u > c {
				u = 1 - u
				c = 1 - c
				low, high = high, low
			}
			return py.Float(low + (high-low)*math.Sqrt(u*c)), nil
		},
		"gauss": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			mu, sigma, err := muSigma("gauss", args, kwargs)
			if err != nil {
				return nil, err
			}
			var z float64
			if r.gaussNext != nil {
				z = *r.gaussNext
				r.gaussNext = nil
			} else {
				x2pi := r.random() * 2 * math.Pi
				g2rad := math.Sqrt(-2.0 * cLog(1.0-r.random()))
				z = cCos(x2pi) * g2rad
				next := cSin(x2pi) * g2rad
				r.gaussNext = &next
			}
			return py.Float(mu + z*sigma), nil
		},
		"normalvariate": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			mu, sigma, err := muSigma("normalvariate", args, kwargs)
			if err != nil {
				return nil, err
			}
			magic := 4 * cExp(-0.5) / math.Sqrt(2.0)
			var z float64
			for {
				u1 := r.random()
				u2 := 1.0 - r.random()
				z = magic * (u1 - 0.5) / u2
				zz := z * z / 4.0
				if zz <= -cLog(u2) {
					break
				}
			}
			return py.Float(mu + z*sigma), nil
		},
		"expovariate": func(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("expovariate", args, kwargs, []string{"lambd"}, 1)
			if err != nil {
				return nil, err
			}
			l, err := toFloat(a[0])
			if err != nil {
				return nil, err
			}
			if l == 0 {
				return nil, py.ExceptionNewf(py.ZeroDivisionError, "float division by zero")
			}
			return py.Float(-cLog(1.0-r.random()) / l), nil
		},
	}
}

func muSigma(name string, args py.Tuple, kwargs py.StringDict) (float64, float64, error) {
	a, err := parseArgs(name, args, kwargs, []string{"mu", "sigma"}, 0)
	if err != nil {
		return 0, 0, err
	}
	mu, sigma := 0.0, 1.0
	if a[0] != nil {
		if mu, err = toFloat(a[0]); err != nil {
			return 0, 0, err
		}
	}
	if a[1] != nil {
		if sigma, err = toFloat(a[1]); err != nil {
			return 0, 0, err
		}
	}
	return mu, sigma, nil
}

func (r *randomObj) sample(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := parseArgs("sample", args, kwargs, []string{"population", "k", "counts"}, 2)
	if err != nil {
		return nil, err
	}
	pop := a[0]
	// CPython 3.11 requires a Sequence; sets and mappings are refused.
	switch pop.(type) {
	case *py.Set, *py.FrozenSet, py.StringDict:
		return nil, py.ExceptionNewf(py.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	switch pop.(type) {
	case *pyobj.Set, *pyobj.FrozenSet:
		return nil, py.ExceptionNewf(py.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	if _, isDict := pyobj.AsDict(pop); isDict {
		return nil, py.ExceptionNewf(py.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n, err := seqLen(pop)
	if err != nil {
		return nil, err
	}
	k, err := toInt(a[1])
	if err != nil {
		return nil, err
	}
	if !isNone(a[2]) {
		counts, err := toSlice(a[2])
		if err != nil {
			return nil, err
		}
		if len(counts) != n {
			return nil, py.ExceptionNewf(py.ValueError, "The number of counts does not match the population")
		}
		cum := make([]int, n)
		total := 0
		for i, c := range counts {
			if !isInt(c) {
				return nil, py.ExceptionNewf(py.TypeError, "Counts must be integers")
			}
			ci, err := toInt(c)
			if err != nil {
				return nil, err
			}
			total += ci
			cum[i] = total
		}
		cum = cum[:n-1]
		if total <= 0 {
			return nil, py.ExceptionNewf(py.ValueError, "Total of counts must be greater than zero")
		}
		sel, err := r.sampleIdx(total, k)
		if err != nil {
			return nil, err
		}
		out := make([]py.Object, len(sel))
		for i, s := range sel {
			// bisect_right(cum_counts, s)
			lo, hi := 0, len(cum)
			for lo < hi {
				mid := (lo + hi) / 2
				if s < cum[mid] {
					hi = mid
				} else {
					lo = mid + 1
				}
			}
			if out[i], err = py.GetItem(pop, py.Int(lo)); err != nil {
				return nil, err
			}
		}
		return py.NewListFromItems(out), nil
	}
	idx, err := r.sampleIdx(n, k)
	if err != nil {
		return nil, err
	}
	out := make([]py.Object, len(idx))
	for i, j := range idx {
		if out[i], err = py.GetItem(pop, py.Int(j)); err != nil {
			return nil, err
		}
	}
	return py.NewListFromItems(out), nil
}

// sampleIdx picks k distinct indexes of range(n) with CPython's two
// strategies (pool for small populations, rejection set otherwise); they
// consume the generator differently, so both are needed for equal output.
func (r *randomObj) sampleIdx(n, k int) ([]int, error) {
	if k < 0 || k > n {
		return nil, py.ExceptionNewf(py.ValueError, "Sample larger than population or is negative")
	}
	result := make([]int, k)
	setsize := 21
	if k > 5 {
		setsize += int(cPow(4, math.Ceil(cLog(float64(k*3))/cLog(4))))
	}
	if n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := r.randbelowInt(n - i)
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	selected := map[int]bool{}
	for i := 0; i < k; i++ {
		j := r.randbelowInt(n)
		for selected[j] {
			j = r.randbelowInt(n)
		}
		selected[j] = true
		result[i] = j
	}
	return result, nil
}

func (r *randomObj) choices(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := parseArgs("choices", args, kwargs, []string{"population", "weights", "cum_weights", "k"}, 1)
	if err != nil {
		return nil, err
	}
	if len(args) > 2 {
		return nil, py.ExceptionNewf(py.TypeError, "choices() takes from 2 to 3 positional arguments but %d were given", len(args)+1)
	}
	pop := a[0]
	n, err := seqLen(pop)
	if err != nil {
		return nil, err
	}
	k := 1
	if a[3] != nil {
		if k, err = toInt(a[3]); err != nil {
			return nil, err
		}
	}
	var out []py.Object
	if isNone(a[2]) && isNone(a[1]) {
		for i := 0; i < k; i++ {
			it, err := py.GetItem(pop, py.Int(int(math.Floor(r.random()*float64(n)))))
			if err != nil {
				return nil, err
			}
			out = append(out, it)
		}
		return py.NewListFromItems(out), nil
	}
	if !isNone(a[2]) && !isNone(a[1]) {
		return nil, py.ExceptionNewf(py.TypeError, "Cannot specify both weights and cumulative weights")
	}
	var cum []float64
	if !isNone(a[1]) {
		if isInt(a[1]) {
			return nil, py.ExceptionNewf(py.TypeError, "The number of choices must be a keyword argument: k=%v", a[1])
		}
		ws, err := toSlice(a[1])
		if err != nil {
			return nil, err
		}
		t := 0.0
		for _, w := range ws {
			f, err := toFloat(w)
			if err != nil {
				return nil, err
			}
			t += f
			cum = append(cum, t)
		}
	} else {
		ws, err := toSlice(a[2])
		if err != nil {
			return nil, err
		}
		for _, w := range ws {
			f, err := toFloat(w)
			if err != nil {
				return nil, err
			}
			cum = append(cum, f)
		}
	}
	if len(cum) != n {
		return nil, py.ExceptionNewf(py.ValueError, "The number of weights does not match the population")
	}
	total := cum[n-1]
	if total <= 0 {
		return nil, py.ExceptionNewf(py.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, py.ExceptionNewf(py.ValueError, "Total of weights must be finite")
	}
	hi := n - 1
	for i := 0; i < k; i++ {
		x := r.random() * total
		lo, h := 0, hi
		for lo < h {
			mid := (lo + h) / 2
			if x < cum[mid] {
				h = mid
			} else {
				lo = mid + 1
			}
		}
		it, err := py.GetItem(pop, py.Int(lo))
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return py.NewListFromItems(out), nil
}

func newRandom(ctx py.Context, seed py.Object) (*randomObj, error) {
	r := &randomObj{ctx: ctx}
	if err := r.seed(seed); err != nil {
		return nil, err
	}
	return r, nil
}

func init() {
	// Methods of random.Random instances dispatch to the instance's table.
	for name := range (&randomObj{}).methods() {
		name := name
		randomType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return self.(*randomObj).methods()[name](args, kwargs)
		}, 0, "")
	}
}

func buildRandom(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	inst, err := newRandom(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	var ms []*py.Method
	for name, f := range inst.methods() {
		f := f
		ms = append(ms, py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return f(args, kwargs)
		}, 0, ""))
	}
	ms = append(ms, py.MustNewMethod("Random", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := parseArgs("Random", args, kwargs, []string{"x"}, 0)
		if err != nil {
			return nil, err
		}
		return newRandom(ctx, a[0])
	}, 0, ""))
	return ms, nil, nil
}
