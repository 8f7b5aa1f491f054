package analysis

import (
	"encoding/base64"
	"encoding/hex"
	"math"
	"strings"
)

// vkind is the abstract kind of a folded expression value.
type vkind uint8

const (
	vUnknown vkind = iota
	vStr
	vBytes
	vNum
	vBool
	vNone
	vSeq // list or tuple of known length
	vRef // a module, function or object reached by a qualified name
	vUser
)

// value is what constant folding and name resolution know about an
// expression.
type value struct {
	k     vkind
	s     string  // vStr / vBytes contents; vRef qualified name
	n     float64 // vNum (approximate for huge values; may be +Inf)
	exact bool    // vNum is an integer
	elems []value // vSeq
	node  int32   // vUser: definition node
	taint int32   // node+1 of the input()/parameter the value comes from
}

func unknown() value { return value{} }

func strVal(s string) value { return value{k: vStr, s: s} }

func numVal(n float64, exact bool) value { return value{k: vNum, n: n, exact: exact} }

func ref(q string) value { return value{k: vRef, s: canonical(q)} }

func (v value) isRef() bool { return v.k == vRef }

func (v value) str() (string, bool) { return v.s, v.k == vStr }

func (v value) int() (int64, bool) {
	if v.k == vNum && v.exact && math.Abs(v.n) < 1<<53 {
		return int64(v.n), true
	}
	if v.k == vBool {
		return int64(v.n), true
	}
	return 0, false
}

// canonical maps implementation modules to their public names, so rules
// list one name per thing.
func canonical(q string) string {
	for _, pr := range [...][2]string{
		{"posix.", "os."}, {"nt.", "os."}, {"_posixsubprocess.", "subprocess."},
		{"cPickle.", "pickle."}, {"_pickle.", "pickle."}, {"__builtin__.", "builtins."},
		{"_io.", "io."}, {"importlib.__import__", "builtins.__import__"},
		{"io.open", "builtins.open"}, {"_thread.", "_thread."},
	} {
		if strings.HasPrefix(q, pr[0]) {
			return pr[1] + q[len(pr[0]):]
		}
	}
	switch q {
	case "posix", "nt":
		return "os"
	case "cPickle", "_pickle":
		return "pickle"
	case "__builtin__":
		return "builtins"
	}
	return q
}

// bindKind says how a name got its value.
type bindKind uint8

const (
	bAssign bindKind = iota // value is the expression rhs
	bImport                 // value is ref(qname)
	bDef                    // a def or class
	bParam                  // a parameter (caller-controlled)
	bOpaque                 // loop variable, except target, augmented ...
)

type binding struct {
	kind  bindKind
	rhs   int32
	qname string
	at    int32 // the binding site
}

// scopeName is a name in a scope: the scope node in the high half, the
// interned name (resolver.intern) in the low half. Integer keys keep the
// resolver's many map lookups off string hashing.
type scopeName uint64

func makeScopeName(scope, name int32) scopeName {
	return scopeName(uint64(uint32(scope))<<32 | uint64(uint32(name)))
}

func (k scopeName) nameID() int32 { return int32(uint32(k)) }

// intern returns the id of a (normalised) name.
func (r *resolver) intern(name string) int32 {
	if id, ok := r.names[name]; ok {
		return id
	}
	id := int32(len(r.nameStr))
	r.names[name] = id
	r.nameStr = append(r.nameStr, name)
	return id
}

// key is name in scope.
func (r *resolver) key(scope int32, name string) scopeName {
	return makeScopeName(scope, r.intern(name))
}

// nameAt is the interned, normalised text of node n (an identifier),
// computed once per node.
func (r *resolver) nameAt(n int32) int32 {
	if id := r.nameIDs[n]; id > 0 {
		return id - 1
	}
	id := r.intern(normIdent(r.p.text(n)))
	r.nameIDs[n] = id + 1
	return id
}

// bindsOf returns the bindings of name in exactly scope s.
func (r *resolver) bindsOf(s int32, name string) []binding {
	id, ok := r.names[name]
	if !ok {
		return nil // a name never interned was never bound
	}
	return r.binds[makeScopeName(s, id)]
}

// bindsAt returns the bindings, in its own scope, of identifier n.
func (r *resolver) bindsAt(n int32) []binding {
	return r.binds[makeScopeName(r.scopeOf[n], r.nameAt(n))]
}

// resolver knows every name binding of the document, by scope, and folds
// expressions to values. Python's scoping is followed where it matters for
// evasion: function, lambda and class scopes, global declarations, and
// class bodies not being visible from nested functions. Bindings are
// flow-insensitive: a name bound to eval anywhere in its scope is eval.
type resolver struct {
	p        *pass
	scopeOf  []int32 // enclosing scope node of each node (0 = module)
	binds    map[scopeName][]binding
	globals  map[scopeName]bool
	stars    []string // modules imported with *
	memo     map[scopeName]value
	active   map[int32]bool // rhs nodes being evaluated (cycle guard)
	depth    int
	userDefs map[string]bool // names defined by def/class anywhere
	// aliasNames are names bound by an import, or assigned a name,
	// attribute, subscript or call (they may stand for another object).
	aliasNames map[string]bool
	types      map[scopeName]string // staticType of names, memoised
	memoIdx    []int32              // per node: 1 + index into memoVals
	memoVals   []value
	names      map[string]int32 // interned names (see scopeName)
	nameStr    []string         // the names by id
	nameIDs    []int32          // per node: 1 + nameAt(n), 0 = not yet
}

