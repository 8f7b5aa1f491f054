def f():
    """Doc here."""
def g(): pass
def h():
    x = 1
    "not a doc"
class C:
    """Class doc."""
    def m(self):
        "method doc"
print(f.__doc__, g.__doc__, h.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__)
g.__doc__ = "set"
print(g.__doc__)
print(C().m.__name__, C().m.__qualname__, [].append.__name__)
