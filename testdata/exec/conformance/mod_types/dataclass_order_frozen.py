from dataclasses import dataclass
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int
vs = [Ver(1, 2), Ver(0, 9), Ver(1, 0)]
print(sorted(vs), Ver(1, 0) < Ver(1, 1), hash(Ver(1, 0)) == hash(Ver(1, 0)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__)
