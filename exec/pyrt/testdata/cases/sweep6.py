def gen_primes(n):
    sieve = [True] * (n + 1)
    sieve[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
print(gen_primes(50))
def fibgen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fibgen()
print([next(g) for _ in range(12)])
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
print(take(5, (x * x for x in range(100) if x % 3 == 0)))
def flatten(lst):
    for x in lst:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1())
def memo(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memo
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)
print(ways(20, 20), len(ways.cache) > 10)
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(hanoi(3), len(hanoi(10)))
def binary_search(arr, t):
    lo, hi = 0, len(arr) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if arr[mid] == t:
            return mid
        elif arr[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
arr = list(range(0, 100, 3))
print([binary_search(arr, t) for t in (0, 33, 34, 99)])
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    p = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < p]) + [x for x in xs if x == p] + quicksort([x for x in xs if x > p])
print(quicksort([3, 6, 1, 8, 2, 9, 2, 7]))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[::-1] for row in matrix], [list(r) for r in zip(*matrix[::-1])], sum(matrix[i][i] for i in range(3)))
squares = list(map(lambda x: x ** 2, range(6)))
print(squares, list(filter(lambda x: x % 2, squares)), [(i, j) for i in range(3) for j in range(i)])
from functools import reduce
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, ["a", "b", "c"], ">"))
