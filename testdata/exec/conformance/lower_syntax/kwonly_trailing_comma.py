def f(
    a,
    b=2,
    *args,
    c=3,
    **kw,
):
    return a + b + c + len(args) + len(kw)
print(f(1, 2, 3, 4, c=5, z=6))
