package stdlib_test

import (
	"os"
	"testing"
)

func TestProbe(t *testing.T) {
	src := os.Getenv("PROBE")
	if src == "" {
		t.Skip("PROBE not set")
	}
	t.Logf("\n%s", run(t, src))
}
