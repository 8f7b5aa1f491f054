from contextlib import contextmanager

@contextmanager
def managed(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("handled", e)
    finally:
        print("cleanup", name)

with managed("a") as v:
    print("body", v)
with managed("b"):
    raise ValueError("boom")
try:
    with managed("c"):
        raise KeyError("k")
except KeyError as e:
    print("outer got", repr(e))

def counter():
    n = 0
    try:
        while True:
            try:
                n += 1
                yield n
            except ZeroDivisionError:
                print("reset at", n)
                n = 0
    finally:
        print("closed at", n)

c = counter()
print(next(c), next(c), next(c))
print(c.throw(ZeroDivisionError))
print(next(c))
c.close()
print(list(c))
c.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def inner():
    try:
        yield "i1"
        yield "i2"
    finally:
        print("inner cleanup")
    return "inner-result"

def outer():
    try:
        r = yield from inner()
        print("got", r)
        yield "o1"
    except ValueError as e:
        print("outer caught", e)
        yield "after-catch"

o = outer()
print(next(o))
print(o.throw(ValueError("x")))
print(list(o))

def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("caught", type(e).__name__, e)
            return "done"

k = catcher()
next(k)
try:
    k.throw(TypeError, "bad")
except StopIteration as e:
    print("stop", e.value)

def unstarted():
    try:
        yield 1
    finally:
        print("never printed")
u = unstarted()
u.close()
print(list(u))
u2 = unstarted()
try:
    u2.throw(ValueError("early"))
except ValueError as e:
    print("early", e)
