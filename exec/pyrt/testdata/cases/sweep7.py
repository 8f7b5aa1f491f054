class Base:
    registry = []
    def __init__(self, name):
        self.name = name
        Base.registry.append(name)
    @classmethod
    def make(cls, *names):
        return [cls(n) for n in names]
    def describe(self):
        return "%s:%s" % (self.__class__.__name__, self.name)
class Child(Base):
    @classmethod
    def make(cls, *names):
        items = super(Child, cls).make(*names)
        return items[::-1]
    @property
    def upper(self):
        return self.name.upper()
print([c.describe() for c in Child.make("a", "b")], Base.registry, Child.registry is Base.registry)
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount == other.amount
    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount < other.amount
    def __iadd__(self, other):
        self.amount += other.amount if isinstance(other, Money) else other
        return self
    def __repr__(self):
        return "Money(%s)" % self.amount
    __hash__ = None
m = Money(5)
m += Money(3)
m += 2
print(m, m == Money(10), m == 10, m != 10, sorted([Money(3), Money(1)]))
try:
    hash(m)
except TypeError as e:
    print("TypeError", e)
try:
    Money(1) < 5
except TypeError as e:
    print("TypeError", e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 10
    def __len__(self):
        return self.n
    def __reversed__(self):
        return iter([self[i] for i in range(self.n - 1, -1, -1)])
s = Seq(4)
print(list(s), s[1:3], s[::-1], s[-1], 20 in s, list(reversed(s)), len(s), bool(Seq(0)))
class Empty:
    def __bool__(self):
        return False
print("truthy" if Empty() else "falsy", not Empty(), bool(Empty()), [x for x in [Empty(), 1] if x])
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "F"
        return format(self.c, spec) + "C"
t = Temp(21.5)
print("{:.1F} {:.2f} {}".format(t, t, t), format(t, ".0F"))
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(x=%r, y=%r)" % (self.x, self.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(1, 2) in pts, sorted(pts, key=lambda p: (p.x, p.y)), {Point(0, 0): "origin"})
print(vars(Point(3, 4)) if False else Point(3, 4).__dict__, getattr(Point(5, 6), "y"), Point.__name__)
class Meta:
    count = 0
    def __init__(self):
        type(self).count += 1
class Sub(Meta):
    pass
Sub(); Sub(); Meta()
print(Meta.count, Sub.count)
class WithClassVar:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = WithClassVar(), WithClassVar()
a.add(1); b.add(2)
print(a.items, b.items, WithClassVar.items)
class Str:
    def __str__(self):
        return "S"
    def __repr__(self):
        return "R"
print(Str(), [Str()], str(Str()), repr(Str()), "%s %r" % (Str(), Str()), "{} {!r}".format(Str(), Str()), (Str(),))
