def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def describe(xs):
    """Summarise a list."""
    lo = min(xs)
    hi = max(xs)
    return "%d..%d" % (lo, hi)


result = fib(7)
label = describe([3, 1, 4, 1, 5])
print(result, label)
