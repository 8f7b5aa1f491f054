d = {"b": 1, "a": 2}
d["c"] = 3
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.pop("b"), d.pop("zz", None), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e, repr(e))
print(d.setdefault("a", 9), d.setdefault("n", []), d)
d.update({"x": 1}, y=2)
d.update([("z", 0)])
print(d)
print(d.popitem(), d)
e = dict.fromkeys(["p", "q"], 0)
print(e, dict.fromkeys("ab"), e.copy(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict(zip("ab", [1, 2])), dict({"k": 1}, m=2))
e.clear()
print(e, bool(e), bool({1: 1}))
m = {1: "int", 2.5: "float", (1, 2): "tuple", frozenset({1}): "fs", None: "none", True: "bool?"}
print(m, m[1], m[(1, 2)], m[frozenset([1])], m[None])
counts = {}
for w in "the cat the hat the".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
sq = {x: x * x for x in range(5)}
print(sq, {k: v for k, v in sq.items() if v % 2 == 0}, type(sq) is dict, isinstance(sq, dict))
del sq[0]
print(sq, sq | {9: 81}, sq == {1: 1, 2: 4, 3: 9, 4: 16}, {1: 2} != {1: 3})
try:
    {}[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    print({"a": 1}["b"])
except KeyError as e:
    print("KeyError", e)
nested = {"a": {"b": [1, 2, {"c": None}]}}
print(nested, nested["a"]["b"][2])
k = d.keys()
d["new"] = 1
print("new" in k, len(k), k & {"new", "zz"}, {"x"} | {"y"} if False else sorted(k - {"new"}))
try:
    for key in d:
        d["other"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(s, len(s), 2 in s, sorted(s))
print({1, 2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4})
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3, 9]), {1, 2, 3}.difference([1]), {1, 2}.symmetric_difference([2, 3]))
print({1, 2}.issubset({1, 2, 3}), {1, 2, 3}.issuperset([1]), {1}.isdisjoint({2}), {1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1, 2, 3} > {1})
print(set(), set([3, 3, 1]), set("hello") == {"h", "e", "l", "o"}, frozenset([1, 2]), frozenset(), {frozenset([1]): 1})
t = {10, 20, 30}
print(t.pop(), t)
u = {1, 2}
u |= {3}
u &= {1, 3, 4}
u -= {4}
print(u, {x % 3 for x in range(10)}, {(1, 2), (3, 4)}, {100, 5, 37, 1}, {-1, -2, 0})
u.update([7, 8], {9})
u.intersection_update({1, 7, 8, 9, 100})
u.difference_update([7])
u.symmetric_difference_update({9, 10})
print(u, u.copy(), len({"a", "b", "a"}))
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
print({1: 1} == {1.0: 1}, {1, 2} == frozenset({1, 2}), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
big = set(range(0, 100, 7))
print(big, sorted(big)[:3])
print(dict(sorted({"b": 2, "a": 1}.items())), list(reversed({"x": 1, "y": 2})), max({"a": 3, "b": 5}, key=lambda k: {"a": 3, "b": 5}[k]))
