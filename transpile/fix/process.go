package fix

import (
	"strings"

	"github.com/stelp-dev/stelp/analysis"
)

// shellMeta are the characters whose meaning a shell gives and shlex.split
// does not: with one of them in a command, dropping the shell changes what
// runs.
const shellMeta = "|&;<>()$`*?[]{}~!#=%\n\\"

// fixShellTrue: subprocess.X("cmd", shell=True) becomes
// subprocess.X(shlex.split("cmd")). Safe for a constant command without
// shell syntax; otherwise the shell's expansions are lost (unsafe).
func fixShellTrue(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.pos) == 0 {
		return nil
	}
	sh := cp.kw["shell"]
	if sh == nil || cp.kw["executable"] != nil {
		return nil
	}
	if v := sh.ChildByFieldName("value"); v == nil || d.text(v) != "True" {
		return nil
	}
	cmd := cp.pos[0]
	switch cmd.Type() {
	case "list", "tuple", "list_comprehension":
		return nil
	}
	app := analysis.FixUnsafe
	if s, ok := d.constString(cmd); ok && !strings.ContainsAny(s, shellMeta) && strings.TrimSpace(s) != "" &&
		strings.HasPrefix(d.calleeName(call), "subprocess.") {
		app = analysis.FixSafe
	}
	edits := []analysis.TextEdit{d.replace(cmd, "shlex.split("+d.text(cmd)+")"), d.removeArg(cp, sh)}
	if e, ok := d.importEdit("shlex"); ok {
		edits = append(edits, e)
	}
	return &analysis.Fix{Title: "Pass an argument list (shlex.split) instead of shell=True", Applicability: app, Edits: edits}
}

// fixOSSystem: os.system(cmd) becomes subprocess.run(shlex.split(cmd),
// check=True). Unsafe: the result is a CompletedProcess, not an exit
// status, a failing command raises, and shell syntax is no longer
// interpreted.
func fixOSSystem(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) != 1 || len(cp.pos) != 1 {
		return nil
	}
	_, obj, attr := methodCallee(call)
	if attr == nil || d.text(attr) != "system" || !d.isModule(obj, "os") {
		return nil
	}
	edits := []analysis.TextEdit{d.replace(call, "subprocess.run(shlex.split("+d.text(cp.pos[0])+"), check=True)")}
	for _, m := range []string{"shlex", "subprocess"} {
		if e, ok := d.importEdit(m); ok {
			edits = append(edits, e)
		}
	}
	return &analysis.Fix{Title: "Run the command with subprocess.run(shlex.split(...), check=True)", Applicability: analysis.FixUnsafe, Edits: edits}
}

// methodCallee splits the callee of `obj.attr(...)`; all nil when the
// callee is not an attribute.
func methodCallee(call *analysis.Node) (fn, obj, attr *analysis.Node) {
	fn = call.ChildByFieldName("function")
	if fn == nil || fn.Type() != "attribute" {
		return nil, nil, nil
	}
	obj, attr = fn.ChildByFieldName("object"), fn.ChildByFieldName("attribute")
	if obj == nil || attr == nil {
		return nil, nil, nil
	}
	return fn, obj, attr
}

// isModule reports whether n names module m: the identifier m or
// __import__('m').
func (d *doc) isModule(n *analysis.Node, m string) bool {
	switch n.Type() {
	case "identifier":
		return d.text(n) == m
	case "call":
		cp, ok := d.call(n)
		if !ok || d.calleeName(n) != "__import__" || len(cp.pos) != 1 || len(cp.list) != 1 {
			return false
		}
		s, ok := d.constString(cp.pos[0])
		return ok && s == m
	}
	return false
}
