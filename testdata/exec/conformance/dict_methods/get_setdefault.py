d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 0), d.setdefault("c", 3), d.setdefault("a", 9), d)
