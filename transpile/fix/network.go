package fix

import (
	"github.com/stelp-dev/stelp/analysis"
)

// requestTimeout is the timeout, in seconds, added to requests that have
// none: long enough for any ordinary API, short enough that a dead server
// does not hang the program.
const requestTimeout = "10"

// fixRequestTimeout adds timeout= to an HTTP request. Safe: a request that
// answers within the timeout behaves the same.
func fixRequestTimeout(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || cp.kw["timeout"] != nil {
		return nil
	}
	var e analysis.TextEdit
	if len(cp.list) == 0 {
		at := int(cp.args.StartByte()) + 1
		e = d.edit(at, at, "timeout="+requestTimeout)
	} else {
		at := int(cp.list[len(cp.list)-1].EndByte())
		e = d.edit(at, at, ", timeout="+requestTimeout)
	}
	return &analysis.Fix{Title: "Add timeout=" + requestTimeout, Applicability: analysis.FixSafe, Edits: []analysis.TextEdit{e}}
}

// fixVerifyFalse removes verify=False. Safe: against a server with a valid
// certificate the request behaves the same; only an invalid certificate,
// the attack the flag let through, now fails.
func fixVerifyFalse(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok {
		return nil
	}
	// The finding points at the keyword itself when it can.
	kw := enclosing(n, "keyword_argument")
	if kw == nil {
		kw = cp.kw["verify"]
	}
	if kw == nil {
		return nil
	}
	if nm := kw.ChildByFieldName("name"); nm == nil || (d.text(nm) != "verify" && d.text(nm) != "verify_ssl") {
		return nil
	}
	if v := kw.ChildByFieldName("value"); v == nil || (d.text(v) != "False" && d.text(v) != "0") {
		return nil
	}
	return &analysis.Fix{Title: "Remove verify=False (verify TLS certificates)", Applicability: analysis.FixSafe,
		Edits: []analysis.TextEdit{d.removeArg(cp, kw)}}
}
