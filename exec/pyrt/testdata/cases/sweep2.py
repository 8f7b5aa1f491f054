items = {"apple": 3, "banana": 1, "cherry": 2}
for k, v in sorted(items.items()):
    print(k, v)
for i, (k, v) in enumerate(items.items(), 1):
    print(i, k, v)
print(list(items), list(items.values()), max(items, key=items.get), min(items.values()))
inv = {v: k for k, v in items.items()}
print(inv, inv[1], sorted(inv, reverse=True))
nested = {"a": [1, 2, {"b": (3, 4.5, None, True)}], "c": {"d": "e"}}
print(nested, str(nested), repr(nested), len(nested["a"]))
data = [("x", 1), ("y", 2), ("x", 3)]
groups = {}
for k, v in data:
    groups.setdefault(k, []).append(v)
print(groups, {k: sum(v) for k, v in groups.items()})
print(dict(a=1) == {"a": 1}, {} == dict(), list({1: 2}.items())[0], tuple({"x": 1}))
merged = dict(items)
merged.update(banana=10, date=4)
print(merged, merged.pop("apple"), "apple" in merged, len(merged))
print(sorted(merged.items(), key=lambda kv: kv[1]), sorted(merged, key=len))
