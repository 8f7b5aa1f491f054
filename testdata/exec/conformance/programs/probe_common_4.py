import math
print(7.0 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 2 ** -1, 10 / 4, 1e300 * 10, -1e300 * 1e10, 0.1 + 0.7, 1/3 * 3, 3 % -2, -3 % 2, 5 // -2)
print(round(3.14159, 3), round(2.5), round(3.5), round(-0.5), round(1234.5678, -2), round(15, -1), round(25, -1), int(2.999), float("1e-5"), float("-inf"), 1e-5, 123e10, 0.000001234)
print(f"{3.0}", str(3.0), 3.0 == 3, f"{1/3:.5f}", f"{2/3:.0f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{1234567.891:,.2f}", f"{-0.0}", f"{1e22}", f"{123456789012345678.0}")
print("%d" % 3.7, "%5.1f" % 2.25, "%e" % 12345.6789, "%g" % 0.00001234, "%x" % 255, "%o" % 8, "%r" % "s", "%c" % 65, "%%", "%+d" % 5, "% d" % 5, "%05.1f" % -2.5)
print(sorted([3, 1, 2], key=lambda x: (x % 2, x)), sorted("hello"), sorted({"b": 1, "a": 2}), sorted([[2, 1], [1, 2], [1]]), list(map(int, "123")), [int(c) for c in str(2 ** 64)])
print(max("abc", "abd"), min([3, 1], [2, 5]), max([], default=None), max(1, 2, 3), min((1, "b"), (1, "a")), sum([[1], [2]], []), sum(range(101)), abs(-3.5), abs(3 + 4j) if False else 0)
print(str(10 ** 30), 10 ** 30 / 7, 2 ** 64 - 1, (2 ** 64) % 1000007, pow(2, 100, 1000000007), -(2 ** 70) // 3, math.factorial(25), hex(2 ** 70), int("1" * 30), bin(-5))
a = [5, 3, 8, 1]
a.sort(key=lambda v: -v)
b = a[:]
b.reverse()
print(a, b, a is b, a == sorted(b, reverse=True), [x for x in a if x > 2][::-1], a.copy() == a, a * 0, [0] * -1)
s = "Mississippi"
print(s.count("ss"), s.index("ss"), s.replace("ss", "SS"), s.lower().count("i"), s[::3], s.split("ss"), s.find("x"), "".join(sorted(set(s))), s.zfill(15), s.rstrip("pi"), s.upper().startswith("MISS"))
words = "the quick brown fox jumps over the lazy dog".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3], len(freq), max(freq, key=freq.get), [w[::-1] for w in words[:3]], " ".join(w.capitalize() for w in words))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), [list(r) for r in zip(*[[1, 2], [3, 4]])], dict(zip("abc", range(3))), list(enumerate([], 5)), [i * j for i in range(3) for j in range(i)])
def gen_primes(n):
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(sieve[i * i::i])
    return [i for i, p in enumerate(sieve) if p]
print(gen_primes(50))
def memo_fib(n, memo={}):
    if n in memo: return memo[n]
    if n < 2: return n
    memo[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return memo[n]
print(memo_fib(90), [bin(i).count("1") for i in range(8)], int("101", 2), str(-0), -0.0 == 0, float("nan") == float("nan"), 0.1 + 0.2 == 0.3, 1 < 2 == 2, not [], [] or "x", 0 and 1)
print(isinstance(1, (int, float)), isinstance(True, bool), type(1 + 1.0).__name__, type(3 // 1.0), 3 / 1, divmod(7.5, 2), divmod(-9, 4), 2 ** 0.5 * 2 ** 0.5, math.floor(-0.5), math.ceil(-0.5), int("-12"), int(" 7\n"))
