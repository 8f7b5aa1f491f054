import functools
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(cmp)), sorted(["b", "aa", "c"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))
