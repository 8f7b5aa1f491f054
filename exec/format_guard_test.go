package exec

import "testing"

func TestFormatGuardedAttr(t *testing.T) {
	cases := map[string]string{
		"{0.__globals__}":               "__globals__",
		"{x.a.__class__.__base__}":      "__base__",
		"{0:{1.__code__}}":              "__code__",
		"{{0.__globals__}}":             "",
		"{0.name} {1[__globals__]}":     "",
		"{0.__ｇlobals__}":               "__ｇlobals__",
		"plain .__globals__ outside {}": "",
		"{0.__dict__!r}":                "__dict__",
	}
	for in, want := range cases {
		if got := formatGuardedAttr(in); got != want {
			t.Errorf("formatGuardedAttr(%q) = %q, want %q", in, got, want)
		}
	}
}
