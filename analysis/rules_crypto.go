package analysis

import (
	"regexp"
	"strings"
	"sync"

	"github.com/stelp-dev/stelp/policy"
)

// SP9xx: weak crypto and randomness, secrets, injection.

var ruleWeakHash = &Rule{
	ID: "SP901", Name: "weak-hash", CWE: 328, Category: CatCrypto, Severity: policy.SeverityWarning, Bandit: "B324",
	HasFix:  true,
	Summary: "MD5 or SHA-1 is used",
	Why: "MD5 and SHA-1 are broken for security (collisions are cheap). Fine as checksums of trusted data " +
		"(pass usedforsecurity=False to say so); use SHA-256 or a password hash for anything security-related.",
	Bad:  "digest = hashlib.md5(password.encode()).hexdigest()",
	Good: "digest = hashlib.sha256(data).hexdigest()",
	calls: []string{"hashlib.md5", "hashlib.sha1", "hashlib.new", "Crypto.Hash.MD5.new", "Crypto.Hash.SHA.new",
		"Crypto.Hash.SHA1.new", "Cryptodome.Hash.MD5.new", "cryptography.hazmat.primitives.hashes.MD5",
		"cryptography.hazmat.primitives.hashes.SHA1", "hashlib.md4"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if q == "hashlib.new" {
			s, ok := p.res.eval(p.arg(call, 0, "name")).str()
			s = strings.ToLower(s)
			if !ok || (s != "md5" && s != "sha1" && s != "md4" && s != "sha-1") {
				return "", false
			}
		}
		if v := p.res.eval(p.arg(call, -1, "usedforsecurity")); (v.k == vBool || v.k == vNum) && v.n == 0 {
			return "", false
		}
		return "`" + q + "` is a broken hash for security purposes", true
	},
}

