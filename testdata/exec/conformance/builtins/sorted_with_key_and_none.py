print(sorted([3, 1, 2], key=None), sorted(["b", "A", "c"], key=str.upper))
