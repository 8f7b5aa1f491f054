package policy

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

const fixtures = "../testdata/policy"

// fakeRules stands in for analysis.RuleByID: a few IDs and their names.
func fakeRules(idOrName string) (string, bool) {
	known := map[string]string{
		"SP101": "SP101", "eval-call": "SP101",
		"SP102": "SP102", "exec-call": "SP102",
		"SP103": "SP103", "compile-call": "SP103",
	}
	id, ok := known[idOrName]
	return id, ok
}

func loadWithRules(t *testing.T, path string) (*Config, error) {
	t.Helper()
	names := []string{"SP101", "eval-call", "SP102", "exec-call", "SP103", "compile-call"}
	return (&Loader{Rules: fakeRules, RuleNames: names}).Load(context.Background(), path)
}

func withModules(add []string, drop ...string) []string {
	var out []string
	for _, m := range DefaultModules {
		if !slices.Contains(drop, m) {
			out = append(out, m)
		}
	}
	return append(out, add...)
}

func TestExtendsChain(t *testing.T) {
	cfg, err := loadWithRules(t, filepath.Join(fixtures, "extends", FileName))
	if err != nil {
		t.Fatal(err)
	}
	// Order: mid.yaml (base.yaml, then mid), other/extra.yaml (base.yaml
	// again, then extra), then the file's own keys. base.yaml coming in a
	// second time re-applies SP101: warning over mid's info: later wins.
	want := &Policy{
		Rules:        map[string]Severity{"SP101": SeverityWarning, "SP102": SeverityError},
		ModulesAllow: withModules([]string{"numpy"}, "random"),
		Limits: Limits{
			Time: 2 * time.Second, Steps: 500, MemoryMB: 256,
			Recursion: DefaultLimits().Recursion, OutputKB: 64,
		},
		Files: true,
		Tools: map[string]any{"fetch": map[string]any{"allow": false}},
	}
	dir := filepath.Join(fixtures, "extends")
	if got := cfg.For(filepath.Join(dir, "src", "a.py")); !reflect.DeepEqual(got, want) {
		t.Errorf("src/a.py:\n got %+v\nwant %+v", got, want)
	}
	want.Rules = map[string]Severity{"SP101": SeverityWarning, "SP102": SeverityWarning}
	if got := cfg.For(filepath.Join(dir, "tests", "t.py")); !reflect.DeepEqual(got, want) {
		t.Errorf("tests/t.py (own paths override after base.yaml's):\n got %+v\nwant %+v", got, want)
	}
	var names []string
	for _, s := range cfg.Sources {
		rel, _ := filepath.Rel(dir, s)
		names = append(names, filepath.ToSlash(rel))
	}
	if wantSrc := []string{".stelp.yaml", "mid.yaml", "base.yaml", "other/extra.yaml"}; !slices.Equal(names, wantSrc) {
		t.Errorf("Sources = %v, want %v", names, wantSrc)
	}
}

func TestExtendsCycle(t *testing.T) {
	for _, tc := range []struct {
		file, at string
		chain    []string
	}{
		{"a.yaml", "c.yaml", []string{"a.yaml", "b.yaml", "c.yaml", "a.yaml"}},
		{"self.yaml", "self.yaml", []string{"self.yaml", "self.yaml"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := loadWithRules(t, filepath.Join(fixtures, "cycle", tc.file))
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("want *Error, got %v", err)
			}
			if filepath.Base(pe.File) != tc.at || pe.Line != 1 || pe.Key != "extends" {
				t.Errorf("cycle reported at %s:%d key %q, want %s:1 key extends", pe.File, pe.Line, pe.Key, tc.at)
			}
			var got []string
			for _, p := range strings.Split(strings.TrimPrefix(pe.Msg, "cycle: "), " -> ") {
				got = append(got, filepath.Base(p))
			}
			if !strings.HasPrefix(pe.Msg, "cycle: ") || !slices.Equal(got, tc.chain) {
				t.Errorf("message %q, want the chain %v", pe.Msg, tc.chain)
			}
		})
	}
}

