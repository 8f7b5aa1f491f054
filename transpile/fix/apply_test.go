package fix

import (
	"context"
	"strings"
	"testing"

	"github.com/stelp-dev/stelp/analysis"
	"github.com/stelp-dev/stelp/policy"
)

func pos(line, col int) analysis.Position { return analysis.Position{Line: line, Column: col} }

func finding(rule string, app analysis.Applicability, edits ...analysis.TextEdit) analysis.Finding {
	return analysis.Finding{Rule: rule, Fix: &analysis.Fix{Title: rule, Applicability: app, Edits: edits}}
}

func edit(l1, c1, l2, c2 int, text string) analysis.TextEdit {
	return analysis.TextEdit{Range: analysis.Range{Start: pos(l1, c1), End: pos(l2, c2)}, NewText: text}
}

func TestApplyOverlapEarlierStartWins(t *testing.T) {
	src := []byte("abcdef\n")
	late := finding("SP001", analysis.FixSafe, edit(0, 2, 0, 5, "X"))
	early := finding("SP900", analysis.FixSafe, edit(0, 1, 0, 3, "Y"))
	// The order of the findings must not matter.
	for _, in := range [][]analysis.Finding{{late, early}, {early, late}} {
		out, applied, skipped := Apply(src, in, false)
		if string(out) != "aYdef\n" {
			t.Errorf("got %q", out)
		}
		if len(applied) != 1 || applied[0].Rule != "SP900" || len(skipped) != 1 || skipped[0].Rule != "SP001" {
			t.Errorf("applied %v skipped %v", applied, skipped)
		}
	}
}

func TestApplyTieBrokenByRuleID(t *testing.T) {
	src := []byte("abcdef\n")
	a := finding("SP200", analysis.FixSafe, edit(0, 1, 0, 3, "A"))
	b := finding("SP100", analysis.FixSafe, edit(0, 1, 0, 4, "B"))
	out, applied, skipped := Apply(src, []analysis.Finding{a, b}, false)
	if string(out) != "aBef\n" || applied[0].Rule != "SP100" || skipped[0].Rule != "SP200" {
		t.Errorf("got %q applied %v skipped %v", out, applied, skipped)
	}
}

func TestApplyInsertionsAtOnePoint(t *testing.T) {
	src := []byte("x\n")
	// Two different fixes inserting code at the same point conflict (their
	// order would be arbitrary); identical import lines are added once and
	// different ones in sorted order.
	a := finding("SP100", analysis.FixSafe, edit(0, 0, 0, 0, "import shlex\n"), edit(0, 0, 0, 1, "a"))
	b := finding("SP101", analysis.FixSafe, edit(0, 0, 0, 0, "import ast\n"), edit(0, 1, 0, 1, "b"))
	c := finding("SP102", analysis.FixSafe, edit(0, 0, 0, 0, "import shlex\n"), edit(0, 1, 0, 1, "c"))
	out, applied, skipped := Apply(src, []analysis.Finding{c, b, a}, false)
	if string(out) != "import ast\nimport shlex\nab\n" {
		t.Errorf("got %q", out)
	}
	if len(applied) != 2 || len(skipped) != 1 || skipped[0].Rule != "SP102" {
		t.Errorf("applied %v skipped %v", applied, skipped)
	}
}

func TestApplyUnsafeOnlyOnRequest(t *testing.T) {
	src := []byte("abc\n")
	u := finding("SP100", analysis.FixUnsafe, edit(0, 0, 0, 1, "Z"))
	if out, applied, _ := Apply(src, []analysis.Finding{u}, false); string(out) != "abc\n" || len(applied) != 0 {
		t.Errorf("unsafe fix applied without unsafe=true: %q", out)
	}
	if out, applied, _ := Apply(src, []analysis.Finding{u}, true); string(out) != "Zbc\n" || len(applied) != 1 {
		t.Errorf("unsafe=true: %q", out)
	}
}

func TestApplyRejectsEditsOutsideTheSource(t *testing.T) {
	src := []byte("abc\n")
	bad := finding("SP100", analysis.FixSafe, edit(5, 0, 5, 1, "Z"))
	out, applied, skipped := Apply(src, []analysis.Finding{bad}, false)
	if string(out) != "abc\n" || len(applied) != 0 || len(skipped) != 1 {
		t.Errorf("got %q applied %v skipped %v", out, applied, skipped)
	}
}

