# expect: violation attribute
def f():
    pass
print(object.__getattribute__(f, '__globals__'))
