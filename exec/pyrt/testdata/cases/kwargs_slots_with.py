def f(*args, **kw):
    print(args, kw, isinstance(kw, dict), list(kw.items()))
    for k in kw:
        print(k, kw[k])
    return kw
f(1, zeta=1, alpha=2, mid=3)
d = {"b": 1, "a": 2}
f(**d)
f(x=1, **d)
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with CM() as c:
    print("body", type(c).__name__)
    raise ValueError("suppressed")
print("after")
print(dict(b=1, a=2))
