class P:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return "P(" + str(self.x) + ")"
    def __repr__(self):
        return "<P " + str(self.x) + ">"
p = P(3)
print(f"{p} {p!r} {p.x}")
print(f"{[p]}")
