# expect: violation attribute
def f():
    pass
print(hasattr(f, '__code__'))
