from dataclasses import dataclass, field
@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    count: int = 0
a = Inv("a")
b = Inv("b")
a.items.append(1)
print(a, b)
