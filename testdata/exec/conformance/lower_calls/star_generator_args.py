def gen():
    yield 1
    yield 2
def f(*a):
    return a
print(f(*gen(), *range(2), 9), max(*[3, 7], 5))