func newResolver(p *pass) *resolver {
	sc := p.scratch
	r := &resolver{p: p, binds: sc.binds, globals: sc.globals, memo: sc.memo, types: sc.types,
		active: map[int32]bool{}, userDefs: map[string]bool{}, aliasNames: map[string]bool{}}
	r.memoIdx = sc.ints(&sc.memoIdx, len(p.nodes))
	r.nameIDs = sc.ints(&sc.nameIDs, len(p.nodes))
	r.names = sc.names
	r.nameStr = sc.nameStr[:0]
	r.scopeOf = sc.ints(&sc.scopeOf, len(p.nodes))
	r.memoVals = sc.memoVals[:0]
	r.computeScopes()
	r.collect()
	return r
}

func (r *resolver) computeScopes() {
	nodes := r.p.nodes
	for i := 1; i < len(nodes); i++ {
		par := nodes[i].parent
		if par < 0 {
			continue
		}
		pk := nodes[par].kind
		f := nodes[i].field
		if isScope(pk) && f != "name" && f != "superclasses" && f != "decorator" {
			r.scopeOf[i] = par
		} else {
			r.scopeOf[i] = r.scopeOf[par]
		}
	}
}

func (r *resolver) bind(at int32, name string, b binding) {
	name = normIdent(name)
	id := r.intern(name)
	s := r.scopeOf[at]
	if r.globals[makeScopeName(s, id)] {
		s = 0
	}
	b.at = at
	if b.kind == bImport {
		r.aliasNames[name] = true
	} else if b.kind == bAssign && b.rhs >= 0 {
		switch r.p.kind(r.p.unparen(b.rhs)) {
		case "identifier", "attribute", "subscript", "call", "conditional_expression", "boolean_operator":
			r.aliasNames[name] = true
		}
	}
	k := makeScopeName(s, id)
	r.binds[k] = append(r.binds[k], b)
}

// collect finds every binding site in one linear pass.
func (r *resolver) collect() {
	p := r.p
	nodes := p.nodes
	// global/nonlocal first: they change where later bindings go.
	for i := range nodes {
		if k := nodes[i].kind; k == "global_statement" {
			for _, c := range p.namedChildren(int32(i)) {
				r.globals[r.key(r.scopeOf[i], normIdent(p.text(c)))] = true
			}
		}
	}
	for i := range nodes {
		n := int32(i)
		switch nodes[i].kind {
		case "assignment":
			left, right := p.field(n, "left"), p.field(n, "right")
			if right < 0 {
				continue
			}
			r.bindTarget(left, right)
		case "augmented_assignment":
			if l := p.field(n, "left"); p.kind(l) == "identifier" {
				// opaque for folding, but the rhs still tells the type
				r.bind(l, p.text(l), binding{kind: bOpaque, rhs: p.field(n, "right")})
			} else {
				r.bindOpaque(l)
			}
		case "named_expression":
			if nm := p.field(n, "name"); nm >= 0 {
				r.bind(nm, p.text(nm), binding{kind: bAssign, rhs: p.field(n, "value")})
			}
		case "for_statement", "for_in_clause":
			r.bindOpaque(p.field(n, "left"))
		case "with_item":
			v := p.field(n, "value")
			if v >= 0 && nodes[v].kind == "as_pattern" {
				alias := p.field(v, "alias")
				if alias >= 0 {
					r.bindTarget(p.firstNamed(alias), p.firstNamed(v))
				}
			}
		case "except_clause", "except_group_clause":
			for c := nodes[i].first; c >= 0; c = nodes[c].next {
				if nodes[c].kind == "as_pattern" {
					r.bindOpaque(p.field(c, "alias"))
				}
			}
		case "function_definition", "class_definition":
			if nm := p.field(n, "name"); nm >= 0 {
				name := normIdent(p.text(nm))
				r.bind(nm, name, binding{kind: bDef, rhs: n})
				r.userDefs[name] = true
			}
		case "parameters", "lambda_parameters":
			fn := nodes[i].parent
			for _, c := range p.namedChildren(n) {
				id := c
				switch nodes[c].kind {
				case "typed_parameter", "list_splat_pattern", "dictionary_splat_pattern":
					id = p.firstNamed(c)
					if id >= 0 && nodes[id].kind != "identifier" {
						id = p.firstNamed(id)
					}
				case "default_parameter", "typed_default_parameter":
					id = p.field(c, "name")
				}
				if id >= 0 && nodes[id].kind == "identifier" {
					// parameters live in the function's scope
					k := makeScopeName(fn, r.nameAt(id))
					r.binds[k] = append(r.binds[k], binding{kind: bParam, at: id})
				}
			}
		case "import_statement":
			for _, c := range p.namedChildren(n) {
				switch nodes[c].kind {
				case "dotted_name":
					full := p.dotted(c)
					top := full
					if j := strings.IndexByte(full, '.'); j >= 0 {
						top = full[:j]
					}
					r.bind(c, top, binding{kind: bImport, qname: top})
				case "aliased_import":
					full := p.dotted(p.field(c, "name"))
					if a := p.field(c, "alias"); a >= 0 {
						r.bind(a, p.text(a), binding{kind: bImport, qname: full})
					}
				}
			}
		case "import_from_statement":
			mod := p.field(n, "module_name")
			if mod < 0 || nodes[mod].kind != "dotted_name" {
				continue // relative imports name the project's own code
			}
			m := p.dotted(mod)
			for c := nodes[i].first; c >= 0; c = nodes[c].next {
				if c == mod {
					continue
				}
				switch nodes[c].kind {
				case "dotted_name":
					name := p.dotted(c)
					r.bind(c, name, binding{kind: bImport, qname: m + "." + name})
				case "aliased_import":
					name := p.dotted(p.field(c, "name"))
					if a := p.field(c, "alias"); a >= 0 {
						r.bind(a, p.text(a), binding{kind: bImport, qname: m + "." + name})
					}
				case "wildcard_import":
					r.stars = append(r.stars, canonical(m))
				}
			}
		}
	}
}

