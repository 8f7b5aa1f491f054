package policy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"gopkg.in/yaml.v3"
)

// FileName is the config file stelp discovers.
const FileName = ".stelp.yaml"

// FileNames are the names discovery accepts in each folder, in order of
// preference: `.stelp.yml` is taken too because people type it.
var FileNames = []string{FileName, ".stelp.yml"}

// maxConfigBytes bounds what a config may weigh; a config is a few dozen
// lines, so anything this big is a mistake (or a hostile file).
const maxConfigBytes = 1 << 20

// maxExtendsDepth bounds extends chains that are not cycles but still absurd.
const maxExtendsDepth = 32

// RuleResolver maps a rule ID or name to its canonical ID. It is injected
// (rather than imported from analysis) so that policy stays the bottom of
// the dependency graph. ok=false means the rule does not exist.
type RuleResolver func(idOrName string) (id string, ok bool)

// Config is a loaded `.stelp.yaml` with everything it extends merged in.
// Use For to get the effective Policy of one file.
type Config struct {
	// File is the config that was loaded; "" for the built-in defaults.
	File string
	// Dir is the absolute directory `paths:` globs are relative to (File's
	// folder).
	Dir string
	// Sources is every file read to build this config, File first; a
	// change to any of them invalidates it.
	Sources []string

	base  layer
	paths []pathOverride
}

type pathOverride struct {
	glob  *glob
	layer layer
}

// layer is one set of settings as written: unset fields leave the policy
// below them alone.
type layer struct {
	rules       map[string]Severity
	modAllow    []string // replaces the allowlist when modAllowSet
	modAllowSet bool
	modExtra    []string // added after modAllow
	modDeny     []string // removed last
	limits      Limits   // zero fields are unset; zero is never valid
	files       *bool
	tools       map[string]any
}

// DefaultConfig is the configuration used when no `.stelp.yaml` applies.
func DefaultConfig() *Config { return &Config{} }

// Base is the policy of the config without any `paths:` override.
func (c *Config) Base() *Policy {
	p := Default()
	if c != nil {
		c.base.apply(p)
	}
	return p
}

// For returns the effective policy for filePath: the defaults, then the
// config (extended files first), then every matching `paths:` override in
// the order written. filePath may be relative to the working directory.
// A nil Config gives the defaults.
func (c *Config) For(filePath string) *Policy {
	p := c.Base()
	if c == nil || len(c.paths) == 0 || filePath == "" {
		return p
	}
	rel, ok := relTo(c.Dir, filePath)
	if !ok {
		return p
	}
	for _, o := range c.paths {
		if o.glob.match(rel) {
			o.layer.apply(p)
		}
	}
	return p
}

