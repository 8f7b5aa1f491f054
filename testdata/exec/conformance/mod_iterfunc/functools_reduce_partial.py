import functools
import operator
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [1, 2, 3], 10))
p = functools.partial(int, base=2)
print(p("1010"), functools.partial(pow, 2)(5))