// dotted returns a dotted_name's text with each part normalised.
func (p *pass) dotted(n int32) string {
	if n < 0 {
		return ""
	}
	if p.nodes[n].kind != "dotted_name" {
		return normIdent(p.text(n))
	}
	var parts []string
	for _, c := range p.namedChildren(n) {
		parts = append(parts, normIdent(p.text(c)))
	}
	return strings.Join(parts, ".")
}

// bindTarget binds the names in an assignment target to rhs.
func (r *resolver) bindTarget(left, right int32) {
	p := r.p
	if left < 0 {
		return
	}
	switch p.nodes[left].kind {
	case "identifier":
		r.bind(left, p.text(left), binding{kind: bAssign, rhs: right})
	case "pattern_list", "tuple_pattern", "list_pattern":
		ls := p.namedChildren(left)
		rr := p.unparen(right)
		if rr >= 0 {
			switch p.nodes[rr].kind {
			case "expression_list", "tuple", "list":
				rs := p.namedChildren(rr)
				if len(rs) == len(ls) {
					for i := range ls {
						r.bindTarget(ls[i], rs[i])
					}
					return
				}
			}
		}
		r.bindOpaque(left)
	default:
		// attribute and subscript targets bind no name
	}
}

func (r *resolver) bindOpaque(n int32) {
	p := r.p
	if n < 0 {
		return
	}
	switch p.nodes[n].kind {
	case "identifier":
		r.bind(n, p.text(n), binding{kind: bOpaque})
	case "pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "parenthesized_expression", "tuple", "list", "expression_list":
		for _, c := range p.namedChildren(n) {
			r.bindOpaque(c)
		}
	}
}

// lookup resolves a name used in scope.
func (r *resolver) lookup(scope int32, name string) value {
	return r.lookupID(scope, r.intern(name))
}

// lookupID is lookup of a name already interned as id.
func (r *resolver) lookupID(scope, id int32) value {
	key := makeScopeName(scope, id)
	if v, ok := r.memo[key]; ok {
		return v
	}
	v := r.lookupUncached(scope, id)
	r.memo[key] = v
	return v
}

func (r *resolver) lookupUncached(scope, id int32) value {
	p := r.p
	name := r.nameStr[id]
	s := scope
	first := true
	for {
		if r.globals[makeScopeName(s, id)] {
			s = 0
		}
		isClass := s > 0 && p.nodes[s].kind == "class_definition"
		if !isClass || first {
			if bs := r.binds[makeScopeName(s, id)]; len(bs) > 0 {
				return r.evalBindings(bs)
			}
		}
		if s == 0 {
			break
		}
		s = r.scopeOf[s]
		first = false
	}
	for _, m := range r.stars {
		if q := m + "." + name; r.p.e.known(q) {
			return ref(q)
		}
	}
	if name == "__builtins__" {
		return ref("builtins")
	}
	if builtinNames[name] {
		return ref("builtins." + name)
	}
	return unknown()
}

// evalBindings merges the values a name may have. A dangerous reference
// wins: `f = len` on one path and `f = eval` on another makes f eval.
func (r *resolver) evalBindings(bs []binding) value {
	var out value
	var taint int32
	for i, b := range bs {
		var v value
		switch b.kind {
		case bImport:
			v = ref(b.qname)
		case bDef:
			v = value{k: vUser, node: b.rhs}
		case bParam:
			v = value{taint: b.at + 1}
		case bOpaque:
			v = unknown()
		case bAssign:
			if r.active[b.rhs] {
				v = unknown()
			} else {
				r.active[b.rhs] = true
				v = r.eval(b.rhs)
				delete(r.active, b.rhs)
			}
		}
		if v.taint != 0 && taint == 0 {
			taint = v.taint
		}
		if v.k == vRef {
			if out.k != vRef || r.p.e.known(v.s) && !r.p.e.known(out.s) {
				out = v
			}
			continue
		}
		if i == 0 {
			out = v
		} else if out.k != vRef && !sameConst(out, v) {
			out = unknown()
		}
	}
	if out.taint == 0 {
		out.taint = taint
	}
	return out
}

