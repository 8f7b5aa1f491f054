# expect: violation attribute
def f():
    return 1
c = f.__code__
print(c.co_code)
