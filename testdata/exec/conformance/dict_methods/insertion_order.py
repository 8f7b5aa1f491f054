d = {}
for k in ["z", "a", "m", 3, 1]:
    d[k] = True
print(list(d))
d["a"] = False
print(list(d))
del d["z"]
d["z"] = 1
print(list(d))
