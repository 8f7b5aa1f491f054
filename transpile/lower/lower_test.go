package lower

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-python/gpython/compile"
	"github.com/go-python/gpython/py"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

func fixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.py"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return files
}

// golden renders a result: the code, then the problems (if any).
func golden(res *Result) []byte {
	var b bytes.Buffer
	b.Write(res.Code)
	if len(res.Unsupported) > 0 {
		b.WriteString("\n# ---- unsupported ----\n")
		for _, p := range res.Unsupported {
			fmt.Fprintf(&b, "# %s\n", p)
		}
	}
	return b.Bytes()
}

func lowerFile(t *testing.T, path string) ([]byte, *Result) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Lower(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	return src, res
}

func TestGolden(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, res := lowerFile(t, f)
			got := golden(res)
			gf := f + ".golden"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("lowering of %s changed; diff against %s (go test -update to accept):\n%s", f, gf, diffLines(string(want), string(got)))
			}
		})
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// Every fixture without problems must keep its line count and compile with
// gpython's own compiler.
func TestLinesKeptAndCompiles(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, res := lowerFile(t, f)
			if a, b := bytes.Count(src, []byte("\n")), bytes.Count(res.Code, []byte("\n")); a != b {
				t.Fatalf("line count %d -> %d", a, b)
			}
			if len(res.Unsupported) > 0 {
				return
			}
			if _, err := compile.Compile(string(res.Code), f, py.ExecMode, 0, true); err != nil {
				t.Fatalf("gpython does not compile the output: %v\n%s", err, res.Code)
			}
		})
	}
}

// The conformance snippets are real modern Python: every one must lower
// (or be refused) keeping its lines, and gpython must compile the result.
func TestConformanceSnippetsLowerAndCompile(t *testing.T) {
	var files []string
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata", "exec", "conformance"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < 400 {
		t.Fatalf("conformance snippets: %d found, %v", len(files), err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Lower(context.Background(), src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if len(res.Unsupported) > 0 {
			t.Errorf("%s: refused: %v", f, res.Unsupported)
			continue
		}
		if _, err := compile.Compile(string(res.Code), f, py.ExecMode, 0, true); err != nil {
			t.Errorf("%s: gpython does not compile the output: %v\n%s", f, err, res.Code)
		}
	}
}

func TestPreludeCompiles(t *testing.T) {
	if _, err := compile.Compile(Prelude, "<prelude>", py.ExecMode, 0, true); err != nil {
		t.Fatalf("prelude: %v", err)
	}
}

func TestUnsupportedReported(t *testing.T) {
	cases := []struct {
		src     string
		feature string
		line    int
	}{
		{"x = 1\nasync def f():\n    pass\n", "async", 2},
		{"def f():\n    await g\n", "async", 2},
		{"try:\n    pass\nexcept* E:\n    pass\n", "except-star", 1},
		{"x = a @ b\n", "matmul", 1},
		{"x @= b\n", "matmul", 1},
		{"def f():\n    return super().g()\n", "super", 2},
		{"def f(:\n", "syntax", 1},
		{"s = '\\N{NO SUCH CHARACTER NAME}'\n", "string", 1},
		{"class A:\n    y = [(x := 1) for _ in range(2)]\n", "walrus", 2},
	}
	for _, c := range cases {
		res, err := Lower(context.Background(), []byte(c.src))
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		found := false
		for _, p := range res.Unsupported {
			if p.Feature == c.feature && p.Line == c.line {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want a %s problem on line %d, got %v", c.src, c.feature, c.line, res.Unsupported)
		}
	}
}

// Plain modern-free code must come back byte for byte.
func TestLeadingAndTrailingBlankLinesKept(t *testing.T) {
	src := "\n\n   \n# c\nx: int = {1: 2}[1]\nprint(f'{x}')\n\n\n"
	res, err := Lower(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := "\n\n   \n# c\nx = __stelp_dict__(((1, 2),))[1]\nprint(__stelp_format__((x), '', ''))\n\n\n"
	if string(res.Code) != want {
		t.Fatalf("got %q\nwant %q", res.Code, want)
	}
}

func TestIdentityOnOldCode(t *testing.T) {
	src := "import math\n\ndef f(a, b=2, *args, **kw):\n    '''doc'''\n    return [x * 2 for x in a if x] + list(args)\n\nclass C(object):\n    def m(self):\n        return 'x' \\\n            'y'\n"
	res, err := Lower(context.Background(), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Code) != src || len(res.Unsupported) != 0 {
		t.Fatalf("changed:\n%s\n%v", res.Code, res.Unsupported)
	}
}
