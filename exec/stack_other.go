//go:build !amd64 && !arm64

package exec

// preGrowStack grows the calling goroutine's stack past workerStack/2 by
// recursion in 64 KiB frames. Unlike reserveStack on amd64 and arm64, it
// writes every page. With stack shrinking off (GODEBUG=gcshrinkstackoff=1,
// set by the parent) the stack never moves afterwards, which depthTracker
// relies on.
func preGrowStack() { growStack(workerStack / 2) }

//go:noinline
func growStack(n int) byte {
	var pad [64 << 10]byte // under the compiler's 128 KiB limit for stack variables
	pad[0] = byte(n)
	if n <= len(pad) {
		return pad[0]
	}
	return growStack(n-len(pad)) + pad[len(pad)-1]
}
