package pyobj

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// strHash is CPython 3.11's str hash with hash randomisation disabled
// (PYTHONHASHSEED=0): SipHash-1-3 with a zero key over the string's PEP 393
// storage (1, 2 or 4 bytes per code point). Using it makes iteration order
// of sets of strings deterministic and equal to CPython run with
// PYTHONHASHSEED=0, which is how golden outputs should be produced.
func strHash(s string) int64 {
	if s == "" {
		return 0
	}
	maxRune := rune(0)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return fixHash(int64(siphash13([]byte(s))))
	}
	runes := []rune(s)
	for _, r := range runes {
		if r > maxRune {
			maxRune = r
		}
	}
	var buf []byte
	switch {
	case maxRune < 0x100:
		buf = make([]byte, len(runes))
		for i, r := range runes {
			buf[i] = byte(r)
		}
	case maxRune < 0x10000:
		buf = make([]byte, 2*len(runes))
		for i, r := range runes {
			binary.LittleEndian.PutUint16(buf[2*i:], uint16(r))
		}
	default:
		buf = make([]byte, 4*len(runes))
		for i, r := range runes {
			binary.LittleEndian.PutUint32(buf[4*i:], uint32(r))
		}
	}
	return fixHash(int64(siphash13(buf)))
}

// bytesHash is CPython's bytes hash under PYTHONHASHSEED=0.
func bytesHash(b []byte) int64 {
	if len(b) == 0 {
		return 0
	}
	return fixHash(int64(siphash13(b)))
}

func siphash13(in []byte) uint64 {
	const k0, k1 = 0, 0
	b := uint64(len(in)) << 56
	v0 := k0 ^ uint64(0x736f6d6570736575)
	v1 := k1 ^ uint64(0x646f72616e646f6d)
	v2 := k0 ^ uint64(0x6c7967656e657261)
	v3 := k1 ^ uint64(0x7465646279746573)
	round := func() {
		v0 += v1
		v2 += v3
		v1 = bits.RotateLeft64(v1, 13) ^ v0
		v3 = bits.RotateLeft64(v3, 16) ^ v2
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v1
		v0 += v3
		v1 = bits.RotateLeft64(v1, 17) ^ v2
		v3 = bits.RotateLeft64(v3, 21) ^ v0
		v2 = bits.RotateLeft64(v2, 32)
	}
	for len(in) >= 8 {
		m := binary.LittleEndian.Uint64(in)
		in = in[8:]
		v3 ^= m
		round()
		v0 ^= m
	}
	var t uint64
	for i := len(in) - 1; i >= 0; i-- {
		t = t<<8 | uint64(in[i])
	}
	b |= t
	v3 ^= b
	round()
	v0 ^= b
	v2 ^= 0xff
	round()
	round()
	round()
	return (v0 ^ v1) ^ (v2 ^ v3)
}
