package pipeline

import (
	"os"
	"testing"

	"github.com/stelp-dev/stelp/exec"
)

func TestMain(m *testing.M) {
	exec.MaybeRunWorker()
	os.Exit(m.Run())
}
