class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, o):
        return abs(self) < abs(o)
v = Vec(3, 4)
print(v, v + Vec(1, 1), v - Vec(1, 1), v * 2, 3 * v, -v, abs(v), v == Vec(3, 4), v != Vec(3, 4), len(v), v[0], list(v), bool(Vec(0, 0)))
print({v: 1}[Vec(3, 4)], v in [Vec(3, 4)], sorted([Vec(5, 5), Vec(1, 0)]), max([Vec(1, 1), Vec(0, 3)]), Vec(1, 2) in {Vec(1, 2)})
x, y = v
print(x, y, str(v), "%s" % v, "{}".format(v), [v])
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, Plain.__name__, type(p).__name__, type(p) is Plain, isinstance(p, object))
try:
    p < q
except TypeError as e:
    print("TypeError", e)
try:
    len(p)
except TypeError as e:
    print("TypeError", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
class Animal:
    sound = "..."
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def kind():
        return "animal"
    @property
    def upper(self):
        return self.name.upper()
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks=()):
        super(Dog, self).__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        return super(Dog, self).speak() + "!"
d = Dog.create("rex")
print(d.speak(), Dog.kind(), d.kind(), d.upper, Animal.count, Dog.count, Dog.sound, d.sound, type(d).__name__, d.tricks)
print(isinstance(d, Animal), isinstance(d, Dog), isinstance(d, (int, Dog)), issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (str, Animal)), issubclass(bool, int))
print(Dog.__mro__ == (Dog, Animal, object), Dog.__bases__ == (Animal,), Dog.__name__, hasattr(d, "name"), hasattr(d, "nope"), getattr(d, "nope", 42))
setattr(d, "age", 3)
print(d.age, d.__dict__, vars if False else sorted(d.__dict__))
delattr(d, "age")
print(hasattr(d, "age"))
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @c.deleter
    def c(self):
        print("deleting")
        self._c = None
t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print("ValueError", e)
del t.c
print(t.c)
class RO:
    @property
    def x(self):
        return 1
try:
    RO().x = 2
except AttributeError as e:
    print("AttributeError", e)
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
c = Counter()
c()
print(c(5), callable(c), callable(Plain()), callable(len), callable(Counter))
class Base:
    def __init__(self):
        self.log = ["base"]
class Mixin:
    def hello(self):
        return "mixin"
class Multi(Mixin, Base):
    def __init__(self):
        super(Multi, self).__init__()
        self.log.append("multi")
mm = Multi()
print(mm.log, mm.hello(), [k.__name__ for k in Multi.__mro__])
class Lazy:
    def __getattr__(self, name):
        return "computed_" + name
print(Lazy().foo, getattr(Lazy(), "bar"))
class Stack:
    def __init__(self):
        self.items = []
    def __contains__(self, x):
        return x in self.items
    def __setitem__(self, i, v):
        self.items.insert(i, v)
    def __delitem__(self, i):
        del self.items[i]
s = Stack()
s[0] = "a"
s[0] = "b"
del s[1]
print("b" in s, "a" in s, s.items)
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __index__(self): return self.v
    def __int__(self): return self.v
    def __float__(self): return float(self.v)
    def __repr__(self): return "Num(%d)" % self.v
print(sum([Num(1), Num(2)]), 5 + Num(1), [1, 2, 3][Num(1)], int(Num(7)), float(Num(2)), hex(Num(255)), bin(Num(3)))
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super(Singleton, cls).__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class Cmp:
    def __init__(self, v): self.v = v
    def __le__(self, o): return self.v <= o.v
    def __gt__(self, o): return self.v > o.v
print(Cmp(1) <= Cmp(2), Cmp(3) > Cmp(2), Cmp(1) >= Cmp(2), Cmp(1) < Cmp(2))
print(repr(Plain)[:20], str(Dog), type(3), type("s"), type(None), type([]), type({}), type(set()), type(len) if False else "")
