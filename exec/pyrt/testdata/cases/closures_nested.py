def outer(x):
    def mid(y):
        z = x + y
        def inner():
            return y + x + z
        return inner()
    return mid(10)
print(outer(1))
def deco(tag):
    def wrap(fn):
        def inner(*a):
            return tag + str(fn(*a))
        return inner
    return wrap
@deco("T:")
def f(v): return v * 2
print(f(4))
def make():
    total = 0
    def add(n):
        nonlocal total
        total += n
        def show():
            return total
        return show()
    return add
a = make()
a(2)
print(a(3))
def amb(p):
    def mid(q):
        r = p
        s = q
        def inner():
            return p + q
        return inner() + r + s
    return mid(5)
print(amb(1))
