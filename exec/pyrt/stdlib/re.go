package stdlib

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/go-python/gpython/py"
)

// The re module runs Python regular expressions on regexp2 (a backtracking
// engine with .NET syntax, close to Python's). Patterns are rewritten by
// translatePattern; matching is bounded by reMatchTimeout so a
// catastrophically backtracking pattern raises instead of hanging.

// reMatchTimeout bounds one regex operation (one search step). A variable
// only so that tests can shorten it.
var reMatchTimeout = 2 * time.Second

func reModule() *goModule {
	return &goModule{name: "re", doc: "Support for regular expressions (RE).", build: buildRe}
}

var reErrorType = newExceptionType(py.ExceptionType, "error", "Exception raised for invalid regular expressions.")

// compiledRe is a translated pattern with its regexp2 programs: search (any
// position), anchored (match at pos) and full (fullmatch). They are shared
// by every context; regexp2 programs are safe for concurrent use.
type compiledRe struct {
	src  string
	tr   *rePattern
	opts regexp2.RegexOptions

	search             *regexp2.Regexp
	onceA, onceF       sync.Once
	anchored, full     *regexp2.Regexp
	errAnchor, errFull error
}

var reCache = struct {
	sync.Mutex
	m map[string]*compiledRe
}{m: map[string]*compiledRe{}}

func reCompile(pattern string, flags int) (*compiledRe, error) {
	key := strconv.Itoa(flags) + ":" + pattern
	reCache.Lock()
	c, ok := reCache.m[key]
	reCache.Unlock()
	if ok {
		return c, nil
	}
	tr, err := translatePattern(pattern, flags)
	if err != nil {
		return nil, err
	}
	opts := regexp2.RegexOptions(0)
	if tr.flags&reIgnoreCase != 0 {
		opts |= regexp2.IgnoreCase
	}
	if tr.flags&reMultiline != 0 {
		opts |= regexp2.Multiline
	}
	if tr.flags&reDotAll != 0 {
		opts |= regexp2.Singleline
	}
	search, err := compileRx(tr.expr, opts)
	if err != nil {
		return nil, err
	}
	c = &compiledRe{src: pattern, tr: tr, opts: opts, search: search}
	reCache.Lock()
	if len(reCache.m) > 512 {
		reCache.m = map[string]*compiledRe{}
	}
	reCache.m[key] = c
	reCache.Unlock()
	return c, nil
}

func compileRx(expr string, opts regexp2.RegexOptions) (*regexp2.Regexp, error) {
	rx, err := regexp2.Compile(expr, opts)
	if err != nil {
		return nil, &reError{msg: err.Error(), pos: -1}
	}
	rx.MatchTimeout = reMatchTimeout
	return rx, nil
}

func (c *compiledRe) anchoredRx() (*regexp2.Regexp, error) {
	c.onceA.Do(func() { c.anchored, c.errAnchor = compileRx(`\G(?:`+c.tr.expr+`)`, c.opts) })
	return c.anchored, c.errAnchor
}

func (c *compiledRe) fullRx() (*regexp2.Regexp, error) {
	c.onceF.Do(func() { c.full, c.errFull = compileRx(`\G(?:`+c.tr.expr+`)\z`, c.opts) })
	return c.full, c.errFull
}

func reErr(err error, pattern string) error {
	if e, ok := err.(*reError); ok {
		exc := py.ExceptionNewf(reErrorType, "%s", e.Error())
		exc.Dict["msg"] = py.String(e.msg)
		exc.Dict["pattern"] = py.String(pattern)
		if e.pos >= 0 {
			exc.Dict["pos"] = py.Int(e.pos)
		} else {
			exc.Dict["pos"] = py.None
		}
		return exc
	}
	if err != nil && strings.Contains(err.Error(), "timeout") {
		return py.ExceptionNewf(py.RuntimeError, "regular expression match timed out after %v (catastrophic backtracking?)", reMatchTimeout)
	}
	return err
}

// patternObj is re.Pattern.
type patternObj struct {
	ctx py.Context
	c   *compiledRe
	src py.Object
}

