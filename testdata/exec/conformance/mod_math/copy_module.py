import copy
a = {"k": [1, 2], "n": {"x": 1}}
s = copy.copy(a)
d = copy.deepcopy(a)
a["k"].append(3)
print(s["k"], d["k"], s is a, d == {"k": [1, 2], "n": {"x": 1}})
