f = frozenset([1, 2, 3])
g = frozenset([3, 4])
print(sorted(f | g), sorted(f & g), 2 in f, len(f))
print({f: 1}[frozenset({3, 2, 1})])
