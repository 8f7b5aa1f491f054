package analysis

import (
	"context"
	"fmt"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/stelp-dev/stelp/policy"
)

func rulesOf(fs []Finding) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[f.Rule]++
	}
	return m
}

func TestRegistry(t *testing.T) {
	rules := Registry()
	if len(rules) < 45 {
		t.Fatalf("%d rules, want at least 45", len(rules))
	}
	ids, names := map[string]bool{}, map[string]bool{}
	for i, r := range rules {
		if i > 0 && rules[i-1].ID >= r.ID {
			t.Errorf("registry not sorted at %s", r.ID)
		}
		if ids[r.ID] || names[r.Name] {
			t.Errorf("duplicate rule %s %s", r.ID, r.Name)
		}
		ids[r.ID], names[r.Name] = true, true
		if r.Summary == "" || r.Why == "" || r.Bad == "" || r.Good == "" || r.Category == "" || r.Severity == "" {
			t.Errorf("%s lacks documentation fields", r.ID)
		}
		if len(r.ID) != 5 || !strings.HasPrefix(r.ID, "SP") {
			t.Errorf("bad ID %q", r.ID)
		}
		if RuleByID(r.ID) != r || RuleByID(r.Name) != r || RuleByID(strings.ToLower(r.ID)) != r {
			t.Errorf("RuleByID does not find %s", r.ID)
		}
	}
	if RuleByID("SP999") != nil {
		t.Error("RuleByID found a rule that does not exist")
	}
}

func TestSyntaxErrorKeepsAnalysing(t *testing.T) {
	src := "def f(:\n    return 1\n\nx = eval(input())\n"
	got := rulesOf(Check(context.Background(), []byte(src), nil))
	if got["SP000"] == 0 || got["SP101"] == 0 {
		t.Errorf("want SP000 and SP101, got %v", got)
	}
}

func TestSeverityOverrides(t *testing.T) {
	src := []byte("x = eval(s)\nimport hashlib\nhashlib.md5(b'')\n")
	pol := policy.Default()
	pol.Rules["SP101"] = policy.SeverityWarning
	pol.Rules["weak-hash"] = policy.SeverityOff
	fs := Check(context.Background(), src, pol)
	for _, f := range fs {
		if f.Rule == "SP101" && f.Severity != policy.SeverityWarning {
			t.Errorf("SP101 severity %s, want warning", f.Severity)
		}
		if f.Rule == "SP901" {
			t.Error("SP901 reported although turned off by name")
		}
	}
	if rulesOf(fs)["SP101"] != 1 {
		t.Errorf("SP101 missing: %v", fs)
	}
}

func TestAllowlistFromPolicy(t *testing.T) {
	src := []byte("import numpy\nimport os\n")
	if got := rulesOf(Check(context.Background(), src, nil)); got["SP302"] != 1 || got["SP301"] != 1 {
		t.Fatalf("default policy: %v", got)
	}
	pol := policy.Default()
	pol.ModulesAllow = append(pol.ModulesAllow, "numpy")
	if got := rulesOf(Check(context.Background(), src, pol)); got["SP302"] != 0 || got["SP301"] != 1 {
		t.Fatalf("numpy allowed: %v", got)
	}
}

func TestVirtualFilesPolicy(t *testing.T) {
	src := []byte("with open('data.txt') as f:\n    f.read()\nopen('/etc/passwd')\n")
	if got := rulesOf(Check(context.Background(), src, nil)); got["SP501"] != 2 || got["SP502"] != 1 {
		t.Fatalf("default: %v", got)
	}
	pol := policy.Default()
	pol.Files = true
	if got := rulesOf(Check(context.Background(), src, pol)); got["SP501"] != 0 || got["SP502"] != 1 {
		t.Fatalf("files allowed: %v", got)
	}
}

func TestInputReachingEvalIsRelated(t *testing.T) {
	src := []byte("s = input('> ')\nt = s.strip()\nprint(eval(s))\n")
	for _, f := range Check(context.Background(), src, nil) {
		if f.Rule != "SP101" {
			continue
		}
		if len(f.Related) != 1 || f.Related[0].Range.Start.Line != 0 || !strings.Contains(f.Related[0].Message, "input") {
			t.Fatalf("related = %+v", f.Related)
		}
		return
	}
	t.Fatal("no SP101")
}

func TestParameterReachingShellIsRelated(t *testing.T) {
	src := []byte("import os\ndef run(cmd):\n    os.system('ls ' + cmd)\n")
	for _, f := range Check(context.Background(), src, nil) {
		if f.Rule == "SP401" {
			if len(f.Related) != 1 || f.Related[0].Range.Start.Line != 1 || !strings.Contains(f.Related[0].Message, "`cmd`") {
				t.Fatalf("related = %+v", f.Related)
			}
			return
		}
	}
	t.Fatal("no SP401")
}

