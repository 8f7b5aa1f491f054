def f():
    g = globals()
    g["zz"] = 5
f()
print(zz)
def h(a, *args, k=1, **kw):
    return kw
print(h(1, 2, k=3, y=1, x=2))
def q(**opts):
    inner = dict(opts)
    return list(opts.items()), inner
print(q(b=2, a=1))