var patternType = py.NewType("re.Pattern", "Compiled regular expression object.")

func (p *patternObj) Type() *py.Type { return patternType }

// matchObj is re.Match.
type matchObj struct {
	pat    *patternObj
	str    py.Object
	text   []rune
	pos    int
	endpos int
	spans  [][2]int
}

var matchType = py.NewType("re.Match", "The result of re.match() and re.search().")

func (m *matchObj) Type() *py.Type { return matchType }

func (p *patternObj) M__repr__() (py.Object, error) {
	r, err := reprOf(p.ctx, p.src)
	if err != nil {
		return nil, err
	}
	if len(r) > 200 {
		r = r[:200]
	}
	flags := p.c.tr.flags &^ reUnicode
	if flags == 0 {
		return py.String("re.compile(" + r + ")"), nil
	}
	var names []string
	for _, f := range []struct {
		v int
		n string
	}{{reTemplate, "re.TEMPLATE"}, {reIgnoreCase, "re.IGNORECASE"}, {reLocale, "re.LOCALE"}, {reMultiline, "re.MULTILINE"}, {reDotAll, "re.DOTALL"}, {reVerbose, "re.VERBOSE"}, {reDebug, "re.DEBUG"}, {reASCII, "re.ASCII"}} {
		if flags&f.v != 0 {
			names = append(names, f.n)
			flags &^= f.v
		}
	}
	if flags != 0 {
		names = append(names, "0x"+strconv.FormatInt(int64(flags), 16))
	}
	return py.String("re.compile(" + r + ", " + strings.Join(names, "|") + ")"), nil
}

func (p *patternObj) M__eq__(o py.Object) (py.Object, error) {
	q, ok := o.(*patternObj)
	return py.NewBool(ok && q.c.src == p.c.src && q.c.tr.flags == p.c.tr.flags), nil
}

func (p *patternObj) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "pattern":
		return p.src, nil
	case "flags":
		return py.Int(p.c.tr.flags), nil
	case "groups":
		return py.Int(p.c.tr.groups), nil
	case "groupindex":
		d, err := newDict(p.ctx)
		if err != nil {
			return nil, err
		}
		for _, n := range p.c.tr.nameOrder {
			if _, err := py.SetItem(d, py.String(n), py.Int(p.c.tr.names[n])); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'re.Pattern' object has no attribute '%s'", name)
}

// subject converts the string argument and clamps pos/endpos as Python does.
func subject(o py.Object, pos, endpos py.Object) ([]rune, int, int, error) {
	s, ok := o.(py.String)
	if !ok {
		return nil, 0, 0, py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", o.Type().Name)
	}
	text := []rune(string(s))
	p, e := 0, len(text)
	if !isNone(pos) {
		v, err := toInt(pos)
		if err != nil {
			return nil, 0, 0, err
		}
		p = v
	}
	if !isNone(endpos) {
		v, err := toInt(endpos)
		if err != nil {
			return nil, 0, 0, err
		}
		e = v
	}
	if p < 0 {
		p = 0
	}
	if p > len(text) {
		p = len(text)
	}
	if e < 0 {
		e = 0
	}
	if e > len(text) {
		e = len(text)
	}
	return text, p, e, nil
}

func (p *patternObj) newMatch(m *regexp2.Match, str py.Object, text []rune, pos, endpos int) *matchObj {
	mo := &matchObj{pat: p, str: str, text: text, pos: pos, endpos: endpos}
	mo.spans = make([][2]int, p.c.tr.groups+1)
	for g := 0; g <= p.c.tr.groups; g++ {
		grp := m.GroupByNumber(g)
		if grp == nil || len(grp.Captures) == 0 {
			mo.spans[g] = [2]int{-1, -1}
			continue
		}
		mo.spans[g] = [2]int{grp.Index, grp.Index + grp.Length}
	}
	return mo
}

type matchKind int

const (
	kindSearch matchKind = iota
	kindMatch
	kindFull
)

