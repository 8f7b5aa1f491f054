class Temp:
    def __init__(self, c): self._c = c
    @property
    def c(self): return self._c
    @c.setter
    def c(self, v):
        if v < -273: raise ValueError("too cold")
        self._c = v
    @property
    def f(self): return self._c * 9 / 5 + 32
t = Temp(10); t.c = 20
print(t.c, t.f)
try: t.c = -300
except ValueError as e: print(e)
try: t.f = 3
except AttributeError as e: print("AttributeError")
class Lazy:
    def __getattr__(self, name): return name.upper()
print(Lazy().foo, getattr(Lazy(), "bar"))
class Count:
    def __init__(self, n): self.n, self.i = n, 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), 2 in Count(3))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.mro()] if False else "", isinstance(D(), C))
class Money:
    def __init__(self, v): self.v = v
    def __add__(self, o): return Money(self.v + (o.v if isinstance(o, Money) else o))
    __radd__ = __add__
    def __iadd__(self, o): self.v += o; return self
    def __neg__(self): return Money(-self.v)
    def __abs__(self): return Money(abs(self.v))
    def __repr__(self): return f"Money({self.v})"
    def __format__(self, spec): return format(self.v, spec) + "$"
    def __bool__(self): return self.v != 0
    def __call__(self, k): return self.v * k
m = Money(5); m += 1
print(sum([Money(1), Money(2)]), -m, abs(Money(-3)), f"{m:>6.2f}", bool(Money(0)), m(3), 10 + m)
class NoHash:
    def __eq__(self, o): return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError", e)
class Base:
    @classmethod
    def make(cls): return cls()
    @staticmethod
    def s(): return "s"
class Sub(Base): pass
print(type(Sub.make()).__name__, Sub.s(), Sub().s())
class WithLen:
    def __len__(self): return 0
print(bool(WithLen()), not WithLen(), len(WithLen()))
class Slotted:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
print(Slotted().a)
class Cls:
    items = []
    def add(self, x): self.items.append(x)
c1, c2 = Cls(), Cls(); c1.add(1)
print(c2.items, Cls.items)
print(str([Money(1)]), repr({"k": Money(2)}), [str(1.5), repr("x")])
