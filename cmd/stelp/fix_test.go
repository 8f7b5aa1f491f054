package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixableSrc has one safe fix (eval of a constant expression) and nothing
// left after it; unsafeSrc has only an unsafe fix (eval of a parameter).
const (
	fixableSrc = "def f(n):\n    return eval('n + 1')\n\nprint(f(1))\n"
	fixedSrc   = "def f(n):\n    return n + 1\n\nprint(f(1))\n"
	unsafeSrc  = "def g(s):\n    return eval(s)\n"
)

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFixWritesFilesKeepingMode(t *testing.T) {
	// ast (which the literal_eval fix imports) is allowed by the project.
	root := project(t, map[string]string{"a.py": fixableSrc, "b.py": unsafeSrc,
		".stelp.yaml": "modules:\n  allow_extra: [ast]\n"})
	a, b := filepath.Join(root, "a.py"), filepath.Join(root, "b.py")
	if err := os.Chmod(a, 0o640); err != nil {
		t.Fatal(err)
	}
	code, out, errs := stelp(t, "", "fix", root)
	if code != 1 {
		t.Fatalf("exit %d (want 1: b.py keeps an error), stdout %q stderr %q", code, out, errs)
	}
	if got := readFile(t, a); got != fixedSrc {
		t.Errorf("a.py:\n%s", got)
	}
	if got := readFile(t, b); got != unsafeSrc {
		t.Errorf("b.py changed without --unsafe-fixes:\n%s", got)
	}
	if st, _ := os.Stat(a); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	if !strings.Contains(out, b+":2:12: SP101 [error]") || !strings.Contains(out, "--unsafe-fixes") {
		t.Errorf("report does not list what is left:\n%s", out)
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if strings.Contains(e.Name(), "stelp-fix") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	// Unsafe fixes on request; then nothing at error severity is left.
	code, _, errs = stelp(t, "", "fix", "--unsafe-fixes", b)
	if code != 0 || !strings.Contains(readFile(t, b), "ast.literal_eval(s)") {
		t.Errorf("exit %d, stderr %q:\n%s", code, errs, readFile(t, b))
	}
}

func TestFixDiffWritesNothing(t *testing.T) {
	root := project(t, map[string]string{"a.py": fixableSrc})
	a := filepath.Join(root, "a.py")
	before, _ := os.Stat(a)
	code, out, errs := stelp(t, "", "fix", "--diff", a)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "--- " + a + "\n+++ " + a + "\n"
	if !strings.HasPrefix(out, want) || !strings.Contains(out, "-    return eval('n + 1')\n+    return n + 1\n") {
		t.Errorf("diff:\n%s", out)
	}
	after, _ := os.Stat(a)
	if readFile(t, a) != fixableSrc || !after.ModTime().Equal(before.ModTime()) {
		t.Error("--diff wrote the file")
	}
}

func TestFixStdin(t *testing.T) {
	code, out, errs := stelp(t, fixableSrc, "fix", "-")
	if code != 0 || out != fixedSrc {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestFixUsage(t *testing.T) {
	if code, _, _ := stelp(t, "", "fix"); code != 2 {
		t.Errorf("no paths: exit %d, want 2", code)
	}
	if code, _, _ := stelp(t, "", "fix", "--bogus", "x.py"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code, _, errs := stelp(t, "", "fix", filepath.Join(t.TempDir(), "missing.py")); code != 2 || !strings.Contains(errs, "missing.py") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
}

// TestWriteAtomicRefusesAChangedFile changes the file between the read and
// the rename, the moment an editor save would race with stelp fix: the
// file keeps the editor's content and no temporary file is left.
func TestWriteAtomicRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.py")
	if err := os.WriteFile(path, []byte(fixableSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(path)
	edited := fixableSrc + "# edited meanwhile\n"
	err := writeAtomic(path, []byte(fixableSrc), []byte(fixedSrc), st, func() {
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if err == nil || !strings.Contains(err.Error(), "changed on disk") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if got := readFile(t, path); got != edited {
		t.Errorf("the edited file was overwritten:\n%s", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	// Unchanged, the same call replaces it.
	st, _ = os.Stat(path)
	if err := writeAtomic(path, []byte(edited), []byte(fixedSrc), st, nil); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != fixedSrc {
		t.Errorf("not written:\n%s", got)
	}
}

// TestFixFollowsSymlinks: fixing through a symlink rewrites its target and
// leaves the link a link.
func TestFixFollowsSymlinks(t *testing.T) {
	root := project(t, map[string]string{"real.py": fixableSrc})
	link := filepath.Join(root, "link.py")
	if err := os.Symlink(filepath.Join(root, "real.py"), link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if code, _, errs := stelp(t, "", "fix", link); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got := readFile(t, filepath.Join(root, "real.py")); got != fixedSrc {
		t.Errorf("target not fixed:\n%s", got)
	}
}
