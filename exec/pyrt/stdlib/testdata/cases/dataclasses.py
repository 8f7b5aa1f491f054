#=== basic
from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(3), Point(x=4, y=5), p == Point(1, 2), p != Point(2, 2))
print(asdict(p), astuple(p), replace(p, y=9), [f.name for f in fields(Point)])
@dataclass
class Inv:
    name: str
    tags: list = field(default_factory=list)
    qty: int = field(default=1, repr=False)
a = Inv("a")
b = Inv("b")
a.tags.append("t")
print(a, b, a.qty)
try:
    Point()
except TypeError as e:
    print("TypeError", e)
#=== order_frozen
from dataclasses import dataclass, FrozenInstanceError
@dataclass(order=True)
class V:
    major: int
    minor: int
print(sorted([V(1, 2), V(0, 9), V(1, 0)]), V(1, 2) < V(1, 3), max(V(2, 0), V(1, 9)))
@dataclass(frozen=True)
class F:
    a: int
    b: str = "x"
f = F(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(f, hash(f) == hash(F(1)), {F(1): 1}[F(1, "x")])
#=== post_init_inherit
from dataclasses import dataclass, field
@dataclass
class Base:
    a: int
    b: int = 2
@dataclass
class Child(Base):
    c: int = 3
    total: int = field(init=False, default=0)
    def __post_init__(self):
        self.total = self.a + self.b + self.c
print(Child(1), Child(1, 5, 7).total)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
n = Node(1, [Node(2), Node(3)])
print(n)
from dataclasses import asdict
print(asdict(n))
try:
    @dataclass
    class Bad:
        xs: list = []
except ValueError as e:
    print("ValueError", e)
