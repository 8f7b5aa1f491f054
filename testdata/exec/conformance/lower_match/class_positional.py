class Vec:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def f(v):
    match v:
        case Vec(0, 0):
            return "zero"
        case Vec(x, 0):
            return "horizontal " + str(x)
        case Vec(x, y) if x == y:
            return "diagonal " + str(x)
        case Vec(x, y):
            return "vec " + str(x) + " " + str(y)
for v in [Vec(0, 0), Vec(3, 0), Vec(2, 2), Vec(1, 5)]:
    print(f(v))
