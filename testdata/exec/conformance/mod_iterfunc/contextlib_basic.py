from contextlib import contextmanager, suppress, nullcontext, closing
@contextmanager
def tag(name):
    print("<" + name + ">")
    yield name.upper()
    print("</" + name + ">")
with tag("p") as t:
    print("inside", t)
with suppress(KeyError, IndexError):
    {}["x"]
print("after suppress")
with nullcontext(5) as v:
    print(v)
class Res:
    def close(self):
        print("closed")
with closing(Res()):
    print("using")
try:
    with tag("q"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")
