def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None); return et is KeyError
with CM("a") as a, CM("b"):
    print("body", a.name)
with CM("c"):
    raise KeyError("swallowed")
print("after")
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
for i in range(3):
    if i == 5: break
else:
    print("for-else")
n = 0
while n < 2:
    n += 1
else:
    print("while-else", n)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump(); print(counter)
fs = [lambda: i for i in range(3)]
print([g() for g in fs])
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in g():
    print(v)
x = [1, 2, 3]
it = iter(x)
print(next(it), list(it), next(it, "done"))
try:
    raise ValueError("a", 1)
except (TypeError, ValueError) as e:
    print(e.args, str(e), repr(e))
class E(Exception): pass
try:
    raise E
except Exception as e:
    print(type(e).__name__, repr(e), str(e) == "")
print(*[1, 2], sep="-", end="!\n")
print("a", "b", sep="")
assert True, "no"
try:
    assert 1 == 2, "msg here"
except AssertionError as e:
    print("AE", e)
