it = iter([1, 2, 3])
print(next(it), next(it), list(it), next(it, "end"))
