d = {"a": 1, "b": 2, "c": 3}
print(d.pop("a"), d.pop("z", None), d.popitem(), d)
try:
    d.pop("z")
except KeyError as e:
    print("KeyError", e)
