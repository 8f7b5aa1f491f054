d = {"x": 1, "y": 2}
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, v)
print("x" in d, "z" not in d, len(d))
