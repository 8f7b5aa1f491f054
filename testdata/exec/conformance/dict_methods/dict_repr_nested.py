d = {"list": [1, 2], "dict": {"n": None}, 1.5: "f", (1, 2): {3}}
print(d)
print(str(d) == repr(d))
