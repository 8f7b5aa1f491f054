d = dict.fromkeys(["a", "b"], 0)
e = d.copy()
e["a"] = 5
print(d, e, dict.fromkeys("xy"))
