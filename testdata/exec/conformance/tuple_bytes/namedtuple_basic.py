from collections import namedtuple
P = namedtuple("P", ["x", "y"])
p = P(1, y=2)
print(p, p.x + p.y, p[0], p._asdict(), p._replace(x=5), P._fields)
x, y = p
print(x, y, len(p), tuple(p))
