#=== enum_basic
from enum import Enum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"])
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), isinstance(Color.RED, Color))
print({Color.RED: "r"}[Color.RED], Color.__members__["GREEN"], "%s" % Color.BLUE)
try:
    Color(7)
except ValueError as e:
    print("ValueError", e)
class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()
print(Shape.CIRCLE.value, Shape.SQUARE.value)
#=== intenum
from enum import IntEnum
class P(IntEnum):
    LOW = 1
    HIGH = 3
print(P.LOW, repr(P.HIGH), P.LOW < P.HIGH, P.HIGH == 3, P.LOW + 1, sorted([P.HIGH, P.LOW]), int(P.HIGH))
