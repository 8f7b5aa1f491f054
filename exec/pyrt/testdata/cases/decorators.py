import functools
def log(prefix="LOG"):
    def deco(fn):
        @functools.wraps(fn)
        def inner(*a, **k):
            r = fn(*a, **k)
            print(prefix, fn.__name__, a, sorted(k.items()), "->", r)
            return r
        return inner
    return deco
@log()
def add(a, b=10, *rest, scale=1):
    return (a + b + sum(rest)) * scale
add(1)
add(1, 2, 3, scale=2)
@log("TRACE")
def greet(name="world"):
    return "hi " + name
greet()
greet(name="bob")
print(add.__name__, greet.__name__)
class K:
    @staticmethod
    @log("S")
    def s(x=1, y=2):
        return x * y
    @classmethod
    def c(cls, v=3):
        return cls.__name__ + str(v)
    @property
    def p(self, _d=5):
        return _d
print(K.s(), K.s(4), K().s(y=5), K.c(), K().c(7), K().p)
def outer(n):
    def mid(m=2):
        def inner(k=3):
            return n * m * k
        return inner
    return mid
print(outer(2)()(), outer(2)(5)(7))
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def counter(start=0, step=1):
    count = start
    def nxt(times=1):
        nonlocal count
        for _ in range(times):
            count += step
        return count
    return nxt
c = counter(10, 5)
print(c(), c(2), counter()(3))