func TestPathOverrides(t *testing.T) {
	cfg, err := loadWithRules(t, filepath.Join(fixtures, "paths", FileName))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(fixtures, "paths")
	for _, tc := range []struct {
		file    string
		sev     Severity
		files   bool
		time    time.Duration
		modules []string
	}{
		{file: "main.py", sev: SeverityError},
		{file: "tests/test_a.py", sev: SeverityOff, files: true},
		{file: "src/tests/test_a.py", sev: SeverityOff, files: true}, // no slash: any depth
		{file: "testsuite/a.py", sev: SeverityError},
		{file: "tests/fixtures/deep/x.py", sev: SeverityError, files: true},
		{file: "src/a_gen.py", sev: SeverityWarning},
		{file: "tests/b_gen.py", sev: SeverityWarning, files: true}, // later pattern wins
		{file: "scripts/run.py", sev: SeverityError, time: 30 * time.Second, modules: []string{"math"}},
		{file: "src/scripts/run.py", sev: SeverityError}, // leading / anchors
		{file: "legacy/a/b/old_x.py", sev: SeverityInfo},
		{file: "legacy/old_x.py", sev: SeverityInfo}, // ** matches zero segments
		{file: "legacy/a/new_x.py", sev: SeverityError},
		{file: "../outside/tests/a.py", sev: SeverityError}, // outside the config's dir
	} {
		t.Run(tc.file, func(t *testing.T) {
			p := cfg.For(filepath.Join(dir, filepath.FromSlash(tc.file)))
			if p.Rules["SP101"] != tc.sev {
				t.Errorf("SP101 = %q, want %q", p.Rules["SP101"], tc.sev)
			}
			if p.Files != tc.files {
				t.Errorf("Files = %v, want %v", p.Files, tc.files)
			}
			wantTime := DefaultLimits().Time
			if tc.time != 0 {
				wantTime = tc.time
			}
			if p.Limits.Time != wantTime {
				t.Errorf("Time = %v, want %v", p.Limits.Time, wantTime)
			}
			wantMods := DefaultModules
			if tc.modules != nil {
				wantMods = tc.modules
			}
			if !slices.Equal(p.ModulesAllow, wantMods) {
				t.Errorf("ModulesAllow = %v, want %v", p.ModulesAllow, wantMods)
			}
		})
	}
}

var wantLine = regexp.MustCompile(`^# want: ([^:]+):(\d+):(\d+) (.*?) *\| (.+)$`)

// TestMalformed loads every file in testdata/policy/malformed; each names
// the error it must produce in its first line:
//
//	# want: FILE:LINE:COL KEY | message substring
func TestMalformed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtures, "malformed", "*.yaml"))
	if err != nil || len(files) < 20 {
		t.Fatalf("fixtures: %v (%d files)", err, len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(data), "\n")
			m := wantLine.FindStringSubmatch(first)
			if m == nil {
				t.Fatalf("first line %q is not a want marker", first)
			}
			line, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			_, err = loadWithRules(t, f)
			if err == nil {
				t.Fatal("loaded without error")
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an ErrorList: %v", err, err)
			}
			for _, e := range list {
				if filepath.Base(e.File) == m[1] && e.Line == line && e.Column == col && e.Key == m[4] && strings.Contains(e.Msg, m[5]) {
					// The formatted form must carry the same facts.
					if s := e.Error(); !strings.Contains(s, m[1]+":"+m[2]) || !strings.Contains(s, m[5]) {
						t.Errorf("Error() = %q lacks file:line or message", s)
					}
					return
				}
			}
			t.Errorf("no error %s:%d:%d key %q containing %q; got:\n%v", m[1], line, col, m[4], m[5], err)
		})
	}
}

func TestRuleKeysWithoutResolver(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		yaml, want string // want "" = loads
	}{
		{"rules: {SP101: off, eval-call: warning}", ""},
		{"rules: {SP999: off}", ""}, // form is fine; existence unknown without a resolver
		{"rules: {Eval Call: off}", `rules."Eval Call": "Eval Call" is not a rule ID`},
		{"rules: {eval_call: off}", `is not a rule ID`},
	} {
		path := filepath.Join(dir, "c.yaml")
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(context.Background(), path)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.yaml, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

func TestAllErrorsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	src := "rules:\n  SP101: loud\nlimits:\n  time: never\n  memory: 12\nfiles: 1\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadWithRules(t, path)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 4 {
		t.Fatalf("want 4 errors, got %v", err)
	}
	for i, key := range []string{"rules.SP101", "limits.time", "limits.memory", "files"} {
		if list[i].Key != key || list[i].Line != []int{2, 4, 5, 6}[i] {
			t.Errorf("error %d = %v, want key %s", i, list[i], key)
		}
	}
}

