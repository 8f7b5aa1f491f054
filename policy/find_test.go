package policy

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// tree writes files (path -> content) under a fresh temp dir. A `.git`
// marker cannot be committed inside our own repository, so discovery
// fixtures are built here rather than under testdata/.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, files)
	return root
}

func writeTree(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestFind(t *testing.T) {
	root := tree(t, map[string]string{
		".stelp.yaml":                  "rules: {SP101: info}\n", // above the repository: never used
		"repo/.git/HEAD":               "",
		"repo/.stelp.yaml":             "rules: {SP101: warning}\n",
		"repo/pkg/sub/a.py":            "",
		"repo/nested/.stelp.yaml":      "extends: ../.stelp.yaml\nrules: {SP102: off}\n",
		"repo/nested/deep/b.py":        "",
		"bare/.git/HEAD":               "",
		"bare/src/c.py":                "",
		"nogit/x/.stelp.yaml/oops.txt": "", // a directory named .stelp.yaml is not a config
		"yml/.git/HEAD":                "",
		"yml/.stelp.yml":               "",
		"yml/a/.stelp.yml":             "",
		"yml/a/.stelp.yaml":            "", // .yaml preferred in the same folder
		"yml/a/b/c.py":                 "",
	})
	for _, tc := range []struct {
		dir, want string
	}{
		{"repo/pkg/sub", "repo/.stelp.yaml"},
		{"repo", "repo/.stelp.yaml"},
		{"repo/nested/deep", "repo/nested/.stelp.yaml"},
		{"bare/src", ""}, // stops at bare/.git, never reaches root/.stelp.yaml
		{"nogit/x", ".stelp.yaml"},
		{"yml", "yml/.stelp.yml"},
		{"yml/a/b", "yml/a/.stelp.yaml"},
	} {
		got, ok := Find(filepath.Join(root, filepath.FromSlash(tc.dir)))
		want := ""
		if tc.want != "" {
			want = filepath.Join(root, filepath.FromSlash(tc.want))
		}
		if got != want || ok != (want != "") {
			t.Errorf("Find(%s) = %q, %v; want %q", tc.dir, got, ok, want)
		}
	}

	ctx := context.Background()
	l := &Loader{Rules: fakeRules}
	p, cfg, err := l.ForFile(ctx, filepath.Join(root, "repo/nested/deep/b.py"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Rules["SP101"] != SeverityWarning || p.Rules["SP102"] != SeverityOff || cfg.File != filepath.Join(root, "repo/nested/.stelp.yaml") {
		t.Errorf("nested policy %v from %s", p.Rules, cfg.File)
	}
	p, cfg, err = l.ForFile(ctx, filepath.Join(root, "bare/src/c.py"))
	if err != nil || cfg.File != "" || len(p.Rules) != 0 {
		t.Errorf("no config: got %v %+v %v, want defaults", p, cfg, err)
	}
}

func TestLoaderReloadsOnChange(t *testing.T) {
	root := tree(t, map[string]string{
		"repo/.git/HEAD":    "",
		"repo/shared.yaml":  "rules: {SP102: info}\n",
		"repo/.stelp.yaml":  "extends: shared.yaml\nrules: {SP101: warning}\n",
		"repo/src/a.py":     "",
		"repo/src/other.py": "",
	})
	ctx := context.Background()
	l := &Loader{Rules: fakeRules}
	file := filepath.Join(root, "repo/src/a.py")
	cfgPath := filepath.Join(root, "repo/.stelp.yaml")

	p1, c1, err := l.ForFile(ctx, file)
	if err != nil || p1.Rules["SP101"] != SeverityWarning {
		t.Fatalf("first load: %v %v", p1, err)
	}
	_, c2, _ := l.ForFile(ctx, filepath.Join(root, "repo/src/other.py"))
	if c1 != c2 {
		t.Error("unchanged config was parsed again instead of cached")
	}

	// A later mtime guarantees the change is visible even on file systems
	// with coarse timestamps.
	bump := func(path, content string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		later := time.Now().Add(time.Duration(len(content)) * time.Second)
		if err := os.Chtimes(path, later, later); err != nil {
			t.Fatal(err)
		}
	}
	bump(cfgPath, "extends: shared.yaml\nrules: {SP101: off}\n")
	if p, _, _ := l.ForFile(ctx, file); p.Rules["SP101"] != SeverityOff {
		t.Errorf("after editing the config SP101 = %q, want off", p.Rules["SP101"])
	}
	bump(filepath.Join(root, "repo/shared.yaml"), "rules: {SP102: error}\n")
	if p, _, _ := l.ForFile(ctx, file); p.Rules["SP102"] != SeverityError {
		t.Errorf("after editing the extended file SP102 = %q, want error", p.Rules["SP102"])
	}
	bump(cfgPath, "rules: {SP101: nope}\n")
	if _, _, err := l.ForFile(ctx, file); err == nil {
		t.Error("a broken edit must surface as an error, not the stale cached config")
	}
	if err := os.Remove(cfgPath); err != nil {
		t.Fatal(err)
	}
	if p, c, err := l.ForFile(ctx, file); err != nil || c.File != "" || len(p.Rules) != 0 {
		t.Errorf("after deleting the config: %v %v, want defaults", p.Rules, err)
	}
}
