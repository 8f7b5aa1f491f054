package analysis

import (
	"strings"

	"github.com/stelp-dev/stelp/policy"
)

// SP7xx: deserialization that can run code.

var rulePickle = &Rule{
	ID: "SP701", Name: "pickle-load", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B301",
	HasFix:  true,
	Summary: "pickle data is loaded",
	Why:     "Unpickling runs any callable the data names (via __reduce__): loading untrusted pickle is running untrusted code.",
	Bad:     "obj = pickle.loads(blob)",
	Good:    "obj = json.loads(text)",
	calls: []string{"pickle.load", "pickle.loads", "pickle.Unpickler", "pandas.read_pickle", "numpy.load",
		"pickle.Unpickler().load"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if q == "numpy.load" {
			v := p.res.eval(p.arg(call, -1, "allow_pickle"))
			if !((v.k == vBool || v.k == vNum) && v.n != 0) {
				return "", false
			}
		}
		return "`" + q + "` unpickles data, which can run arbitrary code", true
	},
}

var ruleMarshal = &Rule{
	ID: "SP702", Name: "marshal-load", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B302",
	Summary: "marshal data is loaded",
	Why:     "marshal loads code objects and is not safe against malicious data.",
	Bad:     "code = marshal.loads(blob)",
	Good:    "data = json.loads(text)",
	calls:   []string{"marshal.load", "marshal.loads"},
}

var ruleShelve = &Rule{
	ID: "SP703", Name: "shelve-open", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B301",
	Summary: "A shelve database (pickle underneath) is opened",
	Why:     "shelve stores values with pickle; reading a shelf unpickles it.",
	Bad:     "db = shelve.open('data')",
	Good:    "json for data, a real database for records",
	calls:   []string{"shelve.open", "shelve.Shelf", "shelve.DbfilenameShelf", "shelve.BsdDbShelf"},
}

var ruleYAML = &Rule{
	ID: "SP704", Name: "yaml-unsafe-load", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B506",
	Summary: "YAML is loaded with a loader that builds arbitrary objects",
	Why:     "yaml.load without SafeLoader (and unsafe_load, full_load) construct Python objects named by the document, which runs code.",
	Bad:     "cfg = yaml.load(text)",
	Good:    "cfg = yaml.safe_load(text)",
	HasFix:  true,
	calls: []string{"yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load",
		"yaml.full_load_all", "ruamel.yaml.load"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if q == "yaml.load" || q == "yaml.load_all" {
			l := p.arg(call, 1, "Loader")
			if l >= 0 {
				v := p.res.eval(l)
				if v.k == vRef && (strings.HasSuffix(v.s, "SafeLoader") || strings.HasSuffix(v.s, "BaseLoader")) {
					return "", false
				}
			}
		}
		return "`" + q + "` can construct arbitrary Python objects", true
	},
}

var ruleThirdPartyPickle = &Rule{
	ID: "SP705", Name: "pickle-family-load", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B301",
	Summary: "dill, cloudpickle, jsonpickle or joblib data is loaded",
	Why:     "These libraries extend pickle and run code while loading just as pickle does.",
	Bad:     "model = joblib.load(path)",
	Good:    "load plain data formats",
	calls: []string{"dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads", "jsonpickle.decode",
		"jsonpickle.loads", "joblib.load", "sklearn.externals.joblib.load"},
}

var ruleTorch = &Rule{
	ID: "SP706", Name: "torch-load", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError, Bandit: "B614",
	Summary: "torch.load without weights_only=True",
	Why:     "torch.load unpickles the file unless weights_only=True.",
	Bad:     "state = torch.load(path)",
	Good:    "state = torch.load(path, weights_only=True)",
	HasFix:  true,
	calls:   []string{"torch.load", "torch.hub.load"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		v := p.res.eval(p.arg(call, -1, "weights_only"))
		if (v.k == vBool || v.k == vNum) && v.n != 0 && q == "torch.load" {
			return "", false
		}
		return "`" + q + "` unpickles its input", true
	},
}

var ruleXML = &Rule{
	ID: "SP707", Name: "xml-unsafe-parse", CWE: 611, Category: CatDeserialization, Severity: policy.SeverityWarning, Bandit: "B314",
	Summary: "XML is parsed with a parser open to entity attacks",
	Why:     "The standard XML parsers expand entities (billion laughs) and some resolve external ones; use defusedxml for untrusted input.",
	Bad:     "tree = xml.etree.ElementTree.fromstring(data)",
	Good:    "tree = defusedxml.ElementTree.fromstring(data)",
	calls: []string{"xml.etree.ElementTree.parse", "xml.etree.ElementTree.fromstring", "xml.etree.ElementTree.XML",
		"xml.etree.ElementTree.iterparse", "xml.etree.cElementTree.parse", "xml.etree.cElementTree.fromstring",
		"xml.dom.minidom.parse", "xml.dom.minidom.parseString", "xml.dom.pulldom.parse", "xml.dom.pulldom.parseString",
		"xml.sax.parse", "xml.sax.parseString", "xml.sax.make_parser", "lxml.etree.parse", "lxml.etree.fromstring",
		"lxml.etree.XML", "xmlrpc.client.loads"},
}

var ruleReduce = &Rule{
	ID: "SP708", Name: "pickle-gadget-method", CWE: 502, Category: CatDeserialization, Severity: policy.SeverityError,
	Summary: "A class defines __reduce__/__reduce_ex__ returning a callable",
	Why:     "A __reduce__ that returns (os.system, ...) or (eval, ...) is a pickle payload: unpickling the object runs the call.",
	Bad:     "class P:\n    def __reduce__(self):\n        return (os.system, ('id',))",
	Good:    "store plain data",
	hooks: map[string]func(*pass, *Rule, int32){
		"function_definition": func(p *pass, r *Rule, n int32) {
			name := normIdent(p.text(p.field(n, "name")))
			if name != "__reduce__" && name != "__reduce_ex__" {
				return
			}
			body := p.field(n, "body")
			for i := body + 1; body >= 0 && i < p.nodes[body].stop; i++ {
				if p.nodes[i].kind != "return_statement" {
					continue
				}
				v := p.res.eval(p.firstNamed(int32(i)))
				if v.k == vSeq && len(v.elems) >= 1 && v.elems[0].k == vRef && p.e.known(v.elems[0].s) {
					p.report(r, int32(i), "__reduce__ returns `"+shortName(v.elems[0].s)+"`: unpickling this object calls it")
				}
			}
		},
	},
}

func deserializationFamily() family {
	return family{rules: []*Rule{rulePickle, ruleMarshal, ruleShelve, ruleYAML, ruleThirdPartyPickle, ruleTorch, ruleXML, ruleReduce}}
}
