class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y

def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case [x, y, *rest] if x < y:
            return "asc " + str(x) + " " + str(y) + " " + str(rest)
        case (a, b):
            return "pair " + str(a) + str(b)
        case {"k": kv, **others}:
            return "map " + str(kv) + " " + str(len(others))
        case Point(0, yy):
            return "on y axis " + str(yy)
        case Point(x=px, y=0) as pt:
            return "on x axis " + str(px)
        case str() as s:
            return "str " + s
        case int(n) if n < 0:
            return "neg " + str(n)
        case None:
            return "none"
        case _:
            return "other"

for v in [0, 1, [1, 2, 3, 4], [2, 1], {"k": 5, "z": 1}, Point(0, 3), Point(4, 0), "hey", -5, None, 3.5]:
    print(describe(v))

cmd = "go north"
match cmd.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
match 5:
    case 1:
        pass
    case other:
        print("other", other)
