// Package cputime measures the CPU time this process has used. On a
// shared machine wall-clock time mostly measures waiting for a core; CPU
// time is the work done. The benchmarks and `stelp bench` report both.
package cputime

import (
	"testing"
	"time"
)

// ReportPerOp adds a cpu-ns/op metric to b: the CPU time used since start
// (a Used() taken before the loop), per iteration.
func ReportPerOp(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(Used()-start)/float64(b.N), "cpu-ns/op")
}
