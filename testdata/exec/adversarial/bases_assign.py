# expect: violation attribute
# A class's bases are readable, never writable.
class A:
    pass
A.__bases__ = (dict,)
print(A.__bases__)
