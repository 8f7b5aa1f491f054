from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p._replace(y=0), Point._make([5, 6]), p._asdict(), p == (3, 4))
