package exec

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	MaybeRunWorker()
	if os.Getenv(sandboxProbeEnv) == "1" {
		os.Exit(sandboxProbe())
	}
	os.Exit(m.Run())
}
