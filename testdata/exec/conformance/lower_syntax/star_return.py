def f(xs):
    return *xs, len(xs)
print(f([1, 2]))
for v in *[1, 2], 3:
    print(v)
