def sub():
    yield 1
    yield 2
    return "sub-result"
def main():
    r = yield from sub()
    print("got", r)
    yield 3
print(list(main()))
def g():
    yield 1
    return 42
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
def plain():
    yield from [1, 2]
    return None
print(list(plain()))
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
a = acc()
next(a)
a.send(5)
a.send(10)
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
