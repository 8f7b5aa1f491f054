package pyrt

import (
	"sync"
	"testing"
)

// Contexts in different goroutines share gpython's (process-global) type
// tables, which Install extends once; running programs side by side must
// neither race nor mix their state.
func TestConcurrentContexts(t *testing.T) {
	src := `
d = {i: str(i) for i in range(200)}
s = {x % 17 for x in range(500)}
class A:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "A(%d)" % self.v
def f(**kw): return list(kw)
print(len(d), sorted(s)[:3], sorted([A(3), A(1)]), f(b=1, a=2), "{:.2f}".format(2 / 3), "ab"[1])
`
	want := "200 [0, 1, 2] [A(1), A(3)] ['b', 'a'] 0.67 b\n"
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				got, exc := runSnippet(t, src)
				if got != want || exc != "" {
					t.Errorf("got %q (exception %q), want %q", got, exc, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
