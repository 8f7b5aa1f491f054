//go:build linux

package exec

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	osexec "os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

const sandboxProbeEnv = "STELP_TEST_SANDBOX_PROBE"

type probeReport struct {
	Layers  []string          `json:"layers"`
	Results map[string]string `json:"results"` // action -> "denied: ..." or "allowed"
}

// sandboxProbe runs in a child process: it locks itself down exactly as a
// worker does, then tries what a compromised interpreter might.
func sandboxProbe() int {
	secret := os.Getenv("STELP_TEST_SECRET_FILE")
	iso := lockDown(256)
	rep := probeReport{Layers: iso.layers, Results: map[string]string{}}
	try := func(name string, err error) {
		if err != nil {
			rep.Results[name] = "denied: " + err.Error()
		} else {
			rep.Results[name] = "allowed"
		}
	}
	_, err := os.ReadFile(secret)
	try("read file", err)
	try("create file", os.WriteFile(filepath.Join(filepath.Dir(secret), "created"), []byte("x"), 0o644))
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_STREAM, 0)
	if err == nil {
		unix.Close(fd)
	}
	try("socket", err)
	_, err = net.Dial("tcp", "127.0.0.1:9")
	try("connect", err)
	try("exec", osexec.Command("/bin/true").Run())
	_, _, errno := unix.RawSyscall(unix.SYS_FORK, 0, 0, 0)
	if errno == 0 {
		os.Exit(0) // the child of a fork that should not have happened
	}
	try("fork", errnoErr(errno))
	b, _ := json.Marshal(rep)
	fmt.Println(string(b))
	return 0
}

func errnoErr(e unix.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// TestSandboxLayers checks, in a child process, that the layers a worker
// reports really deny file, network, exec and fork.
func TestSandboxLayers(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	if err := os.WriteFile(secret, []byte("s3cret"), 0o600); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := osexec.Command(exe)
	cmd.Env = append(os.Environ(), sandboxProbeEnv+"=1", "STELP_TEST_SECRET_FILE="+secret)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("probe: %v", err)
	}
	var rep probeReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("probe output %q: %v", out, err)
	}
	t.Logf("layers in force: %v", rep.Layers)
	for action, r := range rep.Results {
		t.Logf("%-12s %s", action, r)
	}
	mustDeny := []string{"exec", "fork", "create file"}
	if hasLayer(rep.Layers, "landlock") {
		mustDeny = append(mustDeny, "read file")
	}
	if slices.Contains(rep.Layers, "seccomp") {
		mustDeny = append(mustDeny, "socket", "connect")
	}
	for _, a := range mustDeny {
		if !strings.HasPrefix(rep.Results[a], "denied") {
			t.Errorf("%s was not denied (layers %v)", a, rep.Layers)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "created")); err == nil {
		t.Error("the probe created a file")
	}
}

func hasLayer(layers []string, prefix string) bool {
	for _, l := range layers {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
