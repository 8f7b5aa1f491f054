d = {"a": 1, "b": 2}
print(sorted(set(d)), sorted(set(d.values())))
