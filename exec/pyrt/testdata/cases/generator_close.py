def g():
    yield 1
    yield 2
it = g()
print(next(it))
it.close()
print(list(it), next(it, "done"))
it2 = g()
print(next(it2))
try:
    it2.throw(ValueError("x"))
except ValueError as e:
    print("thrown", e)
print(list(it2))
