package analysis

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stelp-dev/stelp/policy"
)

// SP2xx: reflection, introspection and the classic sandbox escapes.

// escapeDunders are the attributes that walk from any object to classes,
// modules, globals and builtins.
var escapeDunders = map[string]bool{
	"__subclasses__": true, "__globals__": true,
	"__code__": true, "__import__": true, "__closure__": true, "__getattribute__": true, "__loader__": true,
	"__self__": true, "func_globals": true, "func_code": true, "__func__": true, "__reduce_ex__": true,
	// deliberately absent: __class__, __dict__, __name__ and __reduce__ are
	// common in ordinary code; the walks go through the attributes above.
	// The class-hierarchy reads are SP214's.
}

// hierarchyDunders read a class's bases. Ordinary code prints an MRO or
// walks bases to find a mixin; the sandbox lets a class answer them (they
// reach only classes, and `object` is a builtin anyway), so they warn.
var hierarchyDunders = map[string]bool{"__mro__": true, "__bases__": true, "__base__": true}

// frameAttrs reach stack frames, and through them every caller's globals.
var frameAttrs = map[string]bool{
	"gi_frame": true, "gi_code": true, "cr_frame": true, "cr_code": true, "ag_frame": true, "ag_code": true,
	"f_back": true, "f_globals": true, "f_locals": true, "f_builtins": true, "f_code": true,
	"tb_frame": true, "tb_next": true, "__traceback__": true,
}

var ruleDunderWalk = &Rule{
	ID: "SP201", Name: "dunder-escape-attribute", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "Attribute walk through dunders that reach classes, globals or builtins",
	Why: "`().__class__.__base__.__subclasses__()` and `f.__globals__['__builtins__']` are how sandboxed Python " +
		"reaches os and eval without importing anything. Such walks have no place in ordinary code; they are " +
		"flagged as attributes, as constant getattr names and as subscript keys.",
	Bad:   "().__class__.__base__.__subclasses__()",
	Good:  "type(x).__name__",
	hooks: dunderHooks(escapeDunders, "walks toward classes, globals or builtins (sandbox escape); use the object's public API instead (type(x).__name__, isinstance, an explicit dict of allowed callables)"),
}

var ruleHierarchyRead = &Rule{
	ID: "SP214", Name: "class-hierarchy-read", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityWarning,
	Summary: "A class's MRO or bases are read",
	Why: "`C.__mro__` and `C.__bases__` are ordinary introspection, and the sandbox answers them for classes. They " +
		"are also the middle step of the classic escape `().__class__.__mro__[-1].__subclasses__()`, whose last " +
		"step is an error (SP201): worth a reviewer's look, not a block.",
	Bad:   "[k.__name__ for k in type(x).__mro__]",
	Good:  "isinstance(x, Base)",
	hooks: dunderHooks(hierarchyDunders, "reads the class hierarchy; harmless alone, it is also the first step of the `__subclasses__` escape: prefer isinstance/issubclass"),
}

// dunderHooks flags the names of set read as attributes, as constant
// getattr-family names and as subscript keys (a namespace dict's
// `vars(f)["__globals__"]`).
func dunderHooks(set map[string]bool, why string) map[string]func(*pass, *Rule, int32) {
	return map[string]func(*pass, *Rule, int32){
		"attribute": func(p *pass, r *Rule, n int32) {
			a := p.field(n, "attribute")
			if name := normIdent(p.text(a)); set[name] {
				p.report(r, a, "attribute `"+name+"` "+why)
			}
		},
		"subscript": func(p *pass, r *Rule, n int32) {
			if s, ok := p.res.eval(p.field(n, "subscript")).str(); ok && set[normIdent(s)] {
				p.report(r, p.field(n, "subscript"), "key `"+s+"` "+why)
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			switch p.callee(n) {
			case "builtins.getattr", "builtins.hasattr", "builtins.setattr", "builtins.delattr", "object.__getattribute__", "builtins.object.__getattribute__":
				a := p.arg(n, 1, "")
				if s, ok := p.res.eval(a).str(); ok {
					if s = normIdent(s); set[s] {
						p.report(r, a, "getattr name `"+s+"` "+why)
					}
				}
			}
		},
	}
}

var ruleFrames = &Rule{
	ID: "SP202", Name: "frame-introspection", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "Stack frames are inspected",
	Why: "A frame object exposes f_globals, f_locals and f_builtins of its function and, through f_back, of every " +
		"caller, which defeats any restriction placed on names.",
	Bad:  "sys._getframe(1).f_globals['secret']",
	Good: "pass the value as an argument",
	calls: []string{"sys._getframe", "sys._current_frames", "inspect.currentframe", "inspect.stack", "inspect.trace",
		"inspect.getouterframes", "inspect.getinnerframes", "inspect.getframeinfo", "traceback.walk_stack",
		"traceback.extract_stack", "sys.exc_info"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if q == "sys.exc_info" {
			return "", false
		}
		return "`" + q + "` hands out stack frames", true
	},
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			switch p.callee(n) {
			case "builtins.getattr", "builtins.hasattr":
				a := p.arg(n, 1, "")
				if s, ok := p.res.eval(a).str(); ok && frameAttrs[normIdent(s)] {
					p.report(r, a, "getattr name `"+s+"` reaches stack frames")
				}
			}
		},
		"attribute": func(p *pass, r *Rule, n int32) {
			a := p.field(n, "attribute")
			if name := normIdent(p.text(a)); frameAttrs[name] {
				p.report(r, a, "attribute `"+name+"` reaches stack frames and their globals")
			}
		},
	},
}

