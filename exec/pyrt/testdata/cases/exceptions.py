class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super(NotFound, self).__init__("missing: %s" % key)
        self.key = key
try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception), repr(e))
try:
    raise AppError("a", 1)
except NotFound:
    print("wrong")
except AppError as e:
    print("AppError", e, e.args)
try:
    raise AppError
except AppError as e:
    print("class raised", repr(e), str(e) == "")
for exc in (ValueError("v"), KeyError("k"), IndexError("i"), ZeroDivisionError("z"), TypeError("t")):
    try:
        raise exc
    except (LookupError, ArithmeticError) as e:
        print("lookup/arith", type(e).__name__, e)
    except Exception as e:
        print("other", type(e).__name__, e)
def f():
    try:
        return 1 / 0
    finally:
        print("finally runs")
try:
    f()
except ZeroDivisionError as e:
    print("caught", e)
try:
    try:
        [][1]
    except IndexError:
        raise ValueError("converted")
except ValueError as e:
    print(e)
try:
    {}["x"]
except KeyError as e:
    print(repr(e), str(e), e.args)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr()
except WithStr as e:
    print(e, "%s" % e)
def gen():
    yield 1
    yield 2
    raise RuntimeError("boom in gen")
out = []
try:
    for x in gen():
        out.append(x)
except RuntimeError as e:
    print("propagated:", e, out)
try:
    list(gen())
except RuntimeError as e:
    print("list propagated:", e)
try:
    print(sum(x for x in gen()))
except RuntimeError as e:
    print("sum propagated:", e)
try:
    print([x for x in gen()])
except RuntimeError as e:
    print("comprehension propagated:", e)
def g2():
    yield 1
    return "done"
it = g2()
print(next(it), next(it, "default"))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), [x * 2 for x in It()], sum(It()), sorted(It(), reverse=True))
try:
    raise ValueError("multi", 2)
except ValueError as e:
    print(e, e.args[1])
try:
    assert 1 == 2, "assert msg"
except AssertionError as e:
    print("AssertionError", e)
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(NotFound, Exception), issubclass(StopIteration, Exception))
try:
    raise NotImplementedError("later")
except RuntimeError as e:
    print("NotImplementedError is RuntimeError", e)
e = ValueError("x")
print(repr(e), str(e), repr(Exception()), repr(KeyError("a", "b")))
