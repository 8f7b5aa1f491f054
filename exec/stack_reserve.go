//go:build amd64 || arm64

package exec

// stack_reserve.go grows the goroutine that runs programs to its full
// stack in one step, without touching the new stack's pages.

// reservedFrame is the frame size of reserveStack (stack_*.s). A call to
// it from a small stack makes the runtime double the stack until the frame
// fits: 8 KiB × 2ⁿ ≥ used + reservedFrame, that is workerStack.
const reservedFrame = workerStack / 2

// reserveStack is an assembly function that does nothing in a frame of
// reservedFrame bytes. Its prologue sends the goroutine through
// runtime.newstack once, which allocates the whole new stack and copies
// only the few KiB in use; the kernel maps the rest lazily, page by page,
// as deep recursion reaches it. (A Go function cannot do this: its frame
// would have to be zeroed, faulting in every page.)
func reserveStack()

// preGrowStack grows the calling goroutine's stack to workerStack. With
// stack shrinking off (GODEBUG=gcshrinkstackoff=1, set by the parent) it
// never moves afterwards, which depthTracker relies on.
func preGrowStack() { reserveStack() }
