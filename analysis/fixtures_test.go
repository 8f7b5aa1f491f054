package analysis

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/policy"
)

var update = flag.Bool("update", false, "rewrite generated files (docs/rules.md)")

var expectRe = regexp.MustCompile(`#\s*expect:\s*([A-Z0-9, ]+)`)

// TestRuleFixtures checks every testdata/rules/*.py: exactly the lines
// marked `# expect: SPxxx[, SPyyy]` are flagged, with exactly those rules.
func TestRuleFixtures(t *testing.T) {
	files, err := filepath.Glob("../testdata/rules/*.py")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]bool{}
			for i, line := range strings.Split(string(src), "\n") {
				m := expectRe.FindStringSubmatch(line)
				if m == nil {
					continue
				}
				for _, id := range strings.Split(m[1], ",") {
					if id = strings.TrimSpace(id); id != "" {
						want[fmt.Sprintf("%d:%s", i+1, id)] = true
					}
				}
			}
			got := map[string]bool{}
			var gotList []string
			for _, f := range Check(context.Background(), src, policy.Default()) {
				k := fmt.Sprintf("%d:%s", f.Range.Start.Line+1, f.Rule)
				if !got[k] {
					gotList = append(gotList, k+" "+f.Message)
				}
				got[k] = true
			}
			var missing, extra []string
			for k := range want {
				if !got[k] {
					missing = append(missing, k)
				}
			}
			for _, k := range gotList {
				if !want[strings.SplitN(k, " ", 2)[0]] {
					extra = append(extra, k)
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			if len(missing) > 0 || len(extra) > 0 {
				t.Errorf("%s:\n  missing (line:rule): %v\n  unexpected: %s", file, missing, strings.Join(extra, "\n    "))
			}
		})
	}
}

func TestDocsUpToDate(t *testing.T) {
	want := DocsMarkdown()
	path := "../docs/rules.md"
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v (run go test ./analysis -update)", path, err)
	}
	if string(got) != want {
		t.Errorf("%s is stale: run go test ./analysis -update", path)
	}
}