func (p *patternObj) find(kind matchKind, str py.Object, pos, endpos py.Object) (py.Object, error) {
	text, ps, es, err := subject(str, pos, endpos)
	if err != nil {
		return nil, err
	}
	if ps > es {
		return py.None, nil
	}
	rx := p.c.search
	switch kind {
	case kindMatch:
		rx, err = p.c.anchoredRx()
	case kindFull:
		rx, err = p.c.fullRx()
	}
	if err != nil {
		return nil, reErr(err, p.c.src)
	}
	m, err := rx.FindRunesMatchStartingAt(text[:es], ps)
	if err != nil {
		return nil, reErr(err, p.c.src)
	}
	if m == nil {
		return py.None, nil
	}
	return p.newMatch(m, str, text, ps, es), nil
}

// each calls fn for successive non-overlapping matches.
func (p *patternObj) each(str py.Object, pos, endpos py.Object, limit int, fn func(*matchObj) error) error {
	text, ps, es, err := subject(str, pos, endpos)
	if err != nil {
		return err
	}
	if ps > es {
		return nil
	}
	m, err := p.c.search.FindRunesMatchStartingAt(text[:es], ps)
	n := 0
	for err == nil && m != nil {
		if limit > 0 && n >= limit {
			return nil
		}
		n++
		if err := fn(p.newMatch(m, str, text, ps, es)); err != nil {
			return err
		}
		m, err = p.c.search.FindNextMatch(m)
	}
	return reErr(err, p.c.src)
}

func (m *matchObj) sub(a, b int) py.Object {
	if a < 0 {
		return py.None
	}
	return py.String(string(m.text[a:b]))
}

func (m *matchObj) groupIndex(o py.Object) (int, error) {
	if s, ok := o.(py.String); ok {
		if n, ok := m.pat.c.tr.names[string(s)]; ok {
			return n, nil
		}
		return 0, py.ExceptionNewf(py.IndexError, "no such group")
	}
	if isInt(o) {
		n, err := toInt(o)
		if err == nil && n >= 0 && n <= m.pat.c.tr.groups {
			return n, nil
		}
	}
	return 0, py.ExceptionNewf(py.IndexError, "no such group")
}

func (m *matchObj) group(o py.Object) (py.Object, error) {
	g, err := m.groupIndex(o)
	if err != nil {
		return nil, err
	}
	return m.sub(m.spans[g][0], m.spans[g][1]), nil
}

// lastIndex is the group that closed last: the one ending furthest, and of
// those ending at the same place the enclosing one (it closes after its
// children), else the later one.
func (m *matchObj) lastIndex() int {
	best := 0
	for g := 1; g < len(m.spans); g++ {
		if m.spans[g][0] < 0 {
			continue
		}
		switch {
		case best == 0 || m.spans[g][1] > m.spans[best][1]:
			best = g
		case m.spans[g][1] == m.spans[best][1] && !m.isAncestor(best, g):
			best = g
		}
	}
	return best
}

func (m *matchObj) isAncestor(g, of int) bool {
	parent := m.pat.c.tr.parent
	for p := parent[of]; p != 0; p = parent[p] {
		if p == g {
			return true
		}
	}
	return false
}

func (m *matchObj) M__repr__() (py.Object, error) {
	r, err := reprOf(m.pat.ctx, m.sub(m.spans[0][0], m.spans[0][1]))
	if err != nil {
		return nil, err
	}
	return py.String("<re.Match object; span=(" + strconv.Itoa(m.spans[0][0]) + ", " + strconv.Itoa(m.spans[0][1]) + "), match=" + r + ">"), nil
}

func (m *matchObj) M__bool__() (py.Object, error) { return py.True, nil }

func (m *matchObj) M__getitem__(k py.Object) (py.Object, error) { return m.group(k) }

