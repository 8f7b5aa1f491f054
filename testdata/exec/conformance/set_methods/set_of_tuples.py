seen = set()
for p in [(1, 2), (2, 1), (1, 2)]:
    seen.add(p)
print(len(seen), (1, 2) in seen, sorted(seen))
