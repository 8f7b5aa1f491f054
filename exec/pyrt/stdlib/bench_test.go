package stdlib_test

import (
	"bytes"
	"testing"

	"github.com/go-python/gpython/py"
)

func benchSnippet(b *testing.B, src string, freshContext bool) {
	code, err := compile(src)
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	ctx := newContext(b, &out)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if freshContext {
			b.StopTimer()
			ctx = newContext(b, &out)
			b.StartTimer()
		}
		g := py.NewStringDict()
		g["__name__"] = py.String("__main__")
		if _, err := ctx.RunCode(code, g, g, nil); err != nil {
			b.Fatal(err)
		}
		out.Reset()
	}
}

// Importing the Python-source modules into a fresh context (what every
// program run pays once per module).
func BenchmarkImportCollections(b *testing.B) {
	benchSnippet(b, "import collections\n", true)
}

func BenchmarkImportDataclassesDatetime(b *testing.B) {
	benchSnippet(b, "import dataclasses, datetime\n", true)
}

func BenchmarkReFindallSub(b *testing.B) {
	benchSnippet(b, "import re\ns = 'alpha 12 beta 345 gamma 6789 ' * 50\nre.findall(r'(\\w+) (\\d+)', s)\nre.sub(r'\\d+', '#', s)\n", false)
}

func BenchmarkJSONRoundTrip(b *testing.B) {
	benchSnippet(b, "import json\nd = dict()\nfor i in range(200):\n    d['k%d' % i] = [i, i * 0.5, 'v', None, True]\njson.loads(json.dumps(d, indent=2))\n", false)
}

func BenchmarkCounterMostCommon(b *testing.B) {
	benchSnippet(b, "from collections import Counter\nc = Counter('the quick brown fox jumps over the lazy dog' * 20)\nc.most_common(5)\n", false)
}