// formatDunderRe finds a replacement field of a format template that walks
// attributes or keys through dunders: "{0.__class__}" or "{x[__globals__]}".
var formatDunderRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[^{}]*?(\.|\[)\s*_{1,2}[A-Za-z_]*`) })

var ruleFormatDunder = &Rule{
	ID: "SP203", Name: "format-string-dunder", CWE: 134, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "A str.format template walks dunder attributes",
	Why: "Format fields may access attributes and keys: `\"{0.__class__.__init__.__globals__}\".format(x)` reads a " +
		"function's globals without any visible attribute access in code.",
	Bad:  "\"{0.__class__.__mro__}\".format(x)",
	Good: "\"{0}\".format(x)",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			fn := p.unparen(p.field(n, "function"))
			if p.kind(fn) != "attribute" {
				return
			}
			method := normIdent(p.text(p.field(fn, "attribute")))
			var tmpl value
			switch method {
			case "format", "format_map":
				tmpl = p.res.eval(p.field(fn, "object"))
				if tmpl.k == vRef { // string.Formatter().format(template, ...)
					if !strings.HasSuffix(tmpl.s, "Formatter()") {
						return
					}
					tmpl = p.res.eval(p.arg(n, 0, ""))
				}
			case "vformat":
				tmpl = p.res.eval(p.arg(n, 0, ""))
			default:
				return
			}
			if s, ok := tmpl.str(); ok && formatDunderRe().MatchString(s) {
				p.report(r, n, "format template `"+trimTo(formatDunderRe().FindString(s), 40)+"` walks private attributes of its arguments")
			}
		},
	},
}

var ruleDynamicAttr = &Rule{
	ID: "SP204", Name: "computed-attribute-name", CWE: 470, Category: CatSandboxEscape, Severity: policy.SeverityWarning,
	Summary: "getattr/setattr/delattr with a name computed at run time",
	Why: "An attribute name that cannot be read from the code can be `__globals__` or `system`; the checker cannot " +
		"tell. Use a dict of allowed operations instead.",
	Bad:   "getattr(obj, user_choice)()",
	Good:  "ops = {'add': add, 'sub': sub}\nops[user_choice]()",
	calls: []string{"builtins.getattr", "builtins.setattr", "builtins.delattr"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		a := p.arg(call, 1, "")
		if a < 0 {
			return "", false
		}
		if _, ok := p.res.eval(a).str(); ok {
			return "", false
		}
		return "`" + shortName(q) + "` with an attribute name computed at run time", true
	},
}

