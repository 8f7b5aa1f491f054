def f(a, b, /, c, *, d=4):
    return a + b + c + d
print(f(1, 2, 3), f(1, 2, c=3, d=0))
