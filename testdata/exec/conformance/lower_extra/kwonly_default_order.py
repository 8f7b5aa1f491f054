def f(*, a, b=2, c, d=4):
    return a, b, c, d
print(f(a=1, c=3), f(c=0, a=9, d=1))
g = lambda *, x, y=5: x + y
print(g(x=1))
