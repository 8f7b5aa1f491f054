package pyrt

import (
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// strInfo caches, for the most recently measured string, whether it is
// ASCII and how many code points it has. gpython measures a string from the
// start on every s[i] and len(s), which makes the common
// `for i in range(len(s)): s[i]` loop quadratic; strings are immutable, so
// the answer for the same data pointer and length cannot change.
type strInfo struct {
	data  *byte
	n     int
	ascii bool
	runes int
}

var lastStr atomic.Pointer[strInfo]

func measure(s string) *strInfo {
	if len(s) == 0 {
		return &strInfo{ascii: true}
	}
	d := unsafe.StringData(s)
	if c := lastStr.Load(); c != nil && c.data == d && c.n == len(s) {
		return c
	}
	info := &strInfo{data: d, n: len(s), ascii: isASCII(s)}
	if info.ascii {
		info.runes = len(s)
	} else {
		info.runes = utf8.RuneCountInString(s)
	}
	lastStr.Store(info)
	return info
}
