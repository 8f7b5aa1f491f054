class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return "y axis " + str(yy)
        case Point(x=xx, y=0):
            return "x axis " + str(xx)
        case Point():
            return "elsewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 3), Point(2, 0), Point(1, 1), 5]:
    print(where(p))
