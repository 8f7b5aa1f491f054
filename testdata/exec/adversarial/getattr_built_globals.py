# expect: violation attribute
def f():
    pass
g = getattr(f, '__glo' + 'bals__')
print(g)