func (m *matchObj) M__getattr__(name string) (py.Object, error) {
	switch name {
	case "string":
		return m.str, nil
	case "re":
		return m.pat, nil
	case "pos":
		return py.Int(m.pos), nil
	case "endpos":
		return py.Int(m.endpos), nil
	case "lastindex":
		if li := m.lastIndex(); li > 0 {
			return py.Int(li), nil
		}
		return py.None, nil
	case "lastgroup":
		li := m.lastIndex()
		for n, g := range m.pat.c.tr.names {
			if g == li && li > 0 {
				return py.String(n), nil
			}
		}
		return py.None, nil
	case "regs":
		out := make(py.Tuple, len(m.spans))
		for i, s := range m.spans {
			out[i] = py.Tuple{py.Int(s[0]), py.Int(s[1])}
		}
		return out, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'re.Match' object has no attribute '%s'", name)
}

// expandTemplate builds a replacement from a Python template: \1, \g<n>,
// \g<name>, and the string escapes Python accepts there.
func expandTemplate(tmpl string, m *matchObj) (string, error) {
	var b strings.Builder
	r := []rune(tmpl)
	for i := 0; i < len(r); i++ {
		if r[i] != '\\' {
			b.WriteRune(r[i])
			continue
		}
		if i+1 >= len(r) {
			return "", &reError{"bad escape (end of pattern)", i}
		}
		c := r[i+1]
		switch {
		case c == 'g':
			if i+2 >= len(r) || r[i+2] != '<' {
				return "", &reError{"missing <", i + 2}
			}
			end := i + 3
			for end < len(r) && r[end] != '>' {
				end++
			}
			if end >= len(r) {
				return "", &reError{"missing >, unterminated name", i + 3}
			}
			name := string(r[i+3 : end])
			var g int
			if n, err := strconv.Atoi(name); err == nil {
				if n < 0 || n > m.pat.c.tr.groups {
					return "", &reError{"invalid group reference " + name, i + 3}
				}
				g = n
			} else if n, ok := m.pat.c.tr.names[name]; ok {
				g = n
			} else if isIdent(name) {
				return "", py.ExceptionNewf(py.IndexError, "unknown group name '%s'", name)
			} else {
				return "", &reError{"bad character in group name '" + name + "'", i + 3}
			}
			if s := m.spans[g]; s[0] >= 0 {
				b.WriteString(string(m.text[s[0]:s[1]]))
			}
			i = end
		case c == '0' || (c >= '1' && c <= '9' && i+3 < len(r)+0 && isOct(c) && i+3 < len(r) && isOct(r[i+2]) && isOct(r[i+3])):
			// Octal escape.
			j := i + 1
			v := 0
			for k := 0; k < 3 && j < len(r) && isOct(r[j]); k++ {
				v = v*8 + int(r[j]-'0')
				j++
			}
			b.WriteRune(rune(v))
			i = j - 1
		case c >= '1' && c <= '9':
			j := i + 2
			num := string(c)
			if j < len(r) && r[j] >= '0' && r[j] <= '9' {
				num += string(r[j])
				j++
			}
			n, _ := strconv.Atoi(num)
			if n > m.pat.c.tr.groups {
				return "", &reError{"invalid group reference " + num, i + 1}
			}
			if s := m.spans[n]; s[0] >= 0 {
				b.WriteString(string(m.text[s[0]:s[1]]))
			}
			i = j - 1
		default:
			esc := map[rune]string{'n': "\n", 't': "\t", 'r': "\r", 'f': "\f", 'v': "\v", 'a': "\a", 'b': "\b", '\\': "\\"}
			if s, ok := esc[c]; ok {
				b.WriteString(s)
			} else if c < 128 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				return "", &reError{`bad escape \` + string(c), i}
			} else {
				b.WriteRune('\\')
				b.WriteRune(c)
			}
			i++
		}
	}
	return b.String(), nil
}

func (p *patternObj) subn(repl, str, countObj py.Object) (py.Object, int, error) {
	count := 0
	if countObj != nil {
		c, err := toInt(countObj)
		if err != nil {
			return nil, 0, err
		}
		count = c
	}
	s, ok := str.(py.String)
	if !ok {
		return nil, 0, py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", str.Type().Name)
	}
	tmpl, isTmpl := repl.(py.String)
	if !isTmpl {
		if _, ok := repl.(py.Bytes); ok {
			return nil, 0, py.ExceptionNewf(py.TypeError, "sequence item 0: expected str instance, bytes found")
		}
	}
	text := []rune(string(s))
	var b strings.Builder
	last, n := 0, 0
	err := p.each(str, nil, nil, count, func(m *matchObj) error {
		b.WriteString(string(text[last:m.spans[0][0]]))
		if isTmpl {
			out, err := expandTemplate(string(tmpl), m)
			if err != nil {
				return reErr(err, string(tmpl))
			}
			b.WriteString(out)
		} else {
			r, err := call(repl, m)
			if err != nil {
				return err
			}
			rs, ok := r.(py.String)
			if !ok {
				return py.ExceptionNewf(py.TypeError, "expected str instance, %s found", r.Type().Name)
			}
			b.WriteString(string(rs))
		}
		last = m.spans[0][1]
		n++
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	b.WriteString(string(text[last:]))
	return py.String(b.String()), n, nil
}

func (p *patternObj) findall(str, pos, endpos py.Object) (py.Object, error) {
	var out []py.Object
	g := p.c.tr.groups
	err := p.each(str, pos, endpos, 0, func(m *matchObj) error {
		str := func(i int) py.Object {
			s := m.spans[i]
			if s[0] < 0 {
				return py.String("")
			}
			return py.String(string(m.text[s[0]:s[1]]))
		}
		switch g {
		case 0:
			out = append(out, str(0))
		case 1:
			out = append(out, str(1))
		default:
			t := make(py.Tuple, g)
			for i := 1; i <= g; i++ {
				t[i-1] = str(i)
			}
			out = append(out, t)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return py.NewListFromItems(out), nil
}

func (p *patternObj) split(str, maxsplit py.Object) (py.Object, error) {
	limit := 0
	if maxsplit != nil {
		n, err := toInt(maxsplit)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return py.NewListFromItems([]py.Object{str}), nil
		}
		limit = n
	}
	s, ok := str.(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "expected string or bytes-like object, got '%s'", str.Type().Name)
	}
	text := []rune(string(s))
	var out []py.Object
	last := 0
	err := p.each(str, nil, nil, limit, func(m *matchObj) error {
		out = append(out, py.String(string(text[last:m.spans[0][0]])))
		for g := 1; g < len(m.spans); g++ {
			out = append(out, m.sub(m.spans[g][0], m.spans[g][1]))
		}
		last = m.spans[0][1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	out = append(out, py.String(string(text[last:])))
	return py.NewListFromItems(out), nil
}

// scanner is the iterator finditer returns.
type scanner struct {
	items []py.Object
	i     int
}

var scannerType = py.NewType("callable_iterator", "")

func (s *scanner) Type() *py.Type                { return scannerType }
func (s *scanner) M__iter__() (py.Object, error) { return s, nil }
func (s *scanner) M__next__() (py.Object, error) {
	if s.i >= len(s.items) {
		return nil, py.StopIteration
	}
	s.i++
	return s.items[s.i-1], nil
}

func (p *patternObj) finditer(str, pos, endpos py.Object) (py.Object, error) {
	sc := &scanner{}
	err := p.each(str, pos, endpos, 0, func(m *matchObj) error {
		sc.items = append(sc.items, m)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sc, nil
}

// patternMethods maps a method name to its implementation on a pattern;
// the module-level functions take the pattern (and flags) first.
var patternMethods = map[string]struct {
	names []string
	req   int
	fn    func(p *patternObj, a []py.Object) (py.Object, error)
}{
	"match": {[]string{"string", "pos", "endpos"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.find(kindMatch, a[0], a[1], a[2])
	}},
	"search": {[]string{"string", "pos", "endpos"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.find(kindSearch, a[0], a[1], a[2])
	}},
	"fullmatch": {[]string{"string", "pos", "endpos"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.find(kindFull, a[0], a[1], a[2])
	}},
	"findall": {[]string{"string", "pos", "endpos"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.findall(a[0], a[1], a[2])
	}},
	"finditer": {[]string{"string", "pos", "endpos"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.finditer(a[0], a[1], a[2])
	}},
	"sub": {[]string{"repl", "string", "count"}, 2, func(p *patternObj, a []py.Object) (py.Object, error) {
		s, _, err := p.subn(a[0], a[1], a[2])
		return s, err
	}},
	"subn": {[]string{"repl", "string", "count"}, 2, func(p *patternObj, a []py.Object) (py.Object, error) {
		s, n, err := p.subn(a[0], a[1], a[2])
		if err != nil {
			return nil, err
		}
		return py.Tuple{s, py.Int(n)}, nil
	}},
	"split": {[]string{"string", "maxsplit"}, 1, func(p *patternObj, a []py.Object) (py.Object, error) {
		return p.split(a[0], a[1])
	}},
}

func init() {
	for name, m := range patternMethods {
		name, m := name, m
		patternType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs(name, args, kwargs, m.names, m.req)
			if err != nil {
				return nil, err
			}
			return m.fn(self.(*patternObj), a)
		}, 0, "")
	}
	matchType.Dict["group"] = py.MustNewMethod("group", func(self py.Object, args py.Tuple) (py.Object, error) {
		m := self.(*matchObj)
		switch len(args) {
		case 0:
			return m.group(py.Int(0))
		case 1:
			return m.group(args[0])
		}
		out := make(py.Tuple, len(args))
		for i, a := range args {
			g, err := m.group(a)
			if err != nil {
				return nil, err
			}
			out[i] = g
		}
		return out, nil
	}, 0, "")
	matchType.Dict["groups"] = py.MustNewMethod("groups", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := parseArgs("groups", args, kwargs, []string{"default"}, 0)
		if err != nil {
			return nil, err
		}
		m := self.(*matchObj)
		out := make(py.Tuple, len(m.spans)-1)
		for g := 1; g < len(m.spans); g++ {
			out[g-1] = m.sub(m.spans[g][0], m.spans[g][1])
			if out[g-1] == py.None && a[0] != nil {
				out[g-1] = a[0]
			}
		}
		return out, nil
	}, 0, "")
	matchType.Dict["groupdict"] = py.MustNewMethod("groupdict", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := parseArgs("groupdict", args, kwargs, []string{"default"}, 0)
		if err != nil {
			return nil, err
		}
		m := self.(*matchObj)
		d, err := newDict(m.pat.ctx)
		if err != nil {
			return nil, err
		}
		for _, n := range m.pat.c.tr.nameOrder {
			g := m.pat.c.tr.names[n]
			v := m.sub(m.spans[g][0], m.spans[g][1])
			if v == py.None && a[0] != nil {
				v = a[0]
			}
			if _, err := py.SetItem(d, py.String(n), v); err != nil {
				return nil, err
			}
		}
		return d, nil
	}, 0, "")
	spanOf := func(self py.Object, args py.Tuple) ([2]int, error) {
		m := self.(*matchObj)
		var g py.Object = py.Int(0)
		if len(args) > 1 {
			return [2]int{}, py.ExceptionNewf(py.TypeError, "expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			g = args[0]
		}
		i, err := m.groupIndex(g)
		if err != nil {
			return [2]int{}, err
		}
		return m.spans[i], nil
	}
	matchType.Dict["start"] = py.MustNewMethod("start", func(self py.Object, args py.Tuple) (py.Object, error) {
		s, err := spanOf(self, args)
		return py.Int(s[0]), err
	}, 0, "")
	matchType.Dict["end"] = py.MustNewMethod("end", func(self py.Object, args py.Tuple) (py.Object, error) {
		s, err := spanOf(self, args)
		return py.Int(s[1]), err
	}, 0, "")
	matchType.Dict["span"] = py.MustNewMethod("span", func(self py.Object, args py.Tuple) (py.Object, error) {
		s, err := spanOf(self, args)
		return py.Tuple{py.Int(s[0]), py.Int(s[1])}, err
	}, 0, "")
	matchType.Dict["expand"] = py.MustNewMethod("expand", func(self, tmpl py.Object) (py.Object, error) {
		t, ok := tmpl.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "expected str instance, %s found", tmpl.Type().Name)
		}
		s, err := expandTemplate(string(t), self.(*matchObj))
		if err != nil {
			return nil, reErr(err, string(t))
		}
		return py.String(s), nil
	}, 0, "")
}

func buildRe(ctx py.Context) ([]*py.Method, py.StringDict, error) {
	compile := func(pat, flags py.Object) (*patternObj, error) {
		if p, ok := pat.(*patternObj); ok {
			if !isNone(flags) {
				if f, _ := toInt(flags); f != 0 {
					return nil, py.ExceptionNewf(py.ValueError, "cannot process flags argument with a compiled pattern")
				}
			}
			return p, nil
		}
		s, ok := pat.(py.String)
		if !ok {
			if _, isB := pat.(py.Bytes); isB {
				return nil, py.ExceptionNewf(py.TypeError, "bytes patterns are not supported by this runtime")
			}
			return nil, py.ExceptionNewf(py.TypeError, "first argument must be string or compiled pattern")
		}
		f := 0
		if !isNone(flags) {
			v, err := toInt(flags)
			if err != nil {
				return nil, err
			}
			f = v
		}
		if f&reASCII != 0 && f&reUnicode != 0 {
			return nil, py.ExceptionNewf(py.ValueError, "ASCII and UNICODE flags are incompatible")
		}
		if f&reASCII == 0 {
			f |= reUnicode
		}
		c, err := reCompile(string(s), f)
		if err != nil {
			return nil, reErr(err, string(s))
		}
		return &patternObj{ctx: ctx, c: c, src: s}, nil
	}
	var ms []*py.Method
	ms = append(ms, py.MustNewMethod("compile", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := parseArgs("compile", args, kwargs, []string{"pattern", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		return compile(a[0], a[1])
	}, 0, ""))
	for name, m := range patternMethods {
		name, m := name, m
		names := append([]string{"pattern"}, m.names...)
		if name == "findall" || name == "finditer" || name == "match" || name == "search" || name == "fullmatch" {
			names = []string{"pattern", "string"}
		}
		names = append(names, "flags")
		ms = append(ms, py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			a, err := parseArgs(name, args, kwargs, names, m.req+1)
			if err != nil {
				return nil, err
			}
			p, err := compile(a[0], a[len(a)-1])
			if err != nil {
				return nil, err
			}
			rest := make([]py.Object, len(m.names))
			copy(rest, a[1:len(a)-1])
			return m.fn(p, rest)
		}, 0, ""))
	}
	ms = append(ms, py.MustNewMethod("escape", func(self, arg py.Object) (py.Object, error) {
		s, ok := arg.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "expected str, got %s", arg.Type().Name)
		}
		var b strings.Builder
		for _, r := range string(s) {
			if strings.ContainsRune("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", r) {
				b.WriteRune('\\')
			}
			b.WriteRune(r)
		}
		return py.String(b.String()), nil
	}, 0, ""))
	ms = append(ms, py.MustNewMethod("purge", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, ""))
	g := py.StringDict{
		"error": reErrorType, "Pattern": patternType, "Match": matchType,
		"I": py.Int(reIgnoreCase), "IGNORECASE": py.Int(reIgnoreCase),
		"M": py.Int(reMultiline), "MULTILINE": py.Int(reMultiline),
		"S": py.Int(reDotAll), "DOTALL": py.Int(reDotAll),
		"X": py.Int(reVerbose), "VERBOSE": py.Int(reVerbose),
		"A": py.Int(reASCII), "ASCII": py.Int(reASCII),
		"U": py.Int(reUnicode), "UNICODE": py.Int(reUnicode),
		"L": py.Int(reLocale), "LOCALE": py.Int(reLocale),
		"T": py.Int(reTemplate), "TEMPLATE": py.Int(reTemplate),
		"DEBUG": py.Int(reDebug), "NOFLAG": py.Int(0),
	}
	return ms, g, nil
}
