def make_adder(n):
    def add(x):
        return x + n
    return add
print(make_adder(3)(4), [make_adder(i)(1) for i in range(3)])
def outer(a, b=2, *args, **kw):
    def mid(c):
        def inner():
            return a + b + c + len(args) + len(kw)
        return inner
    return mid(10)()
print(outer(1), outer(1, 1, 5, 6, k=1))
def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter()
c(); c()
print(c())
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name, punct="!"):
    return "hi " + name + punct
print(hello("bob"), hello("al", punct="?"))
fs = [lambda x, i=i: x * i for i in range(3)]
print([f(2) for f in fs])
def gen_squares(n):
    for i in range(n):
        yield i * i
print(list(gen_squares(4)), sum(gen_squares(4)), max(gen_squares(4)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
calls = [0]
def tick():
    calls[0] += 1
    return calls[0]
print(list(iter(tick, 4)))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({"b": 1, "a": 2}), sorted([1, 2, 3], key=lambda v: -v))
print(min(4, 2, 8), max("apple", "fig", key=len), min([(2, "b"), (1, "z")]), max([], default=0), min([5], key=lambda x: x))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
print(abs(-5), divmod(17, 5), pow(2, 8), pow(2, 8, 10), round(3.14159, 2), round(7), hash("a") == hash("a"), id(c) == id(c))
print(isinstance("s", str), isinstance(3, (str, int)), isinstance([], list), isinstance({}, dict), isinstance(set(), set), isinstance((), tuple), isinstance(None, type(None)))
print(list(zip()), list(zip([1, 2, 3], [4, 5])), dict(enumerate("xy")), list(map(str, [1, 2])), list(map(pow, [2, 3], [2, 2])))
print(repr("x"), ascii("é"), format(0.5, ".1%"), chr(9731) == "\u2603", ord("\n"), bin(5)[2:], int("101", 2))
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type(()).__name__, type({}).__name__, type(True).__name__, type(None).__name__)
print(str(b"ab"), bytes([65, 66]), b"abc"[0], list(b"hi"), len(b"xyz"), b"a" + b"b")
print(getattr([], "append") is not None, hasattr("s", "upper"), callable(print), callable(1))
s = slice(1, 5, 2)
print([0, 1, 2, 3, 4, 5][s], s.start, s.stop, s.step)
print(dir(make_adder)[:0], sorted(set(dir([])) & {"append", "pop"}))
print(object() != object(), type(object()).__name__, NotImplemented, Ellipsis, ...)
Point = type("Point", (), {"x": 1, "desc": lambda self: "pt"})
pt = Point()
print(Point.__name__, pt.x, pt.desc(), isinstance(pt, Point))
print(all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]), sum(1 for _ in range(10)), sum([0.5, 0.25], 1))
print(list(filter(lambda x: x % 2, range(6))), list(map(lambda x: x * 2, filter(lambda x: x > 1, [1, 2, 3]))))
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("no")
for i in range(2):
    pass
else:
    print("for-else", i)
print(n, (lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3))
print(eval("1") if False else "", [i for i in range(10) if i % 3 == 0][-1], {i: i for i in "ab"})