// relTo gives filePath relative to dir with forward slashes, or false if it
// lies outside dir (path overrides never apply there).
func relTo(dir, filePath string) (string, bool) {
	absFile, err := filepath.Abs(filePath)
	if err != nil {
		return "", false
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(absDir, absFile)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func (l *layer) apply(p *Policy) {
	for k, v := range l.rules {
		p.Rules[k] = v
	}
	if l.modAllowSet {
		p.ModulesAllow = append([]string(nil), l.modAllow...)
	}
	for _, m := range l.modExtra {
		if !contains(p.ModulesAllow, m) {
			p.ModulesAllow = append(p.ModulesAllow, m)
		}
	}
	if len(l.modDeny) > 0 {
		kept := p.ModulesAllow[:0:0]
		for _, m := range p.ModulesAllow {
			if !contains(l.modDeny, m) {
				kept = append(kept, m)
			}
		}
		p.ModulesAllow = kept
	}
	overlayLimits(&p.Limits, l.limits)
	if l.files != nil {
		p.Files = *l.files
	}
	if len(l.tools) > 0 && p.Tools == nil {
		p.Tools = map[string]any{}
	}
	for k, v := range l.tools {
		p.Tools[k] = v
	}
}

// overlayLimits copies the set (non-zero) fields of src onto dst.
func overlayLimits(dst *Limits, src Limits) {
	if src.Time != 0 {
		dst.Time = src.Time
	}
	if src.Steps != 0 {
		dst.Steps = src.Steps
	}
	if src.MemoryMB != 0 {
		dst.MemoryMB = src.MemoryMB
	}
	if src.Recursion != 0 {
		dst.Recursion = src.Recursion
	}
	if src.OutputKB != 0 {
		dst.OutputKB = src.OutputKB
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Load reads the config at path and everything it extends. Rule keys are
// checked for form only; use a Loader with a RuleResolver to also reject
// rules that do not exist.
func Load(ctx context.Context, path string) (*Config, error) {
	return load(ctx, path, nil, nil)
}

func load(ctx context.Context, path string, resolve RuleResolver, ruleNames []string) (*Config, error) {
	p := &parser{ctx: ctx, resolve: resolve, ruleNames: ruleNames}
	base, paths := p.loadFile(path, nil, nil)
	if err := p.errs.err(); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs // later working-directory changes must not move the globs
	}
	return &Config{File: path, Dir: dir, Sources: p.sources, base: base, paths: paths}, nil
}

var (
	topKeys   = []string{"extends", "rules", "paths", "modules", "limits", "files", "tools"}
	layerKeys = []string{"rules", "modules", "limits", "files", "tools"}
)

// parser accumulates errors across a config and its extends chain.
type parser struct {
	ctx       context.Context
	resolve   RuleResolver
	ruleNames []string // for "did you mean" on unknown rules
	errs      ErrorList
	sources   []string
	file      string // file being parsed, for error positions
}

func (p *parser) errorf(n *yaml.Node, key, format string, args ...any) {
	e := &Error{File: p.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// loadFile parses the file at path and returns its settings with what it
// extends underneath. chain is the extends chain leading here, for cycle
// reports; from is the extends entry that named this file, for errors about
// opening it (nil for the root config).
func (p *parser) loadFile(path string, chain []string, from *Error) (layer, []pathOverride) {
	fail := func(msg string) (layer, []pathOverride) {
		e := &Error{File: path, Msg: msg}
		if from != nil {
			c := *from
			c.Msg = msg
			e = &c
		}
		p.errs = append(p.errs, e)
		return layer{}, nil
	}
	if err := p.ctx.Err(); err != nil {
		return fail(err.Error())
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	for i, prev := range chain {
		if prev == abs {
			cycle := append(append([]string(nil), chain[i:]...), abs)
			for j := range cycle {
				cycle[j] = displayPath(cycle[j])
			}
			return fail("cycle: " + strings.Join(cycle, " -> "))
		}
	}
	if len(chain) >= maxExtendsDepth {
		return fail(fmt.Sprintf("extends chain deeper than %d files", maxExtendsDepth))
	}
	chain = append(chain, abs)

	data, err := readConfig(path)
	if err != nil {
		return fail(err.Error())
	}
	if !contains(p.sources, path) {
		p.sources = append(p.sources, path)
	}

	saved := p.file
	p.file = path
	defer func() { p.file = saved }()

	root, ok := p.parseDoc(data)
	if !ok || root == nil {
		return layer{}, nil
	}
	var (
		extends  []*yaml.Node
		own      layer
		ownPaths []pathOverride
	)
	p.mapping(root, "", func(key string, k, v *yaml.Node) {
		switch key {
		case "extends":
			extends = p.stringList(v, "extends")
		case "rules", "modules", "limits", "files", "tools":
			p.layerKey(&own, key, key, v)
		case "paths":
			ownPaths = p.paths(v)
		default:
			p.errorf(k, key, "unknown key%s; want one of %s", didYouMean(key, topKeys), strings.Join(topKeys, ", "))
		}
	})
	// Extended files go underneath this file's own settings, in the order
	// listed, so a later entry overrides an earlier one.
	var (
		base  layer
		paths []pathOverride
	)
	for _, n := range extends {
		target := n.Value
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), filepath.FromSlash(target))
		}
		at := &Error{File: path, Line: n.Line, Column: n.Column, Key: "extends"}
		b, ps := p.loadFile(target, chain, at)
		base.merge(&b)
		paths = append(paths, ps...)
	}
	base.merge(&own)
	return base, append(paths, ownPaths...)
}

// merge lays o on top of l so that applying l afterwards equals applying
// the old l and then o.
func (l *layer) merge(o *layer) {
	if len(o.rules) > 0 && l.rules == nil {
		l.rules = map[string]Severity{}
	}
	for k, v := range o.rules {
		l.rules[k] = v
	}
	if o.modAllowSet {
		l.modAllowSet, l.modAllow, l.modExtra, l.modDeny = true, o.modAllow, nil, nil
	}
	for _, m := range o.modExtra {
		l.modDeny = remove(l.modDeny, m)
		if !contains(l.modExtra, m) {
			l.modExtra = append(l.modExtra, m)
		}
	}
	for _, m := range o.modDeny {
		l.modExtra = remove(l.modExtra, m)
		if l.modAllowSet {
			l.modAllow = remove(l.modAllow, m)
		}
		if !contains(l.modDeny, m) {
			l.modDeny = append(l.modDeny, m)
		}
	}
	overlayLimits(&l.limits, o.limits)
	if o.files != nil {
		l.files = o.files
	}
	if len(o.tools) > 0 && l.tools == nil {
		l.tools = map[string]any{}
	}
	for k, v := range o.tools {
		l.tools[k] = v
	}
}

func remove(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func readConfig(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("read config: %s is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxConfigBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	if len(data) > maxConfigBytes {
		return nil, fmt.Errorf("read config: larger than %d bytes", maxConfigBytes)
	}
	return data, nil
}

func displayPath(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return abs
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+)`) })

// parseDoc parses one YAML document and returns its top-level mapping (nil
// for an empty file).
func (p *parser) parseDoc(data []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, true
		}
		e := &Error{File: p.file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = strings.TrimPrefix(e.Msg, m[0]+": ")
		}
		e.Msg = "invalid YAML: " + e.Msg
		p.errs = append(p.errs, e)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		line := 0
		if err == nil {
			line = extra.Line
		}
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: "more than one YAML document; a config is one mapping"})
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	root := deref(doc.Content[0])
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, true
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "", "the config must be a mapping of keys (rules:, limits:, ...), got %s", kindName(root))
		return nil, false
	}
	return root, true
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing (null)"
		case "!!bool":
			return "a boolean"
		case "!!int", "!!float":
			return "a number " + n.Value
		}
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "an unsupported YAML node"
}

func joinKey(prefix, key string) string {
	if strings.ContainsAny(key, ".*?[] /\"") {
		key = strconv.Quote(key)
	}
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// mapping walks a mapping node, reporting non-mappings, non-string keys and
// duplicate keys (yaml.v3 does not when decoding into a Node).
func (p *parser) mapping(n *yaml.Node, prefix string, each func(key string, k, v *yaml.Node)) {
	n = deref(n)
	if isNull(n) {
		// `rules:` with every entry commented out: nothing to apply.
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, prefix, "want a mapping, got %s", kindName(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, prefix, "keys must be plain strings")
			continue
		}
		if k.Value == "<<" {
			p.errorf(k, joinKey(prefix, k.Value), "YAML merge keys are not supported; use extends")
			continue
		}
		if line, dup := seen[k.Value]; dup {
			p.errorf(k, joinKey(prefix, k.Value), "duplicate key (first set on line %d)", line)
			continue
		}
		seen[k.Value] = k.Line
		each(k.Value, k, v)
	}
}

func (p *parser) stringList(n *yaml.Node, key string) []*yaml.Node {
	n = deref(n)
	if isNull(n) {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		if n.Value == "" {
			p.errorf(n, key, "empty string")
			return nil
		}
		return []*yaml.Node{n}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, key, "want a string or a list of strings, got %s", kindName(n))
		return nil
	}
	var out []*yaml.Node
	for i, it := range n.Content {
		it = deref(it)
		k := fmt.Sprintf("%s[%d]", key, i)
		if it.Kind != yaml.ScalarNode || it.Tag != "!!str" {
			p.errorf(it, k, "want a string, got %s", kindName(it))
			continue
		}
		if it.Value == "" {
			p.errorf(it, k, "empty string")
			continue
		}
		out = append(out, it)
	}
	return out
}

// layerKey parses one of the keys a layer can hold (top level or under a
// `paths:` pattern) into l.
func (p *parser) layerKey(l *layer, name, key string, v *yaml.Node) {
	switch name {
	case "rules":
		p.rules(l, key, v)
	case "modules":
		p.modules(l, key, v)
	case "limits":
		p.limits(l, key, v)
	case "files":
		v = deref(v)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			p.errorf(v, key, "want true or false, got %s", kindName(v))
			return
		}
		b := v.Value == "true"
		l.files = &b
	case "tools":
		v = deref(v)
		if isNull(v) {
			return
		}
		if v.Kind != yaml.MappingNode {
			p.errorf(v, key, "want a mapping of tool name to settings, got %s", kindName(v))
			return
		}
		p.mapping(v, key, func(name string, k, val *yaml.Node) {
			var x any
			if err := val.Decode(&x); err != nil {
				p.errorf(val, joinKey(key, name), "%v", err)
				return
			}
			if l.tools == nil {
				l.tools = map[string]any{}
			}
			l.tools[name] = x
		})
	}
}

var (
	ruleIDForm   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Z]+[0-9]+$`) })
	ruleNameForm = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`) })
)

func (p *parser) rules(l *layer, key string, v *yaml.Node) {
	setAt := map[string]*yaml.Node{} // canonical ID -> key node
	p.mapping(v, key, func(name string, k, val *yaml.Node) {
		rk := joinKey(key, name)
		id := name
		if p.resolve != nil {
			canon, ok := p.resolve(name)
			if !ok {
				hint := didYouMean(name, p.ruleNames)
				if hint == "" {
					hint = " (see `stelp rules`)"
				}
				p.errorf(k, rk, "unknown rule %q%s", name, hint)
				return
			}
			id = canon
		} else if !ruleIDForm().MatchString(name) && !ruleNameForm().MatchString(name) {
			p.errorf(k, rk, "%q is not a rule ID (SP101) or rule name (eval-call)", name)
			return
		}
		if prev, dup := setAt[id]; dup {
			p.errorf(k, rk, "rule %s is already set on line %d (as %s)", id, prev.Line, prev.Value)
			return
		}
		setAt[id] = k
		if val.Kind != yaml.ScalarNode || val.Tag != "!!str" {
			p.errorf(val, rk, "want error, warning, info or off, got %s", kindName(val))
			return
		}
		sev := Severity(val.Value)
		switch sev {
		case SeverityError, SeverityWarning, SeverityInfo, SeverityOff:
		default:
			p.errorf(val, rk, "severity %q; want error, warning, info or off", val.Value)
			return
		}
		if l.rules == nil {
			l.rules = map[string]Severity{}
		}
		l.rules[id] = sev
	})
}

var moduleForm = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$`)
})

