package fix

import (
	"regexp"
	"strings"
	"sync"

	"github.com/stelp-dev/stelp/analysis"
)

// fixWeakHash: hashlib.md5/sha1 (or hashlib.new('md5')) become sha256.
// Unsafe: every digest changes, so stored hashes no longer match.
func fixWeakHash(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || cp.kw["usedforsecurity"] != nil {
		return nil
	}
	const title = "Use SHA-256 (digests change)"
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return nil
	}
	switch name := d.calleeName(call); name {
	case "hashlib.md5", "hashlib.sha1":
		return &analysis.Fix{Title: title, Applicability: analysis.FixUnsafe,
			Edits: []analysis.TextEdit{d.replace(fn.ChildByFieldName("attribute"), "sha256")}}
	case "md5", "sha1":
		edits := []analysis.TextEdit{d.replace(fn, "hashlib.sha256")}
		if e, ok := d.importEdit("hashlib"); ok {
			edits = append(edits, e)
		}
		return &analysis.Fix{Title: title, Applicability: analysis.FixUnsafe, Edits: edits}
	case "hashlib.new":
		if len(cp.pos) == 0 {
			return nil
		}
		s, ok := d.constString(cp.pos[0])
		if !ok {
			return nil
		}
		switch strings.ToLower(s) {
		case "md5", "sha1", "sha-1":
			return &analysis.Fix{Title: title, Applicability: analysis.FixUnsafe,
				Edits: []analysis.TextEdit{d.replace(cp.pos[0], "'sha256'")}}
		}
	}
	return nil
}

// secretsFor maps random's functions to their secrets equivalents.
// SystemRandom draws from os.urandom and has every method of random.
var secretsFor = map[string]string{
	"choice":      "secrets.choice",
	"getrandbits": "secrets.randbits",
	"randbytes":   "secrets.token_bytes",
	"random":      "secrets.SystemRandom().random",
	"randint":     "secrets.SystemRandom().randint",
	"randrange":   "secrets.SystemRandom().randrange",
	"choices":     "secrets.SystemRandom().choices",
	"sample":      "secrets.SystemRandom().sample",
	"shuffle":     "secrets.SystemRandom().shuffle",
	"uniform":     "secrets.SystemRandom().uniform",
}

var randomQualRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`random\\.([a-z_]+)`") })

// fixInsecureRandom: random.X making a token becomes the secrets (or
// SystemRandom) equivalent. Safe: the values have the same distribution;
// unsafe when the program seeds random, since seeded runs repeat and these
// do not.
func fixInsecureRandom(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	if call == nil {
		return nil
	}
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return nil
	}
	name := d.calleeName(call)
	if name == "" {
		return nil
	}
	base := name[strings.LastIndexByte(name, '.')+1:]
	if m := randomQualRe().FindStringSubmatch(f.Message); m != nil {
		base = m[1] // the checker resolved aliases (`from random import choice as pick`)
	}
	repl, ok := secretsFor[base]
	if !ok {
		return nil
	}
	app := analysis.FixSafe
	if strings.Contains(string(d.src), "seed(") || name != "random."+base {
		// Seeded runs repeat and these do not; a callee that is random's
		// only through the checker's alias resolution is not rewritten
		// blindly.
		app = analysis.FixUnsafe
	}
	edits := []analysis.TextEdit{d.replace(fn, repl)}
	if e, ok := d.importEdit("secrets"); ok {
		edits = append(edits, e)
	}
	return &analysis.Fix{Title: "Use the secrets module (" + repl + ")", Applicability: app, Edits: edits}
}