func sameConst(a, b value) bool {
	if a.k != b.k {
		return false
	}
	switch a.k {
	case vStr, vBytes:
		return a.s == b.s
	case vNum, vBool:
		return a.n == b.n
	case vNone:
		return true
	}
	return false
}

// eval folds expression n.
func (r *resolver) eval(n int32) value {
	if n < 0 {
		return unknown()
	}
	r.depth++
	defer func() { r.depth-- }()
	if r.depth > 48 {
		return unknown()
	}
	p := r.p
	nd := &p.nodes[n]
	switch nd.kind {
	case "attribute", "call", "subscript", "identifier":
		// several rules resolve the same node: remember it (results cut
		// short by the cycle guard are not kept)
		if i := r.memoIdx[n]; i > 0 {
			return r.memoVals[i-1]
		}
		v := r.evalNode(n)
		if len(r.active) == 0 {
			r.memoVals = append(r.memoVals, v)
			r.memoIdx[n] = int32(len(r.memoVals))
		}
		return v
	}
	return r.evalNode(n)
}

func (r *resolver) evalNode(n int32) value {
	p := r.p
	nd := &p.nodes[n]
	switch nd.kind {
	case "identifier":
		return r.lookupID(r.scopeOf[n], r.nameAt(n))
	case "true":
		return value{k: vBool, n: 1}
	case "false":
		return value{k: vBool, n: 0}
	case "none":
		return value{k: vNone}
	case "integer", "float":
		v, exact, ok := parseNumber(p.text(n))
		if !ok {
			return unknown()
		}
		return numVal(v, exact)
	case "string":
		return r.evalString(n)
	case "concatenated_string":
		var b strings.Builder
		k := vStr
		for _, c := range p.namedChildren(n) {
			v := r.eval(c)
			if v.k != vStr && v.k != vBytes {
				return unknown()
			}
			k = v.k
			b.WriteString(v.s)
		}
		return value{k: k, s: b.String()}
	case "parenthesized_expression":
		return r.eval(p.firstNamed(n))
	case "assignment":
		return r.eval(p.field(n, "right"))
	case "named_expression":
		return r.eval(p.field(n, "value"))
	case "binary_operator":
		return r.binary(n)
	case "unary_operator":
		v := r.eval(p.field(n, "argument"))
		if v.k == vNum || v.k == vBool {
			switch p.text(p.field(n, "operator")) {
			case "-":
				return numVal(-v.n, v.exact || v.k == vBool)
			case "+":
				return numVal(v.n, v.exact || v.k == vBool)
			}
		}
		return unknown()
	case "list", "tuple", "expression_list":
		var elems []value
		for _, c := range p.namedChildren(n) {
			if p.nodes[c].kind == "list_splat" {
				return unknown()
			}
			elems = append(elems, r.eval(c))
		}
		return value{k: vSeq, elems: elems}
	case "attribute":
		obj := r.eval(p.field(n, "object"))
		attr := normIdent(p.text(p.field(n, "attribute")))
		if obj.k == vRef {
			return ref(obj.s + "." + attr)
		}
		if obj.k == vUser && p.kind(obj.node) == "class_definition" {
			// class attribute: `class A: run = eval` then A.run
			if bs := r.bindsOf(obj.node, attr); len(bs) > 0 {
				return r.evalBindings(bs)
			}
		}
		return unknown()
	case "subscript":
		if v, ok := r.dictLookup(p.field(n, "value"), p.field(n, "subscript")); ok {
			return v
		}
		return r.subscript(r.eval(p.field(n, "value")), p.field(n, "subscript"))
	case "call":
		return r.call(n)
	case "conditional_expression":
		// a dangerous reference on either branch is dangerous
		vs := p.namedChildren(n)
		if len(vs) == 3 {
			a, b := r.eval(vs[0]), r.eval(vs[2])
			if a.k == vRef {
				return a
			}
			if b.k == vRef {
				return b
			}
			if sameConst(a, b) {
				return a
			}
		}
		return unknown()
	case "boolean_operator":
		// `x or eval` may be eval
		a, b := r.eval(p.field(n, "left")), r.eval(p.field(n, "right"))
		if a.k == vRef {
			return a
		}
		if b.k == vRef {
			return b
		}
		return unknown()
	}
	return unknown()
}

