def f(*args, **kw):
    return args, sorted(kw.items())
a = [1, 2]
print(f(*a, *a))
print(f(0, *a, 5))
print(f(*a, x=1, **{"y": 2}))
print(f(**{"p": 1}, **{"q": 2}))
print(f(**{"p": 1}, r=3))
print(*a, *a, sep=",")
