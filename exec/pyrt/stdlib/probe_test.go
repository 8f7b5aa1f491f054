package stdlib_test

import (
	"os"
	"testing"
)

// TestProbe is a development aid: PROBE='python source' go test -run TestProbe -v
// runs a snippet in the same setup as the cases and logs its output.
func TestProbe(t *testing.T) {
	src := os.Getenv("PROBE")
	if src == "" {
		t.Skip("PROBE not set")
	}
	if os.Getenv("PROBE_RAW") != "" {
		// As the embedded module sources are compiled: not lowered.
		rawCompile = true
		defer func() { rawCompile = false }()
	}
	t.Logf("\n%s", run(t, src))
}
