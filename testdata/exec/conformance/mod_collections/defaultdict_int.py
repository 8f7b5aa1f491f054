from collections import defaultdict
d = defaultdict(int)
for ch in "hello":
    d[ch] += 1
print(sorted(d.items()), d.default_factory is int)