var ruleConstantGetattr = &Rule{
	ID: "SP212", Name: "getattr-constant-name", CWE: 470, Category: CatSandboxEscape, Severity: policy.SeverityInfo,
	HasFix:  true,
	Summary: "getattr with a constant attribute name",
	Why: "`getattr(obj, 'name')` is `obj.name` written so that a reader, and a checker, has to evaluate a string " +
		"to see which attribute is read. LLM code uses it to dodge attribute checks; plain attribute access says " +
		"the same thing in the open.",
	Bad:  "getattr(user, 'email')",
	Good: "user.email",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			if p.callee(n) != "builtins.getattr" {
				return
			}
			pos, kw := p.callArgs(n)
			if len(pos) != 2 || len(kw) != 0 || p.kind(pos[0]) == "list_splat" || p.kind(pos[1]) != "string" {
				return // a default (3 arguments) makes getattr more than obj.name
			}
			if t := p.text(pos[1]); t == "" || (t[0] != '\'' && t[0] != '"') {
				return // f-strings and prefixed strings are left to the evasion rules
			}
			s, ok := p.res.eval(pos[1]).str()
			if !ok || !isPlainIdentifier(s) || escapeDunders[normIdent(s)] || strings.HasPrefix(s, runtimePrefix) {
				return
			}
			p.report(r, n, "`getattr(..., '"+s+"')` is plain attribute access: write `."+s+"`")
		},
	},
}

