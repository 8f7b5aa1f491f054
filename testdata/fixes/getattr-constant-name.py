# run: the original and the fixed program print the same
"""Reads attributes through getattr with constant names."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(getattr(p, "x"), getattr(p, 'y'))
print(getattr(p, "norm2")())
print(getattr(3 + 4j, "real"), getattr(p, "z", "default"))
