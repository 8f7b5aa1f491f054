from dataclasses import dataclass, field
from typing import List, Optional
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, o): return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __bool__(self): return bool(self.x or self.y)
v = Vec(1, 2)
print(v + v, 3 * v, v * 2, v == Vec(1, 2), len({v, Vec(1, 2)}), sorted([Vec(2, 0), v]), list(v), v[1], bool(Vec(0, 0)), max(Vec(0, 5), v), sum([1, 2], 10))
class Animal:
    count = 0
    def __init__(self, name): self.name = name; Animal.count += 1
    def speak(self): return f"{self.name} makes {self.sound()}"
    def sound(self): raise NotImplementedError
    @classmethod
    def create(cls, n): return cls(n)
    @staticmethod
    def kind(): return "animal"
    @property
    def upper(self): return self.name.upper()
    def __str__(self): return f"<{type(self).__name__} {self.name}>"
class Dog(Animal):
    def sound(self): return "woof"
    def speak(self): return super().speak() + "!"
d = Dog.create("rex")
print(d.speak(), d.upper, Animal.kind(), str(d), Animal.count, isinstance(d, Animal), issubclass(Dog, Animal), type(d).__name__, Dog.__name__, hasattr(d, "name"), getattr(d, "zz", None))
try:
    Animal("x").speak()
except NotImplementedError as e:
    print("NIE", repr(e), type(e).__name__)
class MyErr(ValueError):
    def __init__(self, msg, code): super().__init__(msg); self.code = code
try:
    try:
        raise MyErr("bad", 7)
    except ValueError as e:
        print("caught", e, e.code, e.args)
        raise
    finally:
        print("finally")
except MyErr as e:
    print("outer", str(e))
def gen(n):
    for i in range(n):
        x = yield i
        if x: print("sent", x)
    return "done"
g = gen(3); print(next(g), g.send("hi"), list(g))
def squares(): yield from (i * i for i in range(4))
print(list(squares()), sum(x for x in range(5) if x % 2))
@dataclass(order=True)
class Item:
    price: float
    name: str = "?"
    tags: List[str] = field(default_factory=list)
    note: Optional[str] = None
a, b = Item(2.5, "a"), Item(1.0, "b", ["t"])
print(a, sorted([a, b]), a == Item(2.5, "a"), b.tags)
x = [1, 2, 3]
first, *rest = x
(p, q), r = (1, 2), 3
print(first, rest, p, q, r, x[-1], x[5:], x[-10:2])
def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), (lambda *a, **k: (a, k))(1, x=2))
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
i = outer(); i(); print(i(), [fn() for fn in [lambda k=k: k for k in range(3)]])
print(type(None).__name__, type(1.0), isinstance(True, int), 1 == 1.0, {1: "a", 1.0: "b"}, 0.1 * 3, 3 * "ab", [1] == [1.0], (1, 2) < (1, 3), "a" < "b" < "c", None is None)
