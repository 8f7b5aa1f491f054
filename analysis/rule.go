package analysis

import (
	"sort"
	"strings"
	"sync"

	"github.com/stelp-dev/stelp/policy"
)

// Rule categories: the kind of harm a rule guards against.
const (
	CatSyntax          Category = "syntax"
	CatSuppression     Category = "suppression"
	CatCodeExecution   Category = "code-execution"
	CatSandboxEscape   Category = "sandbox-escape"
	CatImports         Category = "imports"
	CatProcess         Category = "process"
	CatFileSystem      Category = "file-system"
	CatNetwork         Category = "network"
	CatDeserialization Category = "deserialization"
	CatResource        Category = "resource-exhaustion"
	CatConcurrency     Category = "concurrency"
	CatLeak            Category = "resource-leak"
	CatTypeConfusion   Category = "type-confusion"
	CatCrypto          Category = "crypto"
	CatSecrets         Category = "secrets"
	CatInjection       Category = "injection"
	CatCorrectness     Category = "correctness"
)

// Rule is one entry of the catalogue. Its exported fields are data: docs,
// `stelp rules`, SARIF metadata and hover text are generated from them.
type Rule struct {
	ID       string // stable, e.g. "SP101"; the hundreds digit is the family
	Name     string // stable kebab-case name, e.g. "eval-call"
	CWE      int
	Category Category
	Severity policy.Severity // default severity
	Bandit   string          // the Bandit check covering the same thing, if any
	Summary  string          // one line
	Why      string          // rationale
	Bad      string          // example flagged
	Good     string          // example not flagged
	HasFix   bool            // an automatic rewrite exists (issue 5)

	// calls are canonical qualified names ("builtins.eval", "os.system")
	// whose calls this rule flags; the engine resolves aliases first.
	calls []string
	// refs are qualified names flagged wherever they are referenced
	// (attribute or name), called or not, e.g. "os.environ".
	refs []string
	// callMsg formats the message for a matched call; nil = Summary.
	callMsg func(qname string) string
	// callCheck, if set, decides whether a matched call is reported (and
	// may replace the message); it sees the resolved call.
	callCheck func(p *pass, call int32, qname string) (string, bool)
	// related adds explanatory locations to a matched call's finding.
	related func(p *pass, call int32) []Related
	// hooks run on every node of the given kinds, in one traversal.
	hooks map[string]func(p *pass, r *Rule, n int32)
}

// family is one rules_*.go file's contribution.
type family struct {
	rules []*Rule
	// setup runs once per checked document before the traversal (e.g. to
	// analyse functions as wholes).
	setup func(p *pass)
}

func families() []family {
	return []family{
		engineFamily(),
		codeExecFamily(),
		reflectionFamily(),
		importFamily(),
		processFamily(),
		fileFamily(),
		networkFamily(),
		deserializationFamily(),
		resourceFamily(),
		concurrencyFamily(),
		cryptoFamily(),
	}
}

// engine is the immutable dispatch table built from the families.
type engine struct {
	rules []*Rule
	byID  map[string]*Rule
	calls map[string][]*Rule
	refs  map[string][]*Rule
	// refLast holds the last dotted part of every refs name, to skip
	// resolving names that cannot match.
	refLast map[string]bool
	hooks   map[string][]ruleHook
	setups  []func(p *pass)
}

var (
	engineOnce sync.Once
	theEngine  *engine
)

// getEngine builds the dispatch table on first use; it only reads the
// static rule definitions, so it is the same for every caller.
func getEngine() *engine {
	engineOnce.Do(func() { theEngine = buildEngine() })
	return theEngine
}

func buildEngine() *engine {
	e := &engine{byID: map[string]*Rule{}, calls: map[string][]*Rule{}, refs: map[string][]*Rule{}, refLast: map[string]bool{}, hooks: map[string][]ruleHook{}}
	for _, f := range families() {
		for _, r := range f.rules {
			e.rules = append(e.rules, r)
			e.byID[r.ID] = r
			e.byID[r.Name] = r
			for _, q := range r.calls {
				e.calls[q] = append(e.calls[q], r)
			}
			for _, q := range r.refs {
				e.refs[q] = append(e.refs[q], r)
				e.refLast[q[strings.LastIndexByte(q, '.')+1:]] = true
			}
			for _, k := range sortedKeys(r.hooks) {
				e.hooks[k] = append(e.hooks[k], ruleHook{r, r.hooks[k]})
			}
		}
		if f.setup != nil {
			e.setups = append(e.setups, f.setup)
		}
	}
	sort.Slice(e.rules, func(i, j int) bool { return e.rules[i].ID < e.rules[j].ID })
	return e
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Registry returns every rule, sorted by ID. The slice is fresh; the rules
// are shared and must not be modified.
func Registry() []*Rule {
	return append([]*Rule(nil), getEngine().rules...)
}

// RuleByID finds a rule by ID ("SP101", case-insensitive) or name
// ("eval-call"); nil if there is none.
func RuleByID(idOrName string) *Rule {
	return getEngine().rule(idOrName)
}

func (e *engine) rule(idOrName string) *Rule {
	if r := e.byID[idOrName]; r != nil {
		return r
	}
	if r := e.byID[strings.ToUpper(idOrName)]; r != nil {
		return r
	}
	return e.byID[strings.ToLower(idOrName)]
}

// known reports whether a qualified name is something a rule looks for.
func (e *engine) known(q string) bool {
	return len(e.calls[q]) > 0 || len(e.refs[q]) > 0
}

type ruleHook struct {
	rule *Rule
	fn   func(p *pass, r *Rule, n int32)
}
