s = {3, 1, 2}
print(sorted(s), len(s), 2 in s)
e = set()
print(e, len(e))
c = {x % 3 for x in range(10)}
print(sorted(c))
fs = frozenset([1, 2])
print({fs: "frozen"}[frozenset([2, 1])])
