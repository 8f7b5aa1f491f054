package stdlib

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"strings"

	"github.com/go-python/gpython/py"
)

func hashlibModule() *goModule {
	return &goModule{name: "hashlib", doc: "Secure hash and message digest algorithms.", build: buildHashlib}
}

var hashAlgos = map[string]func() hash.Hash{
	"md5":      md5.New,
	"sha1":     sha1.New,
	"sha224":   sha256.New224,
	"sha256":   sha256.New,
	"sha384":   sha512.New384,
	"sha512":   sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() },
	"sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() },
	"sha3_512": func() hash.Hash { return sha3.New512() },
}

// hashObject is a hashlib hash: update, digest, hexdigest, copy.
type hashObject struct {
	name string
	h    hash.Hash
}

var hashType = py.NewType("_hashlib.HASH", "A hash object.")

func (o *hashObject) Type() *py.Type { return hashType }

func (o *hashObject) M__repr__() (py.Object, error) {
	return py.String("<" + o.name + " _hashlib.HASH object>"), nil
}

func (o *hashObject) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "name":
		return py.String(o.name), nil
	case "digest_size":
		return py.Int(o.h.Size()), nil
	case "block_size":
		return py.Int(o.h.BlockSize()), nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'_hashlib.HASH' object has no attribute '%s'", name)
}

func hashData(o py.Object) ([]byte, error) {
	switch b := o.(type) {
	case py.Bytes:
		return []byte(b), nil
	case py.String:
		return nil, py.ExceptionNewf(py.TypeError, "Strings must be encoded before hashing")
	}
	return nil, py.ExceptionNewf(py.TypeError, "object supporting the buffer API required")
}

func init() {
	hashType.Dict["update"] = py.MustNewMethod("update", func(self, arg py.Object) (py.Object, error) {
		b, err := hashData(arg)
		if err != nil {
			return nil, err
		}
		self.(*hashObject).h.Write(b)
		return py.None, nil
	}, 0, "")
	hashType.Dict["digest"] = py.MustNewMethod("digest", func(self py.Object) (py.Object, error) {
		return py.Bytes(self.(*hashObject).h.Sum(nil)), nil
	}, 0, "")
	hashType.Dict["hexdigest"] = py.MustNewMethod("hexdigest", func(self py.Object) (py.Object, error) {
		return py.String(hex.EncodeToString(self.(*hashObject).h.Sum(nil))), nil
	}, 0, "")
	hashType.Dict["copy"] = py.MustNewMethod("copy", func(self py.Object) (py.Object, error) {
		o := self.(*hashObject)
		// Go's hashes can be cloned through their binary state.
		state, err := o.h.(interface{ MarshalBinary() ([]byte, error) }).MarshalBinary()
		if err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "cannot copy hash: %v", err)
		}
		n := hashAlgos[o.name]()
		if err := n.(interface{ UnmarshalBinary([]byte) error }).UnmarshalBinary(state); err != nil {
			return nil, py.ExceptionNewf(py.ValueError, "cannot copy hash: %v", err)
		}
		return &hashObject{name: o.name, h: n}, nil
	}, 0, "")
}

func newHash(name string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	ctor, ok := hashAlgos[strings.ToLower(name)]
	if !ok {
		return nil, py.ExceptionNewf(py.ValueError, "unsupported hash type %s", name)
	}
	a, err := parseArgs(name, args, kwargs, []string{"string", "usedforsecurity"}, 0)
	if err != nil {
		return nil, err
	}
	h := &hashObject{name: strings.ToLower(name), h: ctor()}
	if a[0] != nil {
		b, err := hashData(a[0])
		if err != nil {
			return nil, err
		}
		h.h.Write(b)
	}
	return h, nil
}

func buildHashlib(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	var ms []*py.Method
	var names py.Tuple
	for _, n := range []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512"} {
		n := n
		names = append(names, py.String(n))
		ms = append(ms, py.MustNewMethod(n, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return newHash(n, args, kwargs)
		}, 0, ""))
	}
	ms = append(ms, py.MustNewMethod("new", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) < 1 {
			return nil, py.ExceptionNewf(py.TypeError, "new() missing required argument 'name' (pos 1)")
		}
		name, ok := args[0].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "new() argument 'name' must be str")
		}
		return newHash(string(name), args[1:], kwargs)
	}, 0, ""))
	set := py.NewSet()
	for _, n := range names {
		set.Add(n)
	}
	return ms, py.StringDict{"algorithms_guaranteed": set, "algorithms_available": set}, nil
}
