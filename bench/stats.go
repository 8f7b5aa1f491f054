package bench

import (
	"math"
	"sort"
)

// Summary describes a set of timings in milliseconds.
type Summary struct {
	N      int     `json:"n"`
	P50MS  float64 `json:"p50_ms"`
	P95MS  float64 `json:"p95_ms"`
	MeanMS float64 `json:"mean_ms"`
	MinMS  float64 `json:"min_ms"`
	MaxMS  float64 `json:"max_ms"`
}

// Summarize computes a Summary; it does not reorder ms.
func Summarize(ms []float64) Summary {
	if len(ms) == 0 {
		return Summary{}
	}
	s := append([]float64(nil), ms...)
	sort.Float64s(s)
	var sum float64
	for _, v := range s {
		sum += v
	}
	return Summary{
		N:      len(s),
		P50MS:  Percentile(s, 50),
		P95MS:  Percentile(s, 95),
		MeanMS: sum / float64(len(s)),
		MinMS:  s[0],
		MaxMS:  s[len(s)-1],
	}
}

// Median of unsorted values (0 for none).
func Median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return Percentile(s, 50)
}

// Ratio is a/b, or NaN-free 0 when b is 0, so a missing peer never shows
// as an infinite speed-up.
func Ratio(a, b float64) float64 {
	if b == 0 || math.IsNaN(a) || math.IsNaN(b) {
		return 0
	}
	return a / b
}
