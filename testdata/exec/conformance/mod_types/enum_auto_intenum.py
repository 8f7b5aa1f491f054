from enum import Enum, IntEnum, auto
class S(Enum):
    A = auto()
    B = auto()
class P(IntEnum):
    LOW = 1
    HIGH = 2
print(S.A.value, S.B.value, P.LOW < P.HIGH, P.HIGH + 1, sorted([P.HIGH, P.LOW]))
