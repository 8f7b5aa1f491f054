from dataclasses import dataclass, field, FrozenInstanceError, replace, asdict
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
    tags: tuple = field(default=())
p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), {p, Point(1, 2)}, p == Point(1, 2))
for attempt in ("x", "z"):
    try:
        setattr(p, attempt, 9)
    except FrozenInstanceError as e:
        print("frozen:", e)
try:
    del p.y
except FrozenInstanceError as e:
    print("frozen:", e)
q = replace(p, y=5)
print(q, asdict(q), p)
