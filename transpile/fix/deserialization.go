package fix

import (
	"github.com/stelp-dev/stelp/analysis"
)

// fixPickle: pickle.loads/load become json.loads/load. Unsafe: only data
// that JSON can represent loads, and pickled bytes are not JSON.
func fixPickle(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) != 1 || len(cp.pos) != 1 {
		return nil
	}
	fn, obj, attr := methodCallee(call)
	if fn == nil || obj.Type() != "identifier" {
		return nil
	}
	if o := d.text(obj); o != "pickle" && o != "cPickle" {
		return nil
	}
	a := d.text(attr)
	if a != "loads" && a != "load" {
		return nil
	}
	edits := []analysis.TextEdit{d.replace(fn, "json."+a)}
	if e, ok := d.importEdit("json"); ok {
		edits = append(edits, e)
	}
	return &analysis.Fix{Title: "Load JSON instead of pickle (json." + a + ")", Applicability: analysis.FixUnsafe, Edits: edits}
}

var yamlSafe = map[string]string{
	"load": "safe_load", "full_load": "safe_load", "unsafe_load": "safe_load",
	"load_all": "safe_load_all", "full_load_all": "safe_load_all", "unsafe_load_all": "safe_load_all",
}

// fixYAMLLoad: yaml.load(s, Loader=...) becomes yaml.safe_load(s). Safe:
// plain YAML data (mappings, lists, scalars) loads the same; only the
// python/* tags that build arbitrary objects are refused.
func fixYAMLLoad(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.pos) == 0 || len(cp.pos) > 2 {
		return nil
	}
	_, obj, attr := methodCallee(call)
	if obj == nil || d.text(obj) != "yaml" {
		return nil
	}
	safe, ok := yamlSafe[d.text(attr)]
	if !ok {
		return nil
	}
	for k := range cp.kw {
		if k != "Loader" {
			return nil
		}
	}
	edits := []analysis.TextEdit{d.replace(attr, safe)}
	if l := cp.kw["Loader"]; l != nil {
		edits = append(edits, d.removeArg(cp, l))
	}
	if len(cp.pos) == 2 {
		edits = append(edits, d.removeArg(cp, cp.pos[1]))
	}
	return &analysis.Fix{Title: "Use yaml." + safe, Applicability: analysis.FixSafe, Edits: edits}
}

// fixTorchLoad adds weights_only=True. Unsafe: checkpoints that pickle
// whole objects (not only tensors and plain containers) no longer load.
func fixTorchLoad(d *doc, f analysis.Finding, n *analysis.Node) *analysis.Fix {
	call := enclosing(n, "call")
	cp, ok := d.call(call)
	if !ok || cp.splat || len(cp.list) == 0 {
		return nil
	}
	var e analysis.TextEdit
	if kw := cp.kw["weights_only"]; kw != nil {
		v := kw.ChildByFieldName("value")
		if v == nil {
			return nil
		}
		e = d.replace(v, "True")
	} else {
		at := int(cp.list[len(cp.list)-1].EndByte())
		e = d.edit(at, at, ", weights_only=True")
	}
	return &analysis.Fix{Title: "Load weights only (weights_only=True)", Applicability: analysis.FixUnsafe, Edits: []analysis.TextEdit{e}}
}
