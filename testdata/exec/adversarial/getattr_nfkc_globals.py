# expect: violation attribute
def f():
    pass
print(getattr(f, '__ｇlobals__'))