func TestValues(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		yaml string
		want func(*Policy) bool
	}{
		{"limits: {memory: 1.5GB}", func(p *Policy) bool { return p.Limits.MemoryMB == 1536 }},
		{"limits: {memory: 1500KB}", func(p *Policy) bool { return p.Limits.MemoryMB == 2 }}, // rounds up
		{"limits: {output: 1MB}", func(p *Policy) bool { return p.Limits.OutputKB == 1024 }},
		{"limits: {output: 10 kib}", func(p *Policy) bool { return p.Limits.OutputKB == 10 }},
		{"limits: {steps: 1_000_000}", func(p *Policy) bool { return p.Limits.Steps == 1_000_000 }},
		{"limits: {time: 1m30s, recursion: 50}", func(p *Policy) bool {
			return p.Limits.Time == 90*time.Second && p.Limits.Recursion == 50
		}},
		{"modules: {allow: []}", func(p *Policy) bool { return len(p.ModulesAllow) == 0 && !p.Allows("math") }},
		{"modules: {allow: [math], allow_extra: [os.path], deny: [math]}", func(p *Policy) bool {
			return slices.Equal(p.ModulesAllow, []string{"os.path"})
		}},
		{"files: false", func(p *Policy) bool { return !p.Files }},
		{"", func(p *Policy) bool { return reflect.DeepEqual(p, Default()) }},
		// Keys whose entries are all commented out are empty, not errors.
		{"extends:\nrules:\n  # SP101: off\nlimits:\npaths:\n  tests:\ntools:\n", func(p *Policy) bool { return reflect.DeepEqual(p, Default()) }},
		{"# only a comment\n", func(p *Policy) bool { return reflect.DeepEqual(p, Default()) }},
		{"rules: {eval-call: off}", func(p *Policy) bool { return p.Rules["SP101"] == SeverityOff }}, // canonical ID
	} {
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := (&Loader{Rules: fakeRules}).Load(context.Background(), path)
		if err != nil {
			t.Errorf("%q: %v", tc.yaml, err)
			continue
		}
		if p := cfg.Base(); !tc.want(p) {
			t.Errorf("%q: unexpected policy %+v", tc.yaml, p)
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", maxConfigBytes)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.yaml"), "no such file"},
		{dir, "is a directory"},
		{big, "larger than"},
	} {
		_, err := Load(context.Background(), tc.path)
		var pe *Error
		if !errors.As(err, &pe) || pe.File != tc.path || !strings.Contains(pe.Msg, tc.want) {
			t.Errorf("Load(%s) = %v, want an *Error naming the file with %q", tc.path, err, tc.want)
		}
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, filepath.Join(fixtures, "extends", FileName)); !strings.Contains(err.Error(), "canceled") {
		t.Errorf("canceled load: %v", err)
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{File: "a.yaml", Line: 3, Column: 5, Key: "limits.time", Msg: "bad"}, "a.yaml:3:5: limits.time: bad"},
		{Error{File: "a.yaml", Line: 3, Msg: "invalid YAML: x"}, "a.yaml:3: invalid YAML: x"},
		{Error{File: "a.yaml", Msg: "read config: gone"}, "a.yaml: read config: gone"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestAdversarialConfig feeds configs built to exhaust a YAML loader: they
// must come back as errors naming the file, not as a crash or a hang.
func TestAdversarialConfig(t *testing.T) {
	dir := t.TempDir()
	laughs := []string{"tools:", "  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"}
	for i := 1; i < 10; i++ {
		refs := strings.TrimSuffix(strings.Repeat("*l"+strconv.Itoa(i-1)+", ", 9), ", ")
		laughs = append(laughs, "  l"+strconv.Itoa(i)+": &l"+strconv.Itoa(i)+" ["+refs+"]")
	}
	for name, tc := range map[string]struct{ src, want string }{
		"deep":     {strings.Repeat("[", 200_000), "invalid YAML"},
		"laughs":   {strings.Join(laughs, "\n") + "\n", "excessive aliasing"},
		"deep-map": {strings.Repeat("{a: ", 100_000), "invalid YAML"},
		// An alias is followed like the node it names, so the key check
		// still applies to what it points at.
		"alias": {"rules: &r {SP101: off, SP999: off}\npaths:\n  x: {rules: *r}\n", "unknown rule \"SP999\""},
	} {
		path := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := loadWithRules(t, path)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error naming the file with %q", name, err, tc.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		"rulez: {}":                     `rulez: unknown key (did you mean "rules"?)`,
		"limit: {}":                     `limit: unknown key (did you mean "limits"?)`,
		"rules: {eval_call: off}":       `unknown rule "eval_call" (did you mean "eval-call"?)`,
		"rules: {SP10: off}":            `unknown rule "SP10" (did you mean "SP101"?)`,
		"limits: {memroy: 1GB}":         `limits.memroy: unknown key (did you mean "memory"?)`,
		"modules: {allow-extra: [x]}":   `modules.allow-extra: unknown key (did you mean "allow_extra"?)`,
		"paths: {a: {rule: {}}}":        `paths.a.rule: unknown key (did you mean "rules"?)`,
		"rules: {totally-unknown: off}": `unknown rule "totally-unknown" (see`,
		"zzz: 1":                        `zzz: unknown key; want one of`,
	} {
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadWithRules(t, path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", src, err, want)
		}
	}
}