// secretWords mark names that hold security-relevant values.
var secretNameRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|_)(password|passwd|pwd|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|auth_?key|salt|nonce|otp|session_?id|csrf|credential|credentials)s?($|_)`)
})

var ruleInsecureRandom = &Rule{
	ID: "SP902", Name: "insecure-random", CWE: 338, Category: CatCrypto, Severity: policy.SeverityWarning, Bandit: "B311",
	HasFix:  true,
	Summary: "The random module makes a security value (token, password, key)",
	Why:     "random is predictable: its state can be recovered from outputs. Use secrets for tokens, passwords and keys.",
	Bad:     "token = ''.join(random.choice(alphabet) for _ in range(16))",
	Good:    "token = secrets.token_urlsafe(16)",
	calls: []string{"random.random", "random.randint", "random.randrange", "random.choice", "random.choices",
		"random.sample", "random.getrandbits", "random.shuffle", "random.uniform", "random.randbytes"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if name := p.securityContext(call); name != "" {
			return "`" + q + "` makes `" + name + "`: random is predictable, use secrets", true
		}
		return "", false
	},
}

// securityContext returns the secret-looking name a value flows into: an
// assignment target, a keyword argument or the enclosing function.
func (p *pass) securityContext(n int32) string {
	for c := p.nodes[n].parent; c >= 0; c = p.nodes[c].parent {
		switch p.nodes[c].kind {
		case "assignment", "augmented_assignment":
			l := p.field(c, "left")
			t := p.text(l)
			if p.kind(l) == "attribute" {
				t = p.text(p.field(l, "attribute"))
			}
			if secretNameRe().MatchString(t) {
				return t
			}
			return ""
		case "keyword_argument":
			if t := p.text(p.field(c, "name")); secretNameRe().MatchString(t) {
				return t
			}
		case "return_statement":
			if f := p.enclosingFunc(c); f >= 0 {
				if t := p.text(p.field(f, "name")); secretNameRe().MatchString(strings.TrimPrefix(strings.TrimPrefix(t, "generate_"), "make_")) || strings.Contains(strings.ToLower(t), "password") || strings.Contains(strings.ToLower(t), "token") {
					return t
				}
			}
			return ""
		case "function_definition", "class_definition", "block":
			return ""
		}
	}
	return ""
}

var ruleTimeSeed = &Rule{
	ID: "SP903", Name: "time-seeded-random", CWE: 337, Category: CatCrypto, Severity: policy.SeverityWarning,
	Summary: "A random generator is seeded with the time",
	Why:     "The current time is guessable to the second, so every value drawn from the generator is too.",
	Bad:     "random.seed(time.time())",
	Good:    "rng = secrets.SystemRandom()",
	calls:   []string{"random.seed", "random.Random", "numpy.random.seed"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		a := p.arg(call, 0, "a")
		if a < 0 {
			return "", false
		}
		for i := a; i < p.nodes[a].stop; i++ {
			if p.nodes[i].kind == "call" {
				switch c := p.callee(i); c {
				case "time.time", "time.time_ns", "time.monotonic", "time.perf_counter", "time.clock",
					"datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today", "os.getpid":
					return "`" + q + "` seeded from `" + c + "`, which is guessable", true
				}
			}
		}
		return "", false
	},
}

var ruleEnviron = &Rule{
	ID: "SP904", Name: "environment-access", CWE: 526, Category: CatSecrets, Severity: policy.SeverityError,
	Summary: "Environment variables are read or changed",
	Why:     "The environment holds credentials (API keys, tokens) of the process running the code; generated code has no reason to read it.",
	Bad:     "key = os.environ['AWS_SECRET_ACCESS_KEY']",
	Good:    "take configuration as an argument",
	refs:    []string{"os.environ", "os.environb"},
	calls:   []string{"os.getenv", "os.getenvb", "os.putenv", "os.unsetenv"},
	callMsg: func(q string) string { return "`" + q + "` reads or changes the environment" },
}

var ruleHardcodedSecret = &Rule{
	ID: "SP905", Name: "hardcoded-credential", CWE: 798, Category: CatSecrets, Severity: policy.SeverityWarning, Bandit: "B105",
	Summary: "A credential is written into the code",
	Why:     "Passwords, tokens and keys in source end up in repositories, logs and model prompts.",
	Bad:     "password = 'hunter2'",
	Good:    "password = get_secret('db')",
	hooks: map[string]func(*pass, *Rule, int32){
		"assignment": func(p *pass, r *Rule, n int32) {
			l := p.field(n, "left")
			t := p.text(l)
			if p.kind(l) == "attribute" {
				t = p.text(p.field(l, "attribute"))
			} else if p.kind(l) != "identifier" {
				return
			}
			checkSecretValue(p, r, t, p.field(n, "right"))
		},
		"keyword_argument": func(p *pass, r *Rule, n int32) {
			checkSecretValue(p, r, p.text(p.field(n, "name")), p.field(n, "value"))
		},
		"default_parameter": func(p *pass, r *Rule, n int32) {
			checkSecretValue(p, r, p.text(p.field(n, "name")), p.field(n, "value"))
		},
		"typed_default_parameter": func(p *pass, r *Rule, n int32) {
			checkSecretValue(p, r, p.text(p.field(n, "name")), p.field(n, "value"))
		},
	},
}

func checkSecretValue(p *pass, r *Rule, name string, val int32) {
	if val < 0 {
		return
	}
	k := p.kind(p.unparen(val))
	if k != "string" && k != "concatenated_string" || !secretNameRe().MatchString(name) {
		return
	}
	s, ok := p.res.eval(val).str()
	if !ok || len(s) < 4 || strings.ContainsAny(s, " \n{}") {
		return
	}
	p.report(r, val, "`"+name+"` is set to a literal credential")
}

var ruleSQLInjection = &Rule{
	ID: "SP906", Name: "sql-injection", CWE: 89, Category: CatInjection, Severity: policy.SeverityError, Bandit: "B608",
	Summary: "An SQL statement is built from strings and executed",
	Why:     "Formatting values into SQL (f-strings, .format, % or +) lets quotes in the values rewrite the query. Pass values as parameters.",
	Bad:     "cur.execute(f\"SELECT * FROM users WHERE name = '{name}'\")",
	Good:    "cur.execute('SELECT * FROM users WHERE name = ?', (name,))",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			fn := p.unparen(p.field(n, "function"))
			if p.kind(fn) != "attribute" {
				return
			}
			switch normIdent(p.text(p.field(fn, "attribute"))) {
			case "execute", "executemany", "executescript", "raw", "read_sql", "read_sql_query", "mogrify":
			default:
				return
			}
			a := p.arg(n, 0, "")
			if a < 0 {
				return
			}
			if how := p.builtString(a, 0); how != "" {
				p.report(r, n, "SQL built with "+how+" and executed: pass values as query parameters")
			}
		},
	},
}

var sqlWordRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(select|insert|update|delete|drop|create|alter|replace|union|where|from|into|values|set|exec)\b`)
})

