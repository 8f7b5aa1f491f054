package analysis

import (
	"strings"

	"github.com/stelp-dev/stelp/policy"
)

// SP82x: locks and threads. SP83x: leaked resources.

// lockish reports whether the receiver of .acquire()/.release() is a lock:
// made by a threading/multiprocessing lock constructor, or named like one.
func (p *pass) lockish(obj int32) (string, bool) {
	if obj < 0 {
		return "", false
	}
	name := normIdent(p.text(obj))
	v := p.res.eval(obj)
	if v.k == vRef {
		for _, s := range []string{"Lock()", "RLock()", "Semaphore()", "BoundedSemaphore()", "Condition()"} {
			if strings.HasSuffix(v.s, s) {
				return name, true
			}
		}
	}
	low := strings.ToLower(name)
	if strings.Contains(low, "lock") || strings.Contains(low, "mutex") || strings.Contains(low, "sem") {
		return name, true
	}
	return name, false
}

// lockOp returns the lock name and "acquire"/"release" for a lock method
// call, or "" .
func (p *pass) lockOp(call int32) (string, string) {
	fn := p.unparen(p.field(call, "function"))
	if p.kind(fn) != "attribute" {
		return "", ""
	}
	m := normIdent(p.text(p.field(fn, "attribute")))
	switch m {
	case "acquire", "release", "__enter__", "__exit__":
	default:
		return "", ""
	}
	name, ok := p.lockish(p.field(fn, "object"))
	if !ok {
		return "", ""
	}
	if m == "__enter__" {
		m = "acquire"
	} else if m == "__exit__" {
		m = "release"
	}
	return name, m
}

// regionOf is the function (or lambda, or module) whose body holds n.
func (p *pass) regionOf(n int32) int32 {
	for c := p.nodes[n].parent; c >= 0; c = p.nodes[c].parent {
		switch p.kind(c) {
		case "function_definition", "lambda":
			return c
		}
	}
	return 0
}

var ruleLockNoRelease = &Rule{
	ID: "SP821", Name: "lock-without-release", CWE: 667, Category: CatConcurrency, Severity: policy.SeverityError,
	Summary: "A lock is acquired and never released",
	Why:     "A lock acquired without a matching release (in the same function) blocks every later acquirer forever: a deadlock. Use `with lock:`.",
	Bad:     "lock.acquire()\nreturn compute()",
	Good:    "with lock:\n    return compute()",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			name, op := p.lockOp(n)
			if op != "acquire" {
				return
			}
			// blocking=False acquisitions are tries, usually checked
			if v := p.res.eval(p.arg(n, 0, "blocking")); (v.k == vBool || v.k == vNum) && v.n == 0 {
				return
			}
			if p.index().methods[p.regionOf(n)][name]["release"] {
				return
			}
			p.report(r, n, "`"+name+"` is acquired here and never released in this function")
		},
	},
}

var ruleNestedLocks = &Rule{
	ID: "SP822", Name: "nested-lock-acquire", CWE: 833, Category: CatConcurrency, Severity: policy.SeverityError,
	Summary: "A lock is acquired while another is held",
	Why: "Holding one lock while waiting for another is how deadlocks happen: two threads taking the locks in " +
		"opposite orders wait for each other forever (and re-acquiring a plain Lock blocks at once).",
	Bad:  "lock1.acquire()\nlock2.acquire()",
	Good: "with lock1:\n    ...\nwith lock2:\n    ...",
	hooks: map[string]func(*pass, *Rule, int32){
		"module":              nestedLocks,
		"function_definition": nestedLocks,
		"lambda":              nestedLocks,
	},
}

