package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/policy"
)

// fixture is one adversarial program: testdata/exec/adversarial/*.py with
// header comments
//
//	# expect: STATUS[|STATUS...] [KIND]
//	# allow: MODULE ...       (extra allowlisted modules)
//	# stdin: TEXT
//
// CANARY in the program is replaced by the path of a secret file.
type fixture struct {
	name     string
	code     string
	statuses []exec.Status
	kind     string
	allow    []string
	stdin    string
}

func loadFixtures(t *testing.T, dir string) []fixture {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	sort.Strings(paths)
	var out []fixture
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := fixture{name: strings.TrimSuffix(filepath.Base(p), ".py"), code: string(b)}
		for _, l := range strings.Split(f.code, "\n") {
			if !strings.HasPrefix(l, "# ") {
				break
			}
			k, v, found := strings.Cut(strings.TrimPrefix(l, "# "), ": ")
			if !found {
				continue
			}
			switch k {
			case "expect":
				fields := strings.Fields(v)
				for _, s := range strings.Split(fields[0], "|") {
					f.statuses = append(f.statuses, exec.Status(s))
				}
				if len(fields) > 1 {
					f.kind = fields[1]
				}
			case "allow":
				f.allow = strings.Fields(v)
			case "stdin":
				f.stdin = v + "\n"
			}
		}
		if len(f.statuses) == 0 {
			t.Fatalf("%s: no '# expect:' header", p)
		}
		out = append(out, f)
	}
	return out
}

func adversarialPolicy(extra []string) *policy.Policy {
	pol := policy.Default()
	pol.ModulesAllow = append(pol.ModulesAllow, extra...)
	pol.Limits = policy.Limits{Time: 2500 * time.Millisecond, Steps: 20_000, MemoryMB: 256, Recursion: 100, OutputKB: 64}
	return pol
}

func dirListing(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	_ = filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			names = append(names, p)
		}
		return nil
	})
	return names
}

// TestAdversarial runs every attempt with the static gate off: the
// runtime alone must contain it.
func TestAdversarial(t *testing.T) {
	fixtures := loadFixtures(t, filepath.Join("..", "testdata", "exec", "adversarial"))
	if len(fixtures) < 40 {
		t.Fatalf("only %d adversarial fixtures", len(fixtures))
	}
	secretDir := t.TempDir()
	buf := make([]byte, 16)
	_, _ = rand.Read(buf)
	secret := "CANARY-" + hex.EncodeToString(buf)
	canary := filepath.Join(secretDir, "canary.txt")
	if err := os.WriteFile(canary, []byte(secret), 0o600); err != nil {
		t.Fatal(err)
	}
	cwd, _ := os.Getwd()
	beforeSecret := dirListing(t, secretDir)
	beforeCwd := dirListing(t, cwd)

	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 2, MemoryMB: 256})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()

	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			code := strings.ReplaceAll(f.code, "'CANARY'", "'"+canary+"'")
			res, err := Execute(ctx, []byte(code), adversarialPolicy(f.allow), Options{Gate: false, Runner: pool, Stdin: f.stdin})
			if err != nil {
				t.Fatalf("execute: %v", err)
			}
			js, _ := json.Marshal(res)
			if strings.Contains(string(js), secret) {
				t.Fatalf("canary leaked: %s", js)
			}
			ok := false
			for _, s := range f.statuses {
				ok = ok || res.Status == s
			}
			if !ok {
				t.Fatalf("status %s, want %v: %s", res.Status, f.statuses, js)
			}
			if f.kind != "" {
				got := res.Reason()
				if got != f.kind {
					t.Fatalf("kind %q, want %q: %s", got, f.kind, js)
				}
			}
			if strings.Contains(res.Stdout, "escaped") || strings.Contains(res.Stdout, "after") {
				t.Fatalf("program went on after it was stopped: %q", res.Stdout)
			}
		})
	}
	if after := dirListing(t, secretDir); strings.Join(after, "\n") != strings.Join(beforeSecret, "\n") {
		t.Errorf("files appeared next to the canary: %v", after)
	}
	if after := dirListing(t, cwd); strings.Join(after, "\n") != strings.Join(beforeCwd, "\n") {
		t.Errorf("files appeared in the working directory: %v", after)
	}
}