// evalString decodes a string literal; f-strings fold when every
// interpolation does.
func (r *resolver) evalString(n int32) value {
	p := r.p
	var b strings.Builder
	prefix := ""
	k := vStr
	for c := p.nodes[n].first; c >= 0; c = p.nodes[c].next {
		switch p.nodes[c].kind {
		case "string_start":
			prefix, _ = stringPrefix(p.text(c))
			if strings.Contains(prefix, "b") {
				k = vBytes
			}
		case "string_content":
			raw := p.text(c)
			if !strings.Contains(prefix, "r") {
				s, ok := unescape(raw, k == vBytes)
				if !ok {
					return unknown()
				}
				raw = s
			}
			if strings.Contains(prefix, "f") {
				raw = strings.ReplaceAll(strings.ReplaceAll(raw, "{{", "{"), "}}", "}")
			}
			b.WriteString(raw)
		case "interpolation":
			if p.field(c, "format_specifier") >= 0 || p.field(c, "type_conversion") >= 0 {
				return unknown()
			}
			v := r.eval(p.field(c, "expression"))
			s, ok := v.display()
			if !ok {
				return unknown()
			}
			b.WriteString(s)
		case "escape_interpolation":
			b.WriteString(p.text(c)[:1])
		}
	}
	return value{k: k, s: b.String()}
}

// display is str(v) for constants.
func (v value) display() (string, bool) {
	switch v.k {
	case vStr:
		return v.s, true
	case vNum:
		if v.exact && math.Abs(v.n) < 1e15 {
			return formatInt(int64(v.n)), true
		}
		return "", false
	case vBool:
		if v.n != 0 {
			return "True", true
		}
		return "False", true
	case vNone:
		return "None", true
	}
	return "", false
}

func formatInt(i int64) string {
	neg := i < 0
	if neg {
		i = -i
	}
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			break
		}
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

func (r *resolver) binary(n int32) value {
	p := r.p
	op := p.text(p.field(n, "operator"))
	a, b := r.eval(p.field(n, "left")), r.eval(p.field(n, "right"))
	taint := a.taint
	if taint == 0 {
		taint = b.taint
	}
	if a.k == vBool {
		a = numVal(a.n, true)
	}
	if b.k == vBool {
		b = numVal(b.n, true)
	}
	switch {
	case a.k == vNum && b.k == vNum:
		return foldArith(op, a, b)
	case (a.k == vStr || a.k == vBytes) && a.k == b.k && op == "+":
		return value{k: a.k, s: a.s + b.s}
	case (a.k == vStr || a.k == vBytes) && b.k == vNum && op == "*":
		return repeatStr(a, b)
	case a.k == vNum && (b.k == vStr || b.k == vBytes) && op == "*":
		return repeatStr(b, a)
	case a.k == vStr && op == "%":
		if s, ok := percentFormat(a.s, b); ok {
			return strVal(s)
		}
	}
	return value{taint: taint}
}

func repeatStr(s, n value) value {
	c, ok := n.int()
	if !ok || c < 0 || int64(len(s.s))*c > 1<<16 {
		return unknown() // huge repetitions are the resource rules' business
	}
	return value{k: s.k, s: strings.Repeat(s.s, int(c))}
}

// percentFormat folds "%s%s" % ("ev", "al").
func percentFormat(f string, arg value) (string, bool) {
	args := []value{arg}
	if arg.k == vSeq {
		args = arg.elems
	}
	var b strings.Builder
	ai := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		if i+1 >= len(f) {
			return "", false
		}
		i++
		switch f[i] {
		case '%':
			b.WriteByte('%')
		case 's', 'd', 'r':
			if ai >= len(args) {
				return "", false
			}
			s, ok := args[ai].display()
			if !ok {
				return "", false
			}
			b.WriteString(s)
			ai++
		case 'c':
			if ai >= len(args) {
				return "", false
			}
			c, ok := args[ai].int()
			if !ok {
				return "", false
			}
			b.WriteRune(rune(c))
			ai++
		default:
			return "", false
		}
	}
	return b.String(), ai == len(args)
}

func foldArith(op string, a, b value) value {
	exact := a.exact && b.exact
	var v float64
	switch op {
	case "+":
		v = a.n + b.n
	case "-":
		v = a.n - b.n
	case "*":
		v = a.n * b.n
	case "/":
		if b.n == 0 {
			return unknown()
		}
		v, exact = a.n/b.n, false
	case "//":
		if b.n == 0 {
			return unknown()
		}
		v = math.Floor(a.n / b.n)
	case "%":
		if b.n == 0 {
			return unknown()
		}
		v = math.Mod(a.n, b.n)
		if v != 0 && (v < 0) != (b.n < 0) {
			v += b.n
		}
	case "**":
		if b.n < 0 {
			exact = false
		}
		v = math.Pow(a.n, b.n)
	case "<<":
		v = a.n * math.Pow(2, b.n)
	case ">>":
		v = math.Floor(a.n / math.Pow(2, b.n))
	default:
		return unknown()
	}
	if math.IsNaN(v) {
		return unknown()
	}
	return numVal(v, exact)
}

