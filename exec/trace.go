package exec

import (
	"sort"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// Trace bounds: a trace is for a human (or an LLM) reading values at line
// ends, so it stays small whatever the program does.
const (
	traceMaxLines  = 2000
	traceMaxNames  = 8
	traceValueLen  = 80
	traceMaxValues = 4000
)

type traceEntry struct {
	count  int64
	names  []string
	values map[string]py.Object
}

// tracer records, per original line, how often it ran and the last value
// of each name assigned there. Values are kept as objects and rendered
// once at the end, so tracing a loop costs no repr per iteration (a
// mutable value therefore shows its final state).
type tracer struct {
	lines   map[int]*traceEntry
	nvalues int
}

func newTracer() *tracer { return &tracer{lines: map[int]*traceEntry{}} }

func (t *tracer) entry(line int) *traceEntry {
	e := t.lines[line]
	if e == nil {
		if len(t.lines) >= traceMaxLines || line <= 0 {
			return nil
		}
		e = &traceEntry{}
		t.lines[line] = e
	}
	return e
}

func (t *tracer) count(line int) {
	if e := t.entry(line); e != nil {
		e.count++
	}
}

func (t *tracer) value(line int, name string, v py.Object) {
	e := t.entry(line)
	if e == nil {
		return
	}
	if e.values == nil {
		e.values = map[string]py.Object{}
	}
	if _, ok := e.values[name]; !ok {
		if len(e.names) >= traceMaxNames || t.nvalues >= traceMaxValues {
			return
		}
		e.names = append(e.names, name)
		t.nvalues++
	}
	e.values[name] = v
}

// lines renders the trace, sorted by line.
func (t *tracer) render() []TraceLine {
	keys := make([]int, 0, len(t.lines))
	for l := range t.lines {
		keys = append(keys, l)
	}
	sort.Ints(keys)
	out := make([]TraceLine, 0, len(keys))
	for _, l := range keys {
		e := t.lines[l]
		tl := TraceLine{Line: l, Count: e.count}
		if len(e.names) > 0 {
			tl.Values = map[string]string{}
			for _, n := range e.names {
				tl.Values[n] = safeRepr(e.values[n])
			}
		}
		out = append(out, tl)
	}
	return out
}

// safeRepr renders a value, truncated; a failing or stopped __repr__
// never breaks the result.
func safeRepr(o py.Object) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = "<?>"
		}
	}()
	r, err := py.Repr(o)
	if err != nil {
		return "<?>"
	}
	str, ok := r.(py.String)
	if !ok {
		return "<?>"
	}
	return truncate(string(str), traceValueLen)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
