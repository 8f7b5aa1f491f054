from dataclasses import dataclass, asdict, astuple
@dataclass
class R:
    w: float
    h: float
    def __post_init__(self):
        self.area = self.w * self.h
r = R(2, 3)
print(r.area, asdict(r), astuple(r))