// subscript folds v[sub].
// dictLookup folds d[k] where d is a dict display (or a name bound once to
// one) and k a constant key: `{'f': eval}['f']`.
func (r *resolver) dictLookup(obj, key int32) (value, bool) {
	p := r.p
	obj = p.unparen(obj)
	if p.kind(obj) == "identifier" {
		bs := r.bindsAt(obj)
		if len(bs) != 1 || bs[0].kind != bAssign {
			return value{}, false
		}
		obj = p.unparen(bs[0].rhs)
	}
	if p.kind(obj) != "dictionary" || p.kind(key) == "slice" {
		return value{}, false
	}
	k := r.eval(key)
	if k.k != vStr && k.k != vNum {
		return value{}, false
	}
	for _, pair := range p.namedChildren(obj) {
		if p.kind(pair) != "pair" {
			continue
		}
		if pk := r.eval(p.field(pair, "key")); sameConst(pk, k) {
			return r.eval(p.field(pair, "value")), true
		}
	}
	return value{}, false
}

func (r *resolver) subscript(v value, sub int32) value {
	p := r.p
	if sub < 0 {
		return unknown()
	}
	if p.nodes[sub].kind == "slice" {
		if v.k != vStr && v.k != vSeq {
			return unknown()
		}
		return r.slice(v, sub)
	}
	key := r.eval(sub)
	switch v.k {
	case vStr, vBytes:
		i, ok := key.int()
		rs := []rune(v.s)
		if v.k == vBytes {
			return unknown()
		}
		if !ok {
			return unknown()
		}
		if i < 0 {
			i += int64(len(rs))
		}
		if i < 0 || i >= int64(len(rs)) {
			return unknown()
		}
		return strVal(string(rs[i]))
	case vSeq:
		i, ok := key.int()
		if !ok {
			return unknown()
		}
		if i < 0 {
			i += int64(len(v.elems))
		}
		if i < 0 || i >= int64(len(v.elems)) {
			return unknown()
		}
		return v.elems[i]
	case vRef:
		k, ok := key.str()
		if !ok {
			return unknown()
		}
		return r.namespaceGet(v.s, k)
	}
	return unknown()
}

// namespaceGet resolves ns[k] for namespaces that reach modules and
// builtins: globals(), __builtins__ (a dict outside __main__), X.__dict__,
// vars(X), sys.modules.
func (r *resolver) namespaceGet(ns, k string) value {
	k = normIdent(k)
	switch {
	case ns == "builtins.globals()" || ns == "builtins.locals()" || ns == "builtins.vars()" ||
		ns == "builtins.globals().__dict__" || ns == "builtins.locals().__dict__":
		return r.lookup(0, k)
	case ns == "builtins":
		return ref("builtins." + k)
	case strings.HasSuffix(ns, ".__dict__"):
		return ref(strings.TrimSuffix(ns, ".__dict__") + "." + k)
	case ns == "sys.modules":
		return ref(k)
	}
	return unknown()
}

func (r *resolver) slice(v value, sub int32) value {
	p := r.p
	parts := [3]int64{}
	has := [3]bool{}
	idx := 0
	for c := p.nodes[sub].first; c >= 0; c = p.nodes[c].next {
		if p.nodes[c].kind == ":" {
			idx++
			if idx > 2 {
				return unknown()
			}
			continue
		}
		if !p.nodes[c].named {
			continue
		}
		x, ok := r.eval(c).int()
		if !ok {
			return unknown()
		}
		parts[idx], has[idx] = x, true
	}
	var items []value
	if v.k == vStr {
		for _, ch := range []rune(v.s) {
			items = append(items, strVal(string(ch)))
		}
	} else {
		items = v.elems
	}
	n := int64(len(items))
	step := int64(1)
	if has[2] {
		step = parts[2]
	}
	if step == 0 {
		return unknown()
	}
	norm := func(i int64, def int64, lo, hi int64) int64 {
		if i < 0 {
			i += n
		}
		if i < lo {
			i = lo
		}
		if i > hi {
			i = hi
		}
		return i
	}
	var start, stop int64
	if step > 0 {
		start, stop = 0, n
		if has[0] {
			start = norm(parts[0], 0, 0, n)
		}
		if has[1] {
			stop = norm(parts[1], n, 0, n)
		}
	} else {
		start, stop = n-1, -1
		if has[0] {
			start = norm(parts[0], n-1, -1, n-1)
		}
		if has[1] {
			stop = norm(parts[1], -1, -1, n-1)
		}
	}
	var out []value
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		out = append(out, items[i])
	}
	if v.k == vStr {
		var b strings.Builder
		for _, o := range out {
			b.WriteString(o.s)
		}
		return strVal(b.String())
	}
	return value{k: vSeq, elems: out}
}

