a = [4, -2, 7]
print(sum(a), min(a), max(a), sum(a, 10), min(a, key=abs), max([], default=0), min(3, 1, 2))