// isPlainIdentifier reports whether s is an ASCII Python identifier that
// is not a keyword, so that `obj.s` is valid syntax with the same meaning.
func isPlainIdentifier(s string) bool {
	if s == "" || pythonKeywords[s] {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true, "await": true,
	"break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true, "else": true, "except": true,
	"finally": true, "for": true, "from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true, "return": true, "try": true,
	"while": true, "with": true, "yield": true,
}

var ruleBuiltinsTamper = &Rule{
	ID: "SP205", Name: "module-tampering", CWE: 915, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "Builtins or a module's attributes are replaced",
	Why: "Rebinding `builtins.open`, `__builtins__['print']` or a module's functions changes behaviour for all " +
		"code in the process, including the checker's own guards.",
	Bad:   "builtins.print = spy\nsetattr(math, 'sqrt', evil)",
	Good:  "def my_print(*a):\n    ...",
	calls: []string{"builtins.setattr", "builtins.delattr"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if o := p.res.eval(p.arg(call, 0, "")); o.k == vRef && !strings.HasSuffix(o.s, ")") {
			return "`" + shortName(q) + "` on `" + shortName(o.s) + "` replaces a module or builtin attribute", true
		}
		return "", false
	},
	hooks: map[string]func(*pass, *Rule, int32){
		"assignment":           tamperTarget,
		"augmented_assignment": tamperTarget,
		"delete_statement": func(p *pass, r *Rule, n int32) {
			for _, c := range p.namedChildren(n) {
				tamperCheck(p, r, c)
			}
		},
	},
}

func tamperTarget(p *pass, r *Rule, n int32) {
	l := p.field(n, "left")
	if p.kind(l) == "pattern_list" {
		for _, c := range p.namedChildren(l) {
			tamperCheck(p, r, c)
		}
		return
	}
	tamperCheck(p, r, l)
}

func tamperCheck(p *pass, r *Rule, t int32) {
	var obj int32
	switch p.kind(t) {
	case "attribute":
		obj = p.field(t, "object")
	case "subscript":
		obj = p.field(t, "value")
	default:
		return
	}
	o := p.res.eval(obj)
	if o.k == vRef && !strings.HasSuffix(o.s, ")") && !strings.Contains(o.s, "()") {
		p.report(r, t, "assignment to `"+trimTo(p.text(t), 40)+"` replaces a module or builtin attribute")
	}
}

var ruleNamespaces = &Rule{
	ID: "SP206", Name: "namespace-introspection", CWE: 470, Category: CatSandboxEscape, Severity: policy.SeverityWarning,
	Summary: "globals(), locals() or vars() exposes a namespace as a dict",
	Why: "Namespace dicts let code read and write variables by computed names, including `__builtins__`; " +
		"ordinary code names its variables.",
	Bad:   "globals()[name] = value",
	Good:  "registry[name] = value",
	calls: []string{"builtins.globals", "builtins.locals", "builtins.vars"},
}

var ruleBuiltinsAccess = &Rule{
	ID: "SP207", Name: "builtins-access", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "The builtins namespace is accessed directly",
	Why: "`__builtins__` (or a `['__builtins__']` lookup) reaches eval, exec, open and __import__ by name, " +
		"whatever the program otherwise looks like.",
	Bad:  "__builtins__.__dict__['eval']",
	Good: "len(x)",
	hooks: map[string]func(*pass, *Rule, int32){
		"identifier": func(p *pass, r *Rule, n int32) {
			if normIdent(p.text(n)) != "__builtins__" || p.nodes[n].field == "attribute" {
				return
			}
			if p.res.eval(n).s == "builtins" {
				p.report(r, n, "")
			}
		},
		"attribute": func(p *pass, r *Rule, n int32) {
			a := p.field(n, "attribute")
			if normIdent(p.text(a)) == "__builtins__" {
				p.report(r, a, "attribute `__builtins__` reaches eval, exec and open")
			}
		},
		"string": func(p *pass, r *Rule, n int32) {
			// only as a lookup key: x['__builtins__'], .get('__builtins__'), getattr(x, '__builtins__')
			if !strings.Contains(p.text(n), "builtins") {
				return
			}
			par := p.nodes[n].parent
			if par < 0 {
				return
			}
			switch p.nodes[par].kind {
			case "subscript":
				if p.nodes[n].field != "subscript" {
					return
				}
			case "argument_list":
				// a lookup: getattr(x, '__builtins__'), d.get('__builtins__')
				call := p.nodes[par].parent
				q := p.callee(call)
				fn := p.unparen(p.field(call, "function"))
				method := ""
				if p.kind(fn) == "attribute" {
					method = normIdent(p.text(p.field(fn, "attribute")))
				}
				switch {
				case q == "builtins.getattr" || q == "builtins.hasattr" || q == "builtins.setattr" || q == "builtins.delattr":
				case method == "get" || method == "__getitem__" || method == "pop" || method == "setdefault" || method == "__getattribute__":
				default:
					return
				}
			default:
				return
			}
			if s, ok := p.res.eval(n).str(); ok && normIdent(s) == "__builtins__" {
				p.report(r, n, "lookup of `__builtins__` reaches eval, exec and open")
			}
		},
	},
}

var ruleGC = &Rule{
	ID: "SP208", Name: "gc-object-walk", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "The garbage collector is asked for live objects",
	Why:     "gc.get_objects/get_referrers/get_referents hand out every live object, including modules and frames the program was never given.",
	Bad:     "[o for o in gc.get_objects() if type(o).__name__ == 'module']",
	Good:    "keep references you need explicitly",
	calls:   []string{"gc.get_objects", "gc.get_referrers", "gc.get_referents"},
}

var ruleClassAssign = &Rule{
	ID: "SP209", Name: "class-reassignment", CWE: 843, Category: CatTypeConfusion, Severity: policy.SeverityError,
	Summary: "An object's class or memory is reinterpreted",
	Why: "Assigning `obj.__class__`, calling `object.__setattr__(o, '__class__', T)` or casting with ctypes makes an " +
		"object be treated as another type: type confusion that can crash the interpreter or bypass checks.",
	Bad:   "obj.__class__ = Admin",
	Good:  "obj = Admin(obj.name)",
	calls: []string{"ctypes.cast", "ctypes.pointer", "ctypes.memmove", "ctypes.memset", "ctypes.string_at", "ctypes.addressof", "ctypes.POINTER"},
	hooks: map[string]func(*pass, *Rule, int32){
		"assignment": func(p *pass, r *Rule, n int32) {
			l := p.field(n, "left")
			if p.kind(l) == "attribute" && normIdent(p.text(p.field(l, "attribute"))) == "__class__" {
				p.report(r, l, "assigning `__class__` reinterprets an object as another type")
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			q := p.callee(n)
			// setattr(o, '__class__', T) and object.__setattr__(o, '__class__', T)
			// name the attribute second; o.__setattr__('__class__', T) first
			var a int32 = -1
			switch {
			case q == "builtins.setattr" || q == "builtins.object.__setattr__":
				a = p.arg(n, 1, "")
			case strings.HasSuffix(q, ".__setattr__"):
				a = p.arg(n, 0, "")
			default:
				fn := p.unparen(p.field(n, "function"))
				if p.kind(fn) == "attribute" && normIdent(p.text(p.field(fn, "attribute"))) == "__setattr__" {
					a = p.arg(n, 0, "")
				}
			}
			if a >= 0 {
				if s, ok := p.res.eval(a).str(); ok && normIdent(s) == "__class__" {
					p.report(r, n, "setting `__class__` reinterprets an object as another type")
				}
			}
		},
	},
}

var ruleTypeConfusion = &Rule{
	ID: "SP210", Name: "str-number-operation", CWE: 843, Category: CatTypeConfusion, Severity: policy.SeverityError,
	Summary: "An operator mixes a string with a number in a way that always raises",
	Why: "`n - str(k)`, `'0' + 1` and `x / 'a'` raise TypeError on every run: the code confuses text with numbers. " +
		"Convert explicitly with int() or str(). An operation in a try block whose handler catches that error is " +
		"deliberate and not reported.",
	Bad:  "total = count - str(k)",
	Good: "total = count - int(k)",
	hooks: map[string]func(*pass, *Rule, int32){
		"binary_operator": func(p *pass, r *Rule, n int32) {
			op := p.text(p.field(n, "operator"))
			l, rt := p.staticType(p.field(n, "left")), p.staticType(p.field(n, "right"))
			bad := false
			switch op {
			case "-", "/", "//", "**", "&", "|", "^", "<<", ">>", "@":
				// str, list and dict support none of these (dict | dict merges)
				// str, list and dict define none of these; only an exotic
				// __rsub__ on the other side could save it (dict | dict merges)
				bad = l == "str" || rt == "str" || l == "list" || rt == "list" || l == "dict" || rt == "dict" || l == "None" || rt == "None"
				bad = bad && !(op == "|" && (l == "dict" || rt == "dict"))
			case "+":
				bad = l != "" && rt != "" && (l != rt || l == "dict" || l == "None")
			case "*":
				bad = l == "str" && rt == "str"
			}
			if bad && !p.handledBy(n, "TypeError") {
				p.report(r, n, "`"+trimTo(p.text(n), 40)+"` mixes "+l+" and "+rt+" with `"+op+"`: always a TypeError")
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			q := p.callee(n)
			switch q {
			case "builtins.len", "builtins.iter", "builtins.sorted", "builtins.list", "builtins.sum":
				a := p.arg(n, 0, "")
				if (p.staticType(a) == "num" || p.staticType(a) == "None") && !p.handledBy(n, "TypeError") {
					p.report(r, n, "`"+trimTo(p.text(n), 40)+"` applies "+shortName(q)+"() to a "+p.staticType(a)+": always a TypeError")
				}
			case "builtins.int", "builtins.float":
				a := p.arg(n, 0, "")
				// Only ASCII text is judged: int() and float() also accept the
				// decimal digits of every script ("٣٤").
				if s, ok := p.res.eval(a).str(); ok && p.kind(p.unparen(a)) == "string" && IsASCII(s) {
					if _, _, ok := parseNumber(strings.TrimSpace(s)); !ok || strings.TrimSpace(s) == "" {
						if pos, _ := p.callArgs(n); len(pos) == 1 && !p.handledBy(n, "ValueError") {
							p.report(r, n, "`"+trimTo(p.text(n), 40)+"` converts text that is not a number: always a ValueError")
						}
					}
				}
			}
		},
		"comparison_operator": func(p *pass, r *Rule, n int32) {
			cs := p.namedChildren(n)
			if len(cs) != 2 {
				return
			}
			op := p.opText(n)
			eq := op == "==" || op == "!="
			if !eq && op != "<" && op != ">" && op != "<=" && op != ">=" {
				return
			}
			// Types are inferred only when they can matter: the left
			// side first.
			l := p.staticType(cs[0])
			if l != "str" && l != "num" {
				return
			}
			rt := p.staticType(cs[1])
			if !(l == "str" && rt == "num") && !(l == "num" && rt == "str") {
				return
			}
			if eq {
				p.report(r, n, "`"+trimTo(p.text(n), 40)+"` compares a number with a string: always "+map[string]string{"==": "False", "!=": "True"}[op])
				return
			}
			if !p.handledBy(n, "TypeError") {
				p.report(r, n, "`"+trimTo(p.text(n), 40)+"` orders a string against a number: always a TypeError")
			}
		},
	},
}

var ruleUnboundAugmented = &Rule{
	ID: "SP213", Name: "unbound-local-update", CWE: 457, Category: CatCorrectness, Severity: policy.SeverityError,
	Summary: "`x += ...` in a function where nothing else binds x: always an UnboundLocalError",
	Why: "An augmented assignment makes its name local to the function, so it reads the local variable, which " +
		"nothing in the function ever set: the statement raises UnboundLocalError every time it runs. The usual " +
		"cause is a counter of the enclosing function or module updated from a nested function without " +
		"`nonlocal` (or `global`).",
	Bad:  "def count(items):\n    total = 0\n    def add(x):\n        total += x\n    for x in items:\n        add(x)\n    return total",
	Good: "def count(items):\n    total = 0\n    def add(x):\n        nonlocal total\n        total += x\n    for x in items:\n        add(x)\n    return total",
	hooks: map[string]func(*pass, *Rule, int32){
		"augmented_assignment": func(p *pass, r *Rule, n int32) {
			target := p.field(n, "left")
			fn := p.enclosingFunc(n)
			if target < 0 || p.kind(target) != "identifier" || fn < 0 {
				return
			}
			binds := p.res.bindsAt(target)
			if len(binds) == 0 {
				return // declared global: the binding lives at module level
			}
			for _, b := range binds {
				site := p.nodes[b.at].parent
				if site < 0 || p.kind(site) != "augmented_assignment" || p.field(site, "left") != b.at {
					return // bound some other way too (assignment, parameter, loop, import ...)
				}
			}
			name := normIdent(p.text(target))
			if p.declaresNonlocal(fn, name) {
				return
			}
			p.report(r, n, "`"+trimTo(p.text(n), 40)+"`: nothing in this function binds `"+name+"` before, so this raises UnboundLocalError; declare `nonlocal "+name+"` (or `global`), or set it first")
		},
	},
}

// declaresNonlocal reports a `nonlocal name` of function fn itself.
func (p *pass) declaresNonlocal(fn int32, name string) bool {
	for i := fn; i < p.nodes[fn].stop; i++ {
		if p.nodes[i].kind != "nonlocal_statement" || p.res.scopeOf[i] != fn {
			continue
		}
		for _, c := range p.namedChildren(i) {
			if normIdent(p.text(c)) == name {
				return true
			}
		}
	}
	return false
}

// handledBy reports whether n runs in the body of a try statement (in the
// same scope) with a handler for exc: an operation that always raises is
// then a deliberate, handled error, not confusion. Handlers and else or
// finally blocks do not count.
func (p *pass) handledBy(n int32, exc string) bool {
	child := n
	for c := p.nodes[n].parent; c >= 0; child, c = c, p.nodes[c].parent {
		switch p.nodes[c].kind {
		case "function_definition", "class_definition", "lambda":
			return false
		case "try_statement":
			if p.nodes[child].field != "body" {
				continue
			}
			for k := p.nodes[c].first; k >= 0; k = p.nodes[k].next {
				if p.kind(k) == "except_clause" && p.catches(k, exc) {
					return true
				}
			}
		}
	}
	return false
}

// catches reports whether an except clause catches the builtin exception
// exc: by its name, Exception, BaseException, or a bare except.
func (p *pass) catches(clause int32, exc string) bool {
	var caught int32 = -1
	for _, c := range p.namedChildren(clause) {
		switch p.kind(c) {
		case "block", "comment":
			continue
		case "as_pattern":
			caught = p.firstNamed(c)
		default:
			caught = c
		}
		break
	}
	if caught < 0 {
		return true // bare except
	}
	names := []int32{caught}
	if p.kind(p.unparen(caught)) == "tuple" {
		names = p.namedChildren(p.unparen(caught))
	}
	for _, e := range names {
		name := p.text(e)
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		switch normIdent(name) {
		case exc, "Exception", "BaseException":
			return true
		}
	}
	return false
}

// nameType infers the type of a local name from all its bindings: every
// assignment and augmented assignment must give the same certain type.
func (p *pass) nameType(id int32, depth int) string {
	if depth > 3 {
		return ""
	}
	bs := p.res.bindsAt(id)
	if len(bs) == 0 {
		return ""
	}
	t := ""
	for _, b := range bs {
		if b.kind != bAssign && !(b.kind == bOpaque && b.rhs > 0) {
			return "" // parameters, loop variables, imports: unknown
		}
		var bt string
		if rhs := p.unparen(b.rhs); p.kind(rhs) == "identifier" {
			bt = p.nameType(rhs, depth+1)
		} else {
			bt = p.staticType(rhs)
		}
		if bt == "" || (t != "" && bt != t) {
			return ""
		}
		t = bt
	}
	if t != "str" && t != "num" {
		return ""
	}
	return t
}

// staticType is "str" or "num" when an expression's type is certain from
// its form alone, else "".
func (p *pass) staticType(n int32) string {
	n = p.unparen(n)
	switch p.kind(n) {
	case "identifier":
		key := makeScopeName(p.res.scopeOf[n], p.res.nameAt(n))
		if t, ok := p.res.types[key]; ok {
			return t
		}
		t := ""
		switch p.res.eval(n).k {
		case vStr:
			t = "str"
		case vNum:
			t = "num"
		default:
			t = p.nameType(n, 0)
		}
		p.res.types[key] = t
		return t
	case "list", "list_comprehension":
		return "list"
	case "dictionary", "dictionary_comprehension":
		return "dict"
	case "none":
		return "None"
	case "string", "concatenated_string":
		if p.kind(n) == "string" {
			if st := p.childOfKind(n, "string_start"); st >= 0 {
				if pr, _ := stringPrefix(p.text(st)); strings.Contains(pr, "b") {
					return ""
				}
			}
		}
		return "str"
	case "integer", "float":
		return "num"
	case "call":
		switch p.callee(n) {
		case "builtins.str", "builtins.repr", "builtins.chr", "builtins.hex", "builtins.bin", "builtins.oct", "builtins.ascii":
			return "str"
		case "builtins.len", "builtins.int", "builtins.float", "builtins.ord", "builtins.abs", "builtins.round":
			if p.callee(n) == "builtins.abs" || p.callee(n) == "builtins.round" {
				return ""
			}
			return "num"
		}
		fn := p.unparen(p.field(n, "function"))
		if p.kind(fn) == "attribute" && p.staticType(p.field(fn, "object")) == "str" {
			switch normIdent(p.text(p.field(fn, "attribute"))) {
			case "join", "upper", "lower", "strip", "replace", "format":
				return "str"
			}
		}
	}
	return ""
}

func trimTo(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut-- // do not split a character
		}
		return s[:cut] + "..."
	}
	return s
}

// runtimePrefix marks the names stelp's transpiler and runtime use for
// budgets, traces and lowering (__stelp_tick__, __stelp_walrus__, ...).
const runtimePrefix = "__stelp"

var ruleRuntimeName = &Rule{
	ID: "SP211", Name: "reserved-runtime-name", CWE: 693, Category: CatSandboxEscape, Severity: policy.SeverityError,
	Summary: "A name reserved for stelp's runtime is used",
	Why: "Names starting with `__stelp` are the hooks that the transpiler inserts for step budgets, traces and " +
		"lowered syntax. Program code that calls or rebinds them could skip a budget tick, forge a trace or " +
		"rewrite a closure cell, so such names are refused outright.",
	Bad:  "__stelp_tick__ = lambda *a: None",
	Good: "pick any other name",
	hooks: map[string]func(*pass, *Rule, int32){
		"identifier": func(p *pass, r *Rule, n int32) {
			if name := normIdent(p.text(n)); strings.HasPrefix(name, runtimePrefix) {
				p.report(r, n, "`"+name+"` is reserved for stelp's runtime hooks")
			}
		},
		"call": func(p *pass, r *Rule, n int32) {
			switch p.callee(n) {
			case "builtins.getattr", "builtins.hasattr", "builtins.setattr", "builtins.delattr":
				a := p.arg(n, 1, "")
				if s, ok := p.res.eval(a).str(); ok && strings.HasPrefix(normIdent(s), runtimePrefix) {
					p.report(r, a, "getattr name `"+s+"` is reserved for stelp's runtime hooks")
				}
			}
		},
		"subscript": func(p *pass, r *Rule, n int32) {
			if s, ok := p.res.eval(p.field(n, "subscript")).str(); ok && strings.HasPrefix(normIdent(s), runtimePrefix) {
				p.report(r, p.field(n, "subscript"), "key `"+s+"` is reserved for stelp's runtime hooks")
			}
		},
	},
}

func reflectionFamily() family {
	return family{rules: []*Rule{ruleDunderWalk, ruleHierarchyRead, ruleFrames, ruleFormatDunder, ruleDynamicAttr, ruleBuiltinsTamper,
		ruleNamespaces, ruleBuiltinsAccess, ruleGC, ruleClassAssign, ruleTypeConfusion, ruleRuntimeName, ruleConstantGetattr, ruleUnboundAugmented}}
}
