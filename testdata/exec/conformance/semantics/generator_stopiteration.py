def g():
    yield 1
    yield 2
it = g()
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("stop")
