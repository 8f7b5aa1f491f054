def f(rows):
    out = [[(last := v * 2) for v in row] for row in rows]
    return out, last
print(f([[1, 2], [3]]))
