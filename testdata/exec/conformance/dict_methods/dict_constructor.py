print(dict(a=1, b=2), dict([("x", 1), (2, "y")]), dict({"k": 1}, z=0), dict(zip("ab", [1, 2])))