// TestAllOverlappingRealFixes: the exec fix (whole statement) and the eval
// fix inside it overlap; the exec fix starts first and wins, the eval fix
// is taken in the next round, and both findings are gone.
func TestAllOverlappingRealFixes(t *testing.T) {
	ctx := context.Background()
	src := []byte("exec(\"x = eval('1 + 2')\")\nprint(x)\n")
	out, n, err := All(ctx, src, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "x = 1 + 2\nprint(x)\n" || n != 2 {
		t.Errorf("got %d fixes:\n%s", n, out)
	}
}

// TestImportsAddedOnce: three fixes needing the same module add one import,
// after the docstring and the existing imports.
func TestImportsAddedOnce(t *testing.T) {
	ctx := context.Background()
	src := []byte(`"""Doc."""
import os

a = __import__('math').sqrt(4)
b = __import__('math').floor(2.5)
c = __import__("math").pi
`)
	out, n, err := All(ctx, src, nil, false)
	if err != nil || n != 3 {
		t.Fatalf("%d fixes, %v", n, err)
	}
	want := "\"\"\"Doc.\"\"\"\nimport os\nimport math\n\na = math.sqrt(4)\nb = math.floor(2.5)\nc = math.pi\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestFixesNeverBreakSyntax feeds awkward shapes to every fixer: whatever
// is offered must leave a file that parses.
func TestFixesNeverBreakSyntax(t *testing.T) {
	ctx := context.Background()
	cases := []string{
		"x = eval('1 # comment')\n",
		"x = eval('''1\n+ 2''')\n",
		"f(eval('1, 2'))\n",
		"x = [eval('a for a in b')]\n",
		"if True: exec('y = 1')\n",
		"exec('y = 1'); print(y)\n",
		"exec('  y = 1')\n",
		"exec('def f():\\n    return 1')\n",
		"exec('return 1')\n",
		"exec('break')\n",
		"while True: pass\n",
		"while True:\n    pass\nelse:\n    pass\n",
		"x = [1 for _ in iter(int, 1)]\n",
		"def f():\n    fh = open('a')  # c\n    data = fh.read()\n    return data\n",
		"def f():\n    fh = open('a')\n    s = '''x\ny'''\n    fh.write(s)\n",
		"import subprocess\nsubprocess.run('ls', shell=True,)\n",
		"import requests\nrequests.get(\n    'u',\n)\n",
		"\tx = 1\n",
	}
	for _, c := range cases {
		for _, unsafe := range []bool{false, true} {
			out, _, err := All(ctx, []byte(c), nil, unsafe)
			if err != nil {
				t.Fatal(err)
			}
			before := strings.Contains(c, "\tx = 1") // already broken input
			if !before && !parsesWithoutErrors(t, out) {
				t.Errorf("unsafe=%v: %q became unparsable:\n%s", unsafe, c, out)
			}
		}
	}
}

// TestValidatorAgreesWithFullParse: the incremental re-parse that checks
// fixes gives the same verdict as parsing the edited text from scratch.
func TestValidatorAgreesWithFullParse(t *testing.T) {
	ctx := context.Background()
	src := []byte("def f(x):\n    if x:\n        return eval('x')\n    return 0\n\nprint(f(1))\n")
	cases := [][]analysis.TextEdit{
		{edit(2, 15, 2, 24, "x")},                                                  // fine
		{edit(2, 15, 2, 24, "(x")},                                                 // unbalanced
		{edit(1, 4, 1, 9, "for _ in range(3):")},                                   // fine
		{edit(3, 12, 3, 12, "\n    else:\n        pass")},                          // else after return: error
		{edit(0, 0, 0, 0, "import ast\n"), edit(2, 15, 2, 19, "ast.literal_eval")}, // fine, two edits
		{edit(5, 0, 5, 0, "    "), edit(0, 0, 0, 0, "x = 1\n")},                    // unexpected indent
	}
	p := analysis.NewParser()
	defer p.Close()
	tr, err := p.Parse(ctx, nil, src)
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	d := newDoc(src, tr.RootNode())
	v := newValidator(tr)
	defer v.close()
	verdicts := map[bool]int{}
	for i, edits := range cases {
		es, ok := toByteEdits(src, d.lines, edits)
		if !ok {
			t.Fatalf("case %d: bad edits", i)
		}
		full, err := p.Parse(ctx, nil, applyBytes(src, es))
		if err != nil {
			t.Fatal(err)
		}
		want := !full.Sitter().RootNode().HasError()
		full.Close()
		verdicts[want]++
		if got := v.parses(ctx, d, edits); got != want {
			t.Errorf("case %d: incremental %v, full parse %v", i, got, want)
		}
	}
	if verdicts[true] == 0 || verdicts[false] == 0 {
		t.Errorf("the cases must include edits that parse and edits that do not: %v", verdicts)
	}
}

// TestDunderImportFollowsPolicy: __import__ becomes an import statement
// only for modules the policy allows.
func TestDunderImportFollowsPolicy(t *testing.T) {
	ctx := context.Background()
	pol := policy.Default()
	pol.ModulesAllow = []string{"math"}
	src := []byte("a = __import__('math').pi\nb = __import__('json').dumps(1)\n")
	out, n, err := All(ctx, src, pol, false)
	if err != nil || n != 1 {
		t.Fatalf("%d fixes, %v", n, err)
	}
	if want := "import math\na = math.pi\nb = __import__('json').dumps(1)\n"; string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// TestFixShapes: one fix at a time, its edits and label, for shapes the
// golden fixtures do not spell out (moved from the checker's former
// built-in fixes, which this package replaced).
func TestFixShapes(t *testing.T) {
	cases := []struct {
		rule, src string
		want      []string // each fix's result, in finding order
		safe      bool
	}{
		{"SP101", "\"\"\"doc\"\"\"\nx = eval(s)\n", []string{"\"\"\"doc\"\"\"\nimport ast\nx = ast.literal_eval(s)\n"}, false},
		{"SP101", "import ast\nx = eval(s)\n", []string{"import ast\nx = ast.literal_eval(s)\n"}, false},
		{"SP101", "eval(s, {})\n", nil, false}, // globals have no literal_eval equivalent
		{"SP604", "import requests\nrequests.get(url)\n", []string{"import requests\nrequests.get(url, timeout=10)\n"}, true},
		{"SP604", "import requests\nrequests.post(url, data=d,)\n", []string{"import requests\nrequests.post(url, data=d, timeout=10,)\n"}, true},
		{"SP604", "import requests\nrequests.get(url, timeout=None)\n", nil, true}, // a person decides
		{"SP704", "import yaml\nyaml.load(t)\n", []string{"import yaml\nyaml.safe_load(t)\n"}, true},
		{"SP704", "import yaml\nyaml.load_all(a)\nyaml.load_all(b)\n", []string{
			"import yaml\nyaml.safe_load_all(a)\nyaml.load_all(b)\n",
			"import yaml\nyaml.load_all(a)\nyaml.safe_load_all(b)\n",
		}, true},
		{"SP706", "import torch\ntorch.load(p)\n", []string{"import torch\ntorch.load(p, weights_only=True)\n"}, false},
	}
	ctx := context.Background()
	for _, c := range cases {
		src := []byte(c.src)
		var got []string
		for _, f := range Attach(ctx, src, analysis.Check(ctx, src, nil)) {
			if f.Rule != c.rule || f.Fix == nil {
				continue
			}
			if (f.Fix.Applicability == analysis.FixSafe) != c.safe {
				t.Errorf("%q: %s fix is %s", c.src, c.rule, f.Fix.Applicability)
			}
			out, applied, _ := Apply(src, []analysis.Finding{f}, true)
			if len(applied) != 1 {
				t.Errorf("%q: fix not applied", c.src)
			}
			got = append(got, string(out))
		}
		if strings.Join(got, "\x00") != strings.Join(c.want, "\x00") {
			t.Errorf("%q: %s fixes give\n%q\nwant\n%q", c.src, c.rule, got, c.want)
		}
	}
}