// call folds calls that build strings or reach objects by name.
func (r *resolver) call(n int32) value {
	p := r.p
	fn := p.unparen(p.field(n, "function"))
	if fn < 0 {
		return unknown()
	}
	pos, _ := p.callArgs(n)
	argv := func(i int) value {
		if i < len(pos) {
			return r.eval(pos[i])
		}
		return unknown()
	}
	if p.nodes[fn].kind == "attribute" {
		recvNode := p.field(fn, "object")
		method := normIdent(p.text(p.field(fn, "attribute")))
		recv := r.eval(recvNode)
		if recv.k == vStr || recv.k == vBytes {
			return strMethod(recv, method, pos, argv)
		}
		if recv.k == vRef && (method == "get" || method == "__getitem__") {
			if k, ok := argv(0).str(); ok {
				return r.namespaceGet(recv.s, k)
			}
		}
		if recv.k == vRef && method == "__getattribute__" {
			if k, ok := argv(0).str(); ok {
				return ref(recv.s + "." + normIdent(k))
			}
		}
	}
	f := r.eval(fn)
	if f.k != vRef {
		return unknown()
	}
	switch f.s {
	case "builtins.getattr":
		obj := argv(0)
		if name, ok := argv(1).str(); ok && obj.k == vRef {
			return ref(obj.s + "." + normIdent(name))
		}
		return unknown()
	case "builtins.__import__", "importlib.import_module":
		if name, ok := argv(0).str(); ok {
			if f.s == "builtins.__import__" && len(pos) < 4 {
				// __import__('os.path') returns the top package
				if j := strings.IndexByte(name, '.'); j >= 0 {
					name = name[:j]
				}
			}
			return ref(name)
		}
		return unknown()
	case "builtins.globals", "builtins.locals":
		return ref(f.s + "()")
	case "builtins.vars":
		if len(pos) == 0 {
			return ref("builtins.vars()")
		}
		if o := argv(0); o.k == vRef {
			return ref(o.s + ".__dict__")
		}
		return unknown()
	case "builtins.input":
		return value{taint: n + 1}
	case "builtins.chr":
		if c, ok := argv(0).int(); ok && c >= 0 && c <= 0x10FFFF {
			return strVal(string(rune(c)))
		}
		return unknown()
	case "builtins.ord":
		if s, ok := argv(0).str(); ok && len([]rune(s)) == 1 {
			return numVal(float64([]rune(s)[0]), true)
		}
		return unknown()
	case "builtins.str":
		if len(pos) == 0 {
			return strVal("")
		}
		v := argv(0)
		if v.k == vBytes && len(pos) >= 2 {
			return strVal(v.s)
		}
		if s, ok := v.display(); ok {
			return strVal(s)
		}
		return value{taint: v.taint}
	case "builtins.int":
		v := argv(0)
		switch v.k {
		case vNum:
			return numVal(math.Trunc(v.n), true)
		case vStr:
			if x, exact, ok := parseNumber(strings.TrimSpace(v.s)); ok && exact {
				return numVal(x, true)
			}
		}
		return unknown()
	case "builtins.float":
		if v := argv(0); v.k == vNum {
			return numVal(v.n, false)
		}
		if s, ok := argv(0).str(); ok {
			if x, _, ok := parseNumber(strings.TrimSpace(s)); ok {
				return numVal(x, false)
			}
		}
		return unknown()
	case "builtins.pow":
		a, b := argv(0), argv(1)
		if a.k == vNum && b.k == vNum && len(pos) == 2 {
			return foldArith("**", a, b)
		}
		return unknown()
	case "builtins.len":
		v := argv(0)
		switch v.k {
		case vStr:
			return numVal(float64(len([]rune(v.s))), true)
		case vSeq:
			return numVal(float64(len(v.elems)), true)
		}
		return unknown()
	case "builtins.map":
		// map(chr, [101, 118, 97, 108]) and map(str, ...)
		if fv, seq := argv(0), argv(1); fv.k == vRef && seq.k == vSeq && len(pos) == 2 {
			out := make([]value, 0, len(seq.elems))
			for _, e := range seq.elems {
				switch fv.s {
				case "builtins.chr":
					c, ok := e.int()
					if !ok || c < 0 || c > 0x10FFFF {
						return unknown()
					}
					out = append(out, strVal(string(rune(c))))
				case "builtins.str":
					s, ok := e.display()
					if !ok {
						return unknown()
					}
					out = append(out, strVal(s))
				default:
					return unknown()
				}
			}
			return value{k: vSeq, elems: out}
		}
		return unknown()
	case "builtins.reversed":
		v := argv(0)
		if v.k == vStr {
			rs := []rune(v.s)
			out := make([]value, len(rs))
			for i, c := range rs {
				out[len(rs)-1-i] = strVal(string(c))
			}
			return value{k: vSeq, elems: out}
		}
		if v.k == vSeq {
			out := make([]value, len(v.elems))
			for i, c := range v.elems {
				out[len(v.elems)-1-i] = c
			}
			return value{k: vSeq, elems: out}
		}
		return unknown()
	case "builtins.list", "builtins.tuple":
		v := argv(0)
		if v.k == vSeq {
			return v
		}
		if v.k == vStr {
			var out []value
			for _, c := range v.s {
				out = append(out, strVal(string(c)))
			}
			return value{k: vSeq, elems: out}
		}
		return unknown()
	case "builtins.bytes", "builtins.bytearray":
		v := argv(0)
		if v.k == vSeq {
			b := make([]byte, 0, len(v.elems))
			for _, e := range v.elems {
				c, ok := e.int()
				if !ok || c < 0 || c > 255 {
					return unknown()
				}
				b = append(b, byte(c))
			}
			return value{k: vBytes, s: string(b)}
		}
		if v.k == vStr && len(pos) >= 2 {
			return value{k: vBytes, s: v.s}
		}
		return ref(f.s + "()")
	case "builtins.bytes.fromhex":
		if s, ok := argv(0).str(); ok {
			if b, err := hex.DecodeString(strings.ReplaceAll(s, " ", "")); err == nil {
				return value{k: vBytes, s: string(b)}
			}
		}
		return unknown()
	case "base64.b64decode", "base64.standard_b64decode", "base64.urlsafe_b64decode", "base64.b32decode", "base64.b16decode", "binascii.unhexlify", "binascii.a2b_base64":
		v := argv(0)
		if v.k != vStr && v.k != vBytes {
			return unknown()
		}
		var out []byte
		var err error
		switch f.s {
		case "base64.b64decode", "base64.standard_b64decode", "binascii.a2b_base64":
			out, err = base64.StdEncoding.DecodeString(v.s)
		case "base64.urlsafe_b64decode":
			out, err = base64.URLEncoding.DecodeString(v.s)
		case "base64.b32decode":
			out, err = base64.StdEncoding.DecodeString("") // unsupported: keep unknown
			return unknown()
		default:
			out, err = hex.DecodeString(v.s)
		}
		if err != nil {
			return unknown()
		}
		return value{k: vBytes, s: string(out)}
	case "codecs.decode":
		if s, ok := argv(0).str(); ok {
			if enc, ok := argv(1).str(); ok && strings.ReplaceAll(strings.ToLower(enc), "_", "") == "rot13" {
				return strVal(rot13(s))
			}
		}
		return unknown()
	}
	// A call of an unknown function result: the object it returns is
	// named after the call so that `threading.Lock().acquire` resolves.
	return ref(f.s + "()")
}

