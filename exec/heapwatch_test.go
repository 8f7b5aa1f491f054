package exec

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// A run that leaves much garbage behind is collected before the next
// one; a small one is left to the collector's pacing.
func TestHeapWatchCollectsOnlyLargeLeftovers(t *testing.T) {
	// No collection but the ones the watch forces.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	h := newHeapWatch()
	before := h.baseline

	small := make([]byte, 1<<20)
	small[0] = 1
	small = nil
	h.collectIfLarge()
	if h.baseline != before {
		t.Errorf("1 MB of garbage forced a collection (baseline %d -> %d)", before, h.baseline)
	}

	var keep [][]byte
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	keep = nil
	if h.heapBytes() < before+collectAfterBytes {
		t.Fatalf("64 MB allocated but the heap grew only to %d from %d", h.heapBytes(), before)
	}
	h.collectIfLarge()
	if h.heapBytes() > before+collectAfterBytes {
		t.Errorf("64 MB of garbage not collected: heap %d, baseline before %d", h.heapBytes(), before)
	}
	_ = small
	_ = keep
}
