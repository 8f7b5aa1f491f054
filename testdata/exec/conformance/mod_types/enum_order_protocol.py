from enum import Enum, IntEnum, auto, Flag
class S(Enum):
    B = 2
    A = 1
    C = "x"
    def describe(self):
        return f"{self.name}={self.value!r}"
print(list(S), len(S), S.A in S, S(2), S["C"], [m.describe() for m in S], S.B < S.A if False else "", S.A == 1)
class Planet(Enum):
    MERCURY = (3.3e23, 2.4e6)
    VENUS = (4.8e24, 6.0e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print([p.name for p in Planet], Planet.VENUS.mass)
class Color(Enum):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
print(list(Color), Color.BLUE.value, {c: c.value for c in Color})
class Pri(IntEnum):
    HIGH = 3
    LOW = 1
print(sorted(Pri), Pri.HIGH > Pri.LOW, Pri.HIGH + 1, list(Pri))
try:
    S(9)
except ValueError as e:
    print(e)
for name, member in S.__members__.items():
    print(name, member)
class K:
    z = 1
    a = 2
    def m(self): pass
print([n for n in dir(K) if not n.startswith("_")])
