package policy

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// sizeUnits are binary multiples whichever spelling is used: "512MB" in a
// config means the same as the MiB the executor caps, so nobody has to
// remember which one stelp meant.
var sizeUnits = map[string]int64{
	"b":   1,
	"k":   1 << 10,
	"kb":  1 << 10,
	"kib": 1 << 10,
	"m":   1 << 20,
	"mb":  1 << 20,
	"mib": 1 << 20,
	"g":   1 << 30,
	"gb":  1 << 30,
	"gib": 1 << 30,
}

// parseSize parses "512MB", "1.5GB", "64 KiB" into bytes. A bare number is
// refused: `memory: 512` is far more likely to mean MB than bytes, and
// guessing would be silent.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == '_') {
		i++
	}
	num, unit := strings.ReplaceAll(s[:i], "_", ""), strings.ToLower(strings.TrimSpace(s[i:]))
	if num == "" {
		return 0, fmt.Errorf("%q is not a size; want a number and a unit such as 512MB", s)
	}
	if unit == "" {
		return 0, fmt.Errorf("%q has no unit; want a size such as %sMB or %sKB", s, num, num)
	}
	mult, ok := sizeUnits[unit]
	if !ok {
		return 0, fmt.Errorf("%q has unknown unit %q; want B, KB, MB or GB", s, s[i:])
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size; want a number and a unit such as 512MB", s)
	}
	b := v * float64(mult)
	if b > math.MaxInt64/2 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return int64(b), nil
}

// ceilDiv rounds a byte count up to whole units, so "1500KB" of memory is
// 2 MiB rather than a silent 1.
func ceilDiv(n, unit int64) int64 {
	return (n + unit - 1) / unit
}
