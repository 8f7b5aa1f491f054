class Lazy:
    def __getattr__(self, name):
        return name.upper()
l = Lazy()
print(l.foo, getattr(l, "bar"), hasattr(l, "x"))