// builtString says how a string argument was assembled from non-constant
// parts ("an f-string", ".format", "%", "+"), or "" if it was not. Names
// are followed to the expression that built them.
func (p *pass) builtString(a int32, depth int) string {
	a = p.unparen(a)
	if a < 0 || depth > 4 {
		return ""
	}
	if p.res.eval(a).k == vStr {
		return "" // a constant is not injectable
	}
	switch p.kind(a) {
	case "string":
		if p.childOfKind(a, "interpolation") >= 0 && sqlWordRe().MatchString(p.text(a)) {
			return "an f-string"
		}
	case "binary_operator":
		op := p.text(p.field(a, "operator"))
		if (op == "+" || op == "%") && sqlWordRe().MatchString(p.text(a)) {
			return "`" + op + "`"
		}
	case "call":
		fn := p.unparen(p.field(a, "function"))
		if p.kind(fn) == "attribute" && normIdent(p.text(p.field(fn, "attribute"))) == "format" && sqlWordRe().MatchString(p.text(a)) {
			return "str.format"
		}
	case "identifier":
		bs := p.res.bindsAt(a)
		for _, b := range bs {
			if b.kind == bAssign {
				if h := p.builtString(b.rhs, depth+1); h != "" {
					return h
				}
			}
		}
	}
	return ""
}

var ruleWeakCipher = &Rule{
	ID: "SP907", Name: "weak-cipher", CWE: 327, Category: CatCrypto, Severity: policy.SeverityWarning, Bandit: "B304",
	Summary: "A broken cipher or ECB mode is used",
	Why:     "DES, 3DES, RC4, Blowfish and ECB mode do not protect data any more; use AES-GCM or ChaCha20-Poly1305.",
	Bad:     "cipher = DES.new(key, DES.MODE_ECB)",
	Good:    "cipher = AES.new(key, AES.MODE_GCM)",
	calls: []string{"Crypto.Cipher.DES.new", "Crypto.Cipher.DES3.new", "Crypto.Cipher.ARC4.new", "Crypto.Cipher.ARC2.new",
		"Crypto.Cipher.Blowfish.new", "Crypto.Cipher.XOR.new", "Cryptodome.Cipher.DES.new", "Cryptodome.Cipher.ARC4.new",
		"cryptography.hazmat.primitives.ciphers.algorithms.ARC4", "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
		"cryptography.hazmat.primitives.ciphers.algorithms.Blowfish", "cryptography.hazmat.primitives.ciphers.modes.ECB"},
	refs: []string{"Crypto.Cipher.AES.MODE_ECB", "Cryptodome.Cipher.AES.MODE_ECB"},
}

func cryptoFamily() family {
	return family{rules: []*Rule{ruleWeakHash, ruleInsecureRandom, ruleTimeSeed, ruleEnviron, ruleHardcodedSecret, ruleSQLInjection, ruleWeakCipher}}
}