// nestedLocks follows acquire/release in source order within one function
// and `with` nesting, and reports acquisitions made while holding a lock.
func nestedLocks(p *pass, r *Rule, fn int32) {
	var held []string
	var withs []withLock
	seen := map[[2]string]bool{}
	for i := fn + 1; i < p.nodes[fn].stop; i++ {
		k := p.kind(i)
		if k == "function_definition" || k == "lambda" || k == "class_definition" {
			i = p.nodes[i].stop - 1
			continue
		}
		// leave with-blocks we have passed
		for len(withs) > 0 && p.nodes[i].start >= withs[len(withs)-1].end {
			withs = withs[:len(withs)-1]
		}
		var acquiring string
		switch k {
		case "call":
			name, op := p.lockOp(i)
			switch op {
			case "acquire":
				acquiring = name
			case "release":
				for j := len(held) - 1; j >= 0; j-- {
					if held[j] == name {
						held = append(held[:j], held[j+1:]...)
						break
					}
				}
			}
		case "with_item":
			v := p.field(i, "value")
			if p.kind(v) == "as_pattern" {
				v = p.firstNamed(v)
			}
			if name, ok := p.lockish(v); ok && p.kind(v) != "call" {
				acquiring = name
				stmt := p.nodes[i].parent
				for stmt >= 0 && p.kind(stmt) != "with_statement" {
					stmt = p.nodes[stmt].parent
				}
				if acquiring != "" {
					all := append(append([]string{}, held...), withNames(withs)...)
					reportNested(p, r, i, acquiring, all, seen)
					if stmt >= 0 {
						withs = append(withs, withLock{name, p.nodes[stmt].end})
					}
				}
				continue
			}
		}
		if acquiring == "" {
			continue
		}
		all := append(append([]string{}, held...), withNames(withs)...)
		reportNested(p, r, i, acquiring, all, seen)
		held = append(held, acquiring)
	}
}

// withLock is a lock held by a `with` statement until byte offset end.
type withLock struct {
	name string
	end  uint32
}

func withNames(ws []withLock) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, w.name)
	}
	return out
}

func reportNested(p *pass, r *Rule, at int32, acquiring string, held []string, seen map[[2]string]bool) {
	for _, h := range held {
		if h == acquiring {
			p.report(r, at, "`"+acquiring+"` is acquired again while already held: a plain Lock deadlocks here")
			return
		}
	}
	if len(held) == 0 {
		return
	}
	outer := held[len(held)-1]
	msg := "`" + acquiring + "` is acquired while holding `" + outer + "`: lock nesting can deadlock"
	if p.lockOrderSeen(outer, acquiring) {
		msg = "`" + acquiring + "` is acquired while holding `" + outer + "`, and elsewhere in the opposite order: deadlock"
	}
	seen[[2]string{outer, acquiring}] = true
	p.report(r, at, msg)
}

// lockOrderSeen reports whether the document also acquires a then b
// elsewhere in the opposite order (b held while acquiring a), by scanning
// acquire calls in source order per function.
func (p *pass) lockOrderSeen(a, b string) bool {
	return p.index().lockPairs[b+"\x00"+a]
}

var ruleThreads = &Rule{
	ID: "SP823", Name: "thread-or-process-start", CWE: 362, Category: CatConcurrency, Severity: policy.SeverityError,
	Summary: "A thread or process is started",
	Why:     "Threads and processes outlive the computation's control flow, race on shared state and escape the worker's step budget.",
	Bad:     "threading.Thread(target=work).start()",
	Good:    "work()",
	calls: []string{"threading.Thread", "threading.Timer", "_thread.start_new_thread", "_thread.start_new",
		"multiprocessing.Process", "multiprocessing.Pool", "concurrent.futures.ThreadPoolExecutor",
		"concurrent.futures.ProcessPoolExecutor"},
	callCheck: func(p *pass, call int32, q string) (string, bool) {
		if p.inLoop(call) {
			return "", false // SP809 reports it
		}
		return "`" + q + "` starts a thread or process", true
	},
}

