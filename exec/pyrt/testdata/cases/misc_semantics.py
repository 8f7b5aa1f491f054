print("ab" * -1, [1] * -2, "ab" * 0, (1,) * 3, 3 * "x", 2 * [0])
x = 1000000
print(x, 0xff, 0o17, 0b101, 1e3, 1E-2, .5, 5., 10 ** -2)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
print("\x41\u00e9\t|", r"\n", "a\
b", 'it\'s', "tab\\t")
v = [1, 2, 3]
v[1] += 10
v[-1] *= 2
d = {"k": 1}
d["k"] += 5
print(v, d, 1 if v else 2, v and "yes", [] or "empty", None or 0)
i = 0
while i < 3:
    i += 1
    if i == 2:
        continue
    print("i", i)
print(list(enumerate(["a", "b"], 1)), [(i, c) for i, c in enumerate("xy")])
print(sorted(["é", "e", "z", "a", "É"]), max(["apple", "Apple"]), "a" < "B", "é" > "z")
def g():
    yield 1
try:
    a, b = g()
except ValueError as e:
    print(e)
try:
    a, b = iter([1, 2, 3])
except ValueError as e:
    print(e)