func (p *parser) modules(l *layer, key string, v *yaml.Node) {
	p.mapping(v, key, func(name string, k, val *yaml.Node) {
		mk := joinKey(key, name)
		var dst *[]string
		switch name {
		case "allow":
			l.modAllowSet = true
			l.modAllow = []string{} // `allow: []` means no imports at all
			dst = &l.modAllow
		case "allow_extra":
			dst = &l.modExtra
		case "deny":
			dst = &l.modDeny
		default:
			p.errorf(k, mk, "unknown key%s; want allow, allow_extra or deny", didYouMean(name, []string{"allow", "allow_extra", "deny"}))
			return
		}
		val = deref(val)
		if val.Kind != yaml.SequenceNode {
			p.errorf(val, mk, "want a list of module names, got %s", kindName(val))
			return
		}
		for i, it := range val.Content {
			it = deref(it)
			ik := fmt.Sprintf("%s[%d]", mk, i)
			if it.Kind != yaml.ScalarNode || it.Tag != "!!str" || !moduleForm().MatchString(it.Value) {
				p.errorf(it, ik, "want a module name such as math or os.path, got %s", kindName(it))
				continue
			}
			if !contains(*dst, it.Value) {
				*dst = append(*dst, it.Value)
			}
		}
	})
}

func (p *parser) limits(l *layer, key string, v *yaml.Node) {
	p.mapping(v, key, func(name string, k, val *yaml.Node) {
		lk := joinKey(key, name)
		val = deref(val)
		switch name {
		case "time":
			if val.Kind != yaml.ScalarNode || val.Tag != "!!str" {
				p.errorf(val, lk, "want a duration with a unit such as 5s or 500ms, got %s", kindName(val))
				return
			}
			d, err := time.ParseDuration(val.Value)
			if err != nil {
				p.errorf(val, lk, "%q is not a duration; want e.g. 5s or 500ms", val.Value)
				return
			}
			if d <= 0 {
				p.errorf(val, lk, "must be positive")
				return
			}
			l.limits.Time = d
		case "steps", "recursion":
			if val.Kind != yaml.ScalarNode || val.Tag != "!!int" {
				p.errorf(val, lk, "want a whole number, got %s", kindName(val))
				return
			}
			n, err := strconv.ParseInt(strings.ReplaceAll(val.Value, "_", ""), 0, 64)
			if err != nil || n <= 0 || (name == "recursion" && n > 1<<30) {
				p.errorf(val, lk, "%s is out of range; want a positive whole number", val.Value)
				return
			}
			if name == "steps" {
				l.limits.Steps = n
			} else {
				l.limits.Recursion = int(n)
			}
		case "memory", "output":
			unit, unitName := int64(1<<20), "1MB"
			if name == "output" {
				unit, unitName = 1<<10, "1KB"
			}
			if val.Kind != yaml.ScalarNode || (val.Tag != "!!str" && val.Tag != "!!int" && val.Tag != "!!float") {
				p.errorf(val, lk, "want a size such as 512MB, got %s", kindName(val))
				return
			}
			b, err := parseSize(val.Value)
			if err != nil {
				p.errorf(val, lk, "%v", err)
				return
			}
			if b < unit {
				p.errorf(val, lk, "%s is too small; the minimum is %s", val.Value, unitName)
				return
			}
			if name == "memory" {
				l.limits.MemoryMB = ceilDiv(b, unit)
			} else {
				l.limits.OutputKB = ceilDiv(b, unit)
			}
		default:
			p.errorf(k, lk, "unknown key%s; want time, steps, memory, recursion or output", didYouMean(name, []string{"time", "steps", "memory", "recursion", "output"}))
		}
	})
}

func (p *parser) paths(v *yaml.Node) []pathOverride {
	var out []pathOverride
	p.mapping(v, "paths", func(pattern string, k, val *yaml.Node) {
		pk := joinKey("paths", pattern)
		g, err := compileGlob(pattern)
		if err != nil {
			p.errorf(k, pk, "bad pattern: %v", err)
			return
		}
		o := pathOverride{glob: g}
		p.mapping(val, pk, func(name string, kk, vv *yaml.Node) {
			switch name {
			case "rules", "modules", "limits", "files", "tools":
				p.layerKey(&o.layer, name, joinKey(pk, name), vv)
			case "extends", "paths":
				p.errorf(kk, joinKey(pk, name), "not allowed under paths; put it at the top level")
			default:
				p.errorf(kk, joinKey(pk, name), "unknown key%s; want one of %s", didYouMean(name, layerKeys), strings.Join(layerKeys, ", "))
			}
		})
		out = append(out, o)
	})
	return out
}
