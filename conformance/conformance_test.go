// Package conformance runs the differential conformance suite: every
// snippet in testdata/exec/conformance goes through the whole stelp
// pipeline (check → transpile → execute in a worker) and must print exactly
// what CPython 3.11 printed (the committed <name>.py.out).
//
// Known gaps are listed, each with its reason, in
// testdata/exec/conformance/KNOWN_GAPS. The suite fails for a mismatch not
// listed there and for a listed gap that now passes, so the list stays
// honest. `go test ./conformance -record` rewrites the list from the
// current results (keeping the reasons already written by hand).
package conformance

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stelp-dev/stelp/exec"
	"github.com/stelp-dev/stelp/pipeline"
	"github.com/stelp-dev/stelp/policy"
)

var (
	record = flag.Bool("record", false, "rewrite KNOWN_GAPS from the current results")
	only   = flag.String("only", "", "run only snippets whose path contains this")
)

const suiteDir = "../testdata/exec/conformance"

func TestMain(m *testing.M) {
	// Workers are this test binary re-executed. They install the default
	// extensions, exactly as the stelp binary's workers do.
	exec.MaybeRunWorker()
	os.Exit(m.Run())
}

type outcome struct {
	name   string
	pass   bool
	reason string // why it failed, one line
	detail string // what to show in the failure message
}

func snippets(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(suiteDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") {
			rel, _ := filepath.Rel(suiteDir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("list snippets: %v", err)
	}
	sort.Strings(out)
	return out
}

// gaps reads KNOWN_GAPS: `path  reason` per line, # comments.
func gaps(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(suiteDir, "KNOWN_GAPS"))
	if os.IsNotExist(err) {
		return map[string]string{}
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if reason == "" {
			t.Errorf("KNOWN_GAPS:%d: %s has no reason", ln, name)
		}
		out[name] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestConformance(t *testing.T) {
	names := snippets(t)
	if len(names) < 400 {
		t.Errorf("only %d snippets; the suite promises at least 400", len(names))
	}
	known := gaps(t)
	for name := range known {
		if _, err := os.Stat(filepath.Join(suiteDir, name)); err != nil {
			t.Errorf("KNOWN_GAPS lists %s, which does not exist", name)
		}
	}

	ctx := context.Background()
	pool, err := exec.NewPool(ctx, exec.PoolOptions{Size: 2})
	if err != nil {
		t.Fatalf("start workers: %v", err)
	}
	defer pool.Close()
	pol := policy.Default()

	var mu sync.Mutex
	var results []outcome
	t.Run("snippets", func(t *testing.T) {
		for _, name := range names {
			if *only != "" && !strings.Contains(name, *only) {
				continue
			}
			name := name
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				o := runOne(ctx, t, pool, pol, name)
				mu.Lock()
				results = append(results, o)
				mu.Unlock()
				reason, listed := known[name]
				switch {
				case !o.pass && !listed:
					t.Errorf("%s: %s\n%s", name, o.reason, o.detail)
				case o.pass && listed && !*record:
					t.Errorf("%s passes now but KNOWN_GAPS lists it (%s): remove the line", name, reason)
				}
			})
		}
	})

	sort.Slice(results, func(i, j int) bool { return results[i].name < results[j].name })
	passed := 0
	for _, o := range results {
		if o.pass {
			passed++
		}
	}
	t.Logf("conformance: %d/%d snippets match CPython 3.11", passed, len(results))
	if *record && *only == "" {
		writeGaps(t, results, known)
	}
}

func runOne(ctx context.Context, t *testing.T, pool *exec.Pool, pol *policy.Policy, name string) outcome {
	path := filepath.Join(suiteDir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(path + ".out")
	if err != nil {
		t.Fatalf("%v (run testdata/exec/conformance/gen.sh)", err)
	}
	res, err := pipeline.Execute(ctx, src, pol, pipeline.Options{Gate: true, Runner: pool})
	if err != nil {
		return outcome{name: name, reason: "pipeline error: " + oneLine(err.Error())}
	}
	o := outcome{name: name}
	switch {
	case res.Status != exec.StatusOK:
		o.reason = "status " + string(res.Status)
		if res.Exception != nil {
			o.reason += fmt.Sprintf(": %s: %s (line %d)", res.Exception.Type, oneLine(res.Exception.Message), res.Exception.Line)
		}
		if res.Limit != nil {
			o.reason += ": limit " + res.Limit.Kind + " " + oneLine(res.Limit.Detail)
		}
		if len(res.Violations) > 0 {
			o.reason += ": violation " + res.Violations[0].Kind + " " + oneLine(res.Violations[0].Detail)
		}
		if res.Status == exec.StatusBlocked && len(res.Findings) > 0 {
			o.reason += fmt.Sprintf(": %v", res.Findings[0])
		}
	case res.Stdout != string(want):
		o.reason = "stdout differs: " + firstDiff(string(want), res.Stdout)
	default:
		o.pass = true
	}
	if !o.pass {
		o.detail = fmt.Sprintf("--- want (CPython)\n%s--- got\n%s--- stderr\n%s", want, res.Stdout, res.Stderr)
	}
	return o
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return s
}

// firstDiff describes the first differing line.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d: want %s got %s", i+1, oneLine(fmt.Sprintf("%q", wl)), oneLine(fmt.Sprintf("%q", gl)))
		}
	}
	return "(same lines, different bytes)"
}

// writeGaps rewrites KNOWN_GAPS with the failing snippets, keeping a
// reason already written for a snippet that still fails.
func writeGaps(t *testing.T, results []outcome, known map[string]string) {
	var b strings.Builder
	b.WriteString(`# Conformance snippets whose stelp output does not (yet) match CPython 3.11,
# one per line: <snippet path> <reason>. The suite fails when a snippet not
# listed here mismatches, and when a listed one passes. Regenerate with
#   go test ./conformance -record
# (reasons already written by hand are kept).
`)
	for _, o := range results {
		if o.pass {
			continue
		}
		reason := o.reason
		if r, ok := known[o.name]; ok && !strings.HasPrefix(r, "status ") && !strings.HasPrefix(r, "stdout differs") && !strings.HasPrefix(r, "pipeline error") {
			reason = r
		}
		fmt.Fprintf(&b, "%s %s\n", o.name, reason)
	}
	if err := os.WriteFile(filepath.Join(suiteDir, "KNOWN_GAPS"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