func rot13(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c >= 'a' && c <= 'z':
			return 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			return 'A' + (c-'A'+13)%26
		}
		return c
	}, s)
}

// strMethod folds methods of string constants.
func strMethod(recv value, method string, pos []int32, argv func(int) value) value {
	s := recv.s
	switch method {
	case "join":
		v := argv(0)
		if v.k != vSeq {
			return unknown()
		}
		parts := make([]string, 0, len(v.elems))
		for _, e := range v.elems {
			if e.k != recv.k {
				return unknown()
			}
			parts = append(parts, e.s)
		}
		return value{k: recv.k, s: strings.Join(parts, s)}
	case "lower", "casefold":
		return value{k: recv.k, s: strings.ToLower(s)}
	case "upper":
		return value{k: recv.k, s: strings.ToUpper(s)}
	case "strip", "lstrip", "rstrip":
		cut := " \t\n\r\v\f"
		if len(pos) > 0 {
			c, ok := argv(0).str()
			if !ok {
				return unknown()
			}
			cut = c
		}
		switch method {
		case "strip":
			s = strings.Trim(s, cut)
		case "lstrip":
			s = strings.TrimLeft(s, cut)
		default:
			s = strings.TrimRight(s, cut)
		}
		return value{k: recv.k, s: s}
	case "replace":
		a, ok1 := argv(0).str()
		b, ok2 := argv(1).str()
		if !ok1 || !ok2 {
			return unknown()
		}
		return value{k: recv.k, s: strings.ReplaceAll(s, a, b)}
	case "decode", "encode":
		k := vStr
		if method == "encode" {
			k = vBytes
		}
		return value{k: k, s: s}
	case "format":
		var args []value
		for i := range pos {
			args = append(args, argv(i))
		}
		if out, ok := formatConst(s, args); ok {
			return strVal(out)
		}
		return unknown()
	case "swapcase":
		return strVal(strings.Map(func(c rune) rune {
			if c >= 'a' && c <= 'z' {
				return c - 32
			}
			if c >= 'A' && c <= 'Z' {
				return c + 32
			}
			return c
		}, s))
	case "title", "capitalize":
		return unknown()
	}
	return unknown()
}

// formatConst folds "{}{}".format("ev", "al") for plain positional fields.
func formatConst(f string, args []value) (string, bool) {
	var b strings.Builder
	auto := 0
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c == '{' {
			if i+1 < len(f) && f[i+1] == '{' {
				b.WriteByte('{')
				i++
				continue
			}
			j := strings.IndexByte(f[i:], '}')
			if j < 0 {
				return "", false
			}
			field := f[i+1 : i+j]
			idx := auto
			if field == "" {
				auto++
			} else {
				x, exact, ok := parseNumber(field)
				if !ok || !exact {
					return "", false
				}
				idx = int(x)
			}
			if idx >= len(args) {
				return "", false
			}
			s, ok := args[idx].display()
			if !ok {
				return "", false
			}
			b.WriteString(s)
			i += j
			continue
		}
		if c == '}' && i+1 < len(f) && f[i+1] == '}' {
			i++
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// builtinNames are the names Python resolves in the builtins module.
var builtinNames = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Fields(`abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr
		classmethod compile complex copyright credits delattr dict dir divmod enumerate eval exec exit filter float
		format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len license
		list locals map max memoryview min next object oct open ord pow print property quit range repr reversed
		round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __build_class__
		__loader__ __spec__ __debug__`) {
		m[n] = true
	}
	return m
}()
