package stdlib

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"math/big"

	"github.com/go-python/gpython/py"
)

// secretsModule is CPython's secrets module: tokens and numbers drawn from
// the operating system's CSPRNG (crypto/rand), never from random's
// Mersenne Twister. The Go part (token_*, randbits, randbelow,
// compare_digest and the _random helper) is the whole source of
// randomness; pysrc/secrets.py builds SystemRandom's methods (randrange,
// randint, choice, choices, sample, shuffle, uniform) on top of it.
func secretsModule() *goModule {
	return &goModule{name: "secrets", src: "secrets.py", build: buildSecrets,
		doc: "Generate cryptographically strong pseudo-random numbers suitable for managing secrets."}
}

// defaultEntropy is secrets.DEFAULT_ENTROPY: bytes in a token by default.
const defaultEntropy = 32

// maxTokenBytes bounds one token (CPython is bounded by memory only; the
// sandbox's memory limit would stop a larger one less clearly).
const maxTokenBytes = 1 << 24

func buildSecrets(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	token := func(name string, enc func([]byte) py.Object) *py.Method {
		return py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs(name, args, kwargs, []string{"nbytes"}, 0)
			if err != nil {
				return nil, err
			}
			b, err := randomBytes(a[0])
			if err != nil {
				return nil, err
			}
			return enc(b), nil
		}, 0, "")
	}
	ms := []*py.Method{
		token("token_bytes", func(b []byte) py.Object { return py.Bytes(b) }),
		token("token_hex", func(b []byte) py.Object { return py.String(hex.EncodeToString(b)) }),
		token("token_urlsafe", func(b []byte) py.Object { return py.String(base64.RawURLEncoding.EncodeToString(b)) }),
		py.MustNewMethod("randbits", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("randbits", args, kwargs, []string{"k"}, 1)
			if err != nil {
				return nil, err
			}
			k, err := toInt(a[0])
			if err != nil {
				return nil, err
			}
			if k < 0 {
				return nil, py.ExceptionNewf(py.ValueError, "number of bits must be non-negative")
			}
			if k > 1<<20 {
				return nil, py.ExceptionNewf(py.OverflowError, "randbits() argument too large for this runtime")
			}
			return cryptoBelow(new(big.Int).Lsh(big.NewInt(1), uint(k)))
		}, 0, ""),
		py.MustNewMethod("randbelow", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("randbelow", args, kwargs, []string{"exclusive_upper_bound"}, 1)
			if err != nil {
				return nil, err
			}
			n, err := toBig(a[0])
			if err != nil {
				return nil, err
			}
			if n.Sign() <= 0 {
				return nil, py.ExceptionNewf(py.ValueError, "Upper bound must be positive.")
			}
			return cryptoBelow(n)
		}, 0, ""),
		py.MustNewMethod("compare_digest", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs("compare_digest", args, kwargs, []string{"a", "b"}, 2)
			if err != nil {
				return nil, err
			}
			x, y, err := digestOperands(a[0], a[1])
			if err != nil {
				return nil, err
			}
			return py.NewBool(subtle.ConstantTimeCompare(x, y) == 1), nil
		}, 0, ""),
		// _random is SystemRandom.random: 53 random bits as a float in [0, 1).
		py.MustNewMethod("_random", func(self py.Object) (py.Object, error) {
			n, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 53))
			if err != nil {
				return nil, py.ExceptionNewf(py.SystemError, "no entropy: %v", err)
			}
			return py.Float(float64(n.Int64()) / (1 << 53)), nil
		}, 0, ""),
	}
	return ms, py.StringDict{"DEFAULT_ENTROPY": py.Int(defaultEntropy)}, nil
}

// randomBytes reads nbytes (None: DEFAULT_ENTROPY) bytes from crypto/rand.
func randomBytes(nbytes py.Object) ([]byte, error) {
	n := defaultEntropy
	if !isNone(nbytes) {
		var err error
		if n, err = toInt(nbytes); err != nil {
			return nil, err
		}
	}
	if n < 0 {
		return nil, py.ExceptionNewf(py.ValueError, "negative argument not allowed")
	}
	if n > maxTokenBytes {
		return nil, py.ExceptionNewf(py.OverflowError, "token of %d bytes is too large for this runtime", n)
	}
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, py.ExceptionNewf(py.SystemError, "no entropy: %v", err)
	}
	return b, nil
}

// cryptoBelow is a uniform integer in [0, n), n > 0.
func cryptoBelow(n *big.Int) (py.Object, error) {
	r, err := rand.Int(rand.Reader, n)
	if err != nil {
		return nil, py.ExceptionNewf(py.SystemError, "no entropy: %v", err)
	}
	return fromBig(r), nil
}

// digestOperands accepts what hmac.compare_digest accepts: two ASCII
// strings or two bytes objects, with CPython's errors otherwise.
func digestOperands(a, b py.Object) ([]byte, []byte, error) {
	if x, ok := a.(py.String); ok {
		if y, ok := b.(py.String); ok {
			for _, s := range []py.String{x, y} {
				for i := 0; i < len(s); i++ {
					if s[i] >= 0x80 {
						return nil, nil, py.ExceptionNewf(py.TypeError, "comparing strings with non-ASCII characters is not supported")
					}
				}
			}
			return []byte(x), []byte(y), nil
		}
	}
	x, okA := a.(py.Bytes)
	y, okB := b.(py.Bytes)
	switch {
	case !okA && !okB:
		return nil, nil, py.ExceptionNewf(py.TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'", a.Type().Name, b.Type().Name)
	case !okA:
		return nil, nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", a.Type().Name)
	case !okB:
		return nil, nil, py.ExceptionNewf(py.TypeError, "a bytes-like object is required, not '%s'", b.Type().Name)
	}
	return []byte(x), []byte(y), nil
}
