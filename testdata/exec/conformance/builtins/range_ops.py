r = range(0, 10, 3)
print(list(r), len(r), r[1], 6 in r, list(range(5, 0, -2)), range(3), r.index(9))
