data = [("b", 1), ("a", 1), ("c", 0), ("d", 1)]
print(sorted(data, key=lambda t: t[1]))
