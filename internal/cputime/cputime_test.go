package cputime

import "testing"

// Spinning for a while shows up as CPU time used.
func TestUsedGrowsWithWork(t *testing.T) {
	start := Used()
	x := 0
	for i := 0; Used()-start == 0 && i < 1<<22; i++ {
		x += i
	}
	if Used() <= start {
		t.Fatalf("no CPU time measured after busy work (%d)", x)
	}
}