func TestContractColumnsAreCodePoints(t *testing.T) {
	src := []byte("ｓ = 'é'; x = eval(ｓ)\n")
	for _, f := range Check(context.Background(), src, nil) {
		if f.Rule != "SP101" {
			continue
		}
		c := f.Contract(src)
		// "ｓ = 'é'; x = " is 13 code points: eval starts at column 14
		if c.Line != 1 || c.Column != 14 || c.EndLine != 1 || c.EndColumn != 21 || c.Severity != "error" || c.CWE != 95 {
			t.Fatalf("contract = %+v", c)
		}
		// a finding made outside the engine (no offsets) converts the same
		if o := (Finding{Range: f.Range}).Contract(src); o.Column != c.Column || o.EndColumn != c.EndColumn {
			t.Fatalf("fallback conversion %+v, want %+v", o, c)
		}
		return
	}
	t.Fatal("no SP101 for a fullwidth-named eval argument")
}

// TestHostileInput: junk, invalid UTF-8 and very deep nesting must not
// crash or hang the engine.
func TestHostileInput(t *testing.T) {
	cases := map[string]string{
		"invalid utf8":    "x = '\xff\xfe'\neval(\xc3\x28)\n",
		"binary":          string([]byte{0, 1, 2, 0xff, 0x00, '\n', 0x7f, 0x80}),
		"nested parens":   strings.Repeat("(", 50000) + "1" + strings.Repeat(")", 50000) + "\n",
		"nested calls":    strings.Repeat("str(", 20000) + "'x'" + strings.Repeat(")", 20000) + "\n",
		"nested lists":    "x = " + strings.Repeat("[", 30000) + strings.Repeat("]", 30000) + "\n",
		"long chain":      "x = " + strings.Repeat("'a' + ", 30000) + "'b'\n",
		"deep attributes": "x = a" + strings.Repeat(".__class__", 20000) + "\n",
		"unclosed":        "def f(:\n  while True\n    eval(\n",
		"empty":           "",
	}
	var deepIf strings.Builder
	for i := 0; i < 300; i++ {
		deepIf.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	deepIf.WriteString(strings.Repeat(" ", 300) + "eval(s)\n")
	cases["deep blocks"] = deepIf.String()
	cases["many locks"] = "import threading\nlock = threading.Lock()\n" + strings.Repeat("lock.acquire()\nf = open('x')\nev.wait()\n", 3000)
	var calls strings.Builder
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&calls, "def f%d(n):\n    return f%d(n) + f%d(n)\n", i, (i+1)%2000, (i+7)%2000)
	}
	cases["many functions"] = calls.String()
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			fs := Check(context.Background(), []byte(src), nil)
			for _, f := range fs {
				if f.Range.Start.Line < 0 || f.Range.End.Line < f.Range.Start.Line {
					t.Errorf("bad range %+v", f.Range)
				}
				_ = f.Contract([]byte(src))
			}
			if name == "invalid utf8" && rulesOf(fs)["SP000"] == 0 {
				t.Errorf("invalid input gave no syntax error: %v", fs)
			}
			if name == "deep blocks" && rulesOf(fs)["SP101"] == 0 {
				t.Errorf("eval under 300 nested blocks not found: %v", rulesOf(fs))
			}
			if name == "deep attributes" && rulesOf(fs)["SP201"] != 0 {
				t.Errorf("__class__ alone is not an escape dunder: %v", rulesOf(fs))
			}
		})
	}
}

// TestIncrementalParse: a re-parse after Edit gives the same findings as a
// fresh parse of the new text.
func TestIncrementalParse(t *testing.T) {
	ctx := context.Background()
	p := NewParser()
	defer p.Close()
	old := []byte("x = 1\ny = len(s)\n")
	t1, err := p.Parse(ctx, nil, old)
	if err != nil {
		t.Fatal(err)
	}
	defer t1.Close()
	if got := rulesOf(CheckTree(ctx, t1, nil)); len(got) != 0 {
		t.Fatalf("clean text flagged: %v", got)
	}
	// replace "len" (bytes 10..13 on line 1) with "eval"
	newSrc := []byte("x = 1\ny = eval(s)\n")
	t1.Edit(sitter.EditInput{StartIndex: 10, OldEndIndex: 13, NewEndIndex: 14,
		StartPoint: sitter.Point{Row: 1, Column: 4}, OldEndPoint: sitter.Point{Row: 1, Column: 7}, NewEndPoint: sitter.Point{Row: 1, Column: 8}})
	t2, err := p.Parse(ctx, t1, newSrc)
	if err != nil {
		t.Fatal(err)
	}
	defer t2.Close()
	inc := CheckTree(ctx, t2, nil)
	full := Check(ctx, newSrc, nil)
	if len(inc) != 1 || len(full) != 1 || inc[0].Rule != "SP101" || inc[0].Range != full[0].Range {
		t.Fatalf("incremental %v, full %v", inc, full)
	}
	if string(t2.Source()) != string(newSrc) {
		t.Fatal("tree source differs")
	}
}

func TestCanceledContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	src := benchSource(500)
	// a canceled check must return promptly; whatever it returns is valid
	for _, f := range Check(ctx, src, nil) {
		if f.Rule == "" {
			t.Fatal("empty finding")
		}
	}
}

// TestConcurrentChecks: Check is safe to call from several goroutines (each
// uses its own parser; the registry and grammar tables are shared, read-only).
func TestConcurrentChecks(t *testing.T) {
	src := benchSource(300)
	want := len(Check(context.Background(), src, nil))
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			if got := len(Check(context.Background(), src, nil)); got != want {
				errs <- fmt.Sprintf("got %d findings, want %d", got, want)
				return
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
