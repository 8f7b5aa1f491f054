package stdlib_test

import (
	"strings"
	"testing"
)

// Deep nesting must raise a Python error, never exhaust the Go stack (which
// would kill the worker without a result).
func TestJSONDeepNesting(t *testing.T) {
	for _, src := range []string{
		"import json\nx = []\nfor i in range(100000):\n    x = [x]\ntry:\n    json.dumps(x)\nexcept RuntimeError as e:\n    print('RuntimeError', e)\n",
		"import json\ntry:\n    json.loads('[' * 100000 + ']' * 100000)\nexcept RuntimeError as e:\n    print('RuntimeError', e)\n",
	} {
		out := run(t, src)
		if !strings.HasPrefix(out, "RuntimeError maximum recursion depth exceeded") {
			t.Errorf("got %q", out)
		}
	}
}
