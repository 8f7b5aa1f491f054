def f(**kw):
    return list(kw)
d = {"b": 1, "a": 2, "c": 3}
print(f(**d), f(z=0, **d), f(**d, y=9), f(**{**d, "a": 5}))
print(dict(**d), dict(zeta=1, alpha=2, mid=3))
