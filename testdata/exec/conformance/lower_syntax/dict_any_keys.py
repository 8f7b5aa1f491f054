d = {1: "one", (2, 3): "tuple", 2.5: "float", None: "none", True: "bool"}
print(d)
print(d[1], d[(2, 3)], d[2.5], d[None])
print(len(d))
