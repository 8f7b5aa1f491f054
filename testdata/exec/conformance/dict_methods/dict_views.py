d = {"a": 1, "b": 2}
k = d.keys()
d["c"] = 3
print(len(k), sorted(k), list(d.values()))
print(d.keys() & {"a", "z"}, "b" in d.keys())
