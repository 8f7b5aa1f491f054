package policy

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkLoaderForFile is the per-file cost `stelp check` and the server
// pay for config: discovery, a freshness check of every source and the
// path overrides, with the parse cached.
func BenchmarkLoaderForFile(b *testing.B) {
	root := b.TempDir()
	writeTree(b, root, map[string]string{
		"repo/.git/HEAD":    "",
		"repo/shared.yaml":  "rules: {SP102: info}\nlimits: {time: 2s}\n",
		"repo/.stelp.yaml":  "extends: shared.yaml\nrules: {SP101: warning}\npaths:\n  tests/**: {rules: {SP101: off}}\n  \"*_gen.py\": {files: true}\n",
		"repo/a/b/c/d/x.py": "",
	})
	l := &Loader{Rules: fakeRules}
	file := filepath.Join(root, "repo/a/b/c/d/x.py")
	ctx := context.Background()
	for b.Loop() {
		if _, _, err := l.ForFile(ctx, file); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad is a cold parse of a config with one extends.
func BenchmarkLoad(b *testing.B) {
	cfg := filepath.Join(fixtures, "extends", FileName)
	ctx := context.Background()
	for b.Loop() {
		if _, err := load(ctx, cfg, fakeRules, nil); err != nil {
			b.Fatal(err)
		}
	}
}
