from dataclasses import dataclass, field, fields
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = field(default_factory=list)
print([f.name for f in fields(Item)], Item("a"), Item("b", 2.5, ["x"]))
