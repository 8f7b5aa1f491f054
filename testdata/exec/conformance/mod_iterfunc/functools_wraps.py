import functools
def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k) * 2
    return wrapper
@deco
def g(x):
    """doc of g"""
    return x + 1
print(g(1), g.__name__, g.__doc__)
