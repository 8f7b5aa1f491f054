import functools
class Reg:
    def __init__(self):
        self.items = []
    def add(self, f):
        self.items.append(f.__name__)
        return f
reg = Reg()
@reg.add
def one():
    return 1
@functools.lru_cache(maxsize=None)
def two():
    return 2
print(reg.items, one(), two())
