package bench

import (
	"os"
	"testing"

	"github.com/stelp-dev/stelp/exec"
)

// TestMain lets the warm-pool benchmarks re-execute this test binary as
// their workers.
func TestMain(m *testing.M) {
	exec.MaybeRunWorker()
	os.Exit(m.Run())
}