var ruleLeak = &Rule{
	ID: "SP831", Name: "resource-leak", CWE: 772, Category: CatLeak, Severity: policy.SeverityError,
	HasFix:  true,
	Summary: "A file or socket is opened and never closed",
	Why: "An open file or socket kept in a variable without `with` or close() leaks a descriptor; in a loop it " +
		"exhausts the process's limit.",
	Bad:  "f = open('log.txt', 'w')\nf.write(s)",
	Good: "with open('log.txt', 'w') as f:\n    f.write(s)",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			q := p.callee(n)
			if !leakyCall(q) {
				return
			}
			par := p.nodes[n].parent
			switch p.kind(par) {
			case "expression_statement":
				p.report(r, n, "`"+shortName(q)+"` result is discarded without being closed")
				return
			case "assignment":
				if p.nodes[n].field != "right" {
					return
				}
			default:
				return
			}
			target := p.field(par, "left")
			name := normIdent(p.text(target))
			reg := p.regionOf(n)
			ix := p.index()
			if m := ix.methods[reg][name]; m["close"] || m["__exit__"] || m["detach"] {
				return
			}
			if ix.closedBy[reg][name] || ix.handedOut[reg][name] {
				return // os.close(fd), closing(f), returned, yielded or used in a with
			}
			p.report(r, n, "`"+name+"` is opened and never closed: use `with`")
		},
	},
}

func leakyCall(q string) bool {
	switch q {
	case "builtins.open", "codecs.open", "os.fdopen", "os.open", "socket.socket", "socket.create_connection",
		"tarfile.open", "zipfile.ZipFile", "gzip.open", "bz2.open", "lzma.open", "shelve.open", "pathlib.Path().open",
		"urllib.request.urlopen", "sqlite3.connect", "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile":
		return true
	}
	return false
}

// waitables are objects whose wait()/get()/join() blocks until another
// party acts on the same object.
var waitables = map[string]string{"Event()": "set", "Condition()": "notify",
	"Queue()": "put", "LifoQueue()": "put", "PriorityQueue()": "put", "SimpleQueue()": "put", "Semaphore()": "release"}

var ruleWaitForever = &Rule{
	ID: "SP824", Name: "wait-forever", CWE: 833, Category: CatConcurrency, Severity: policy.SeverityError,
	Summary: "A blocking wait has no timeout and nothing ever wakes it",
	Why: "`event.wait()`, `cond.wait()` or `queue.get()` without a timeout blocks forever when no other code " +
		"ever calls set()/notify()/put() on the same object: a deadlock.",
	Bad:  "done = threading.Event()\ndone.wait()",
	Good: "done.wait(timeout=5)",
	hooks: map[string]func(*pass, *Rule, int32){
		"call": func(p *pass, r *Rule, n int32) {
			fn := p.unparen(p.field(n, "function"))
			if p.kind(fn) != "attribute" {
				return
			}
			m := normIdent(p.text(p.field(fn, "attribute")))
			if m != "wait" && m != "get" && m != "acquire" {
				return
			}
			obj := p.field(fn, "object")
			v := p.res.eval(obj)
			if v.k != vRef {
				return
			}
			var waker string
			for suffix, w := range waitables {
				if strings.HasSuffix(v.s, "."+suffix) {
					waker = w
				}
			}
			if waker == "" || (m == "acquire") != (waker == "release") {
				return
			}
			pos, kw := p.callArgs(n)
			if len(pos) > 0 || kw["timeout"] != 0 || kw["block"] != 0 {
				return
			}
			name := normIdent(p.text(obj))
			called := p.index().anyMethods[name]
			for _, m := range []string{waker, "notify_all", "put_nowait", "set"} {
				if called[m] {
					return
				}
			}
			p.report(r, n, "`"+trimTo(p.text(n), 40)+"` blocks forever: nothing calls "+waker+"() on `"+name+"`")
		},
	},
}

func concurrencyFamily() family {
	return family{rules: []*Rule{ruleLockNoRelease, ruleNestedLocks, ruleThreads, ruleWaitForever, ruleLeak}}
}
