import operator
print(list(map(operator.methodcaller("upper"), ["a", "b"])), operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.contains([1], 1))
