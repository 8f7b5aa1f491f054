import itertools
data = "aaabccdd"
print([(k, len(list(g))) for k, g in itertools.groupby(data)])
rows = [("x", 1), ("x", 2), ("y", 3)]
print([(k, [v for _, v in g]) for k, g in itertools.groupby(rows, key=lambda r: r[0])])
