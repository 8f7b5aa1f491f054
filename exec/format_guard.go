package exec

import (
	"fmt"
	"sync"

	"github.com/go-python/gpython/py"

	"github.com/stelp-dev/stelp/exec/guard"
)

// str.format and str.format_map look attributes up by name from the format
// string ("{0.__globals__}"), outside the transpiler's reach. The worker
// wraps them once per process (type tables are process-wide) so that a
// guarded name in a replacement field is a violation of the current run.
var formatGuardOnce sync.Once

func (in *interp) guardFormat() {
	formatGuardOnce.Do(func() {
		for _, name := range []string{"format", "format_map"} {
			orig, ok := py.StringType.Dict[name].(*py.Method)
			if !ok {
				continue
			}
			py.StringType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				if s, ok := self.(py.String); ok {
					if attr := formatGuardedAttr(string(s)); attr != "" {
						detail := fmt.Sprintf("format field reads attribute %q, which is not allowed in the sandbox", attr)
						if cur := in.cur; cur != nil {
							return nil, cur.deny("attribute", detail)
						}
						return nil, py.ExceptionNewf(py.AttributeError, "%s", detail)
					}
				}
				return orig.CallWithKeywords(self, args, kwargs)
			}, 0, orig.Doc)
		}
	})
}

// formatGuardedAttr returns the first guarded attribute name a format
// string's replacement fields (nested ones included) would read.
func formatGuardedAttr(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '{' && depth == 0 && i+1 < len(s) && s[i+1] == '{':
			i++
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case c == '.' && depth > 0:
			j := i + 1
			for j < len(s) && s[j] != '.' && s[j] != '[' && s[j] != '!' && s[j] != ':' && s[j] != '}' && s[j] != '{' {
				j++
			}
			if name := s[i+1 : j]; guard.Guarded(name) {
				return name
			}
		}
	}
	return ""
}
