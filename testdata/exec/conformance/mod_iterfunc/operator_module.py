import operator
print(operator.add(1, 2), operator.mul(3, 4), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("abc"), operator.attrgetter("real")(3))
print(sorted([("a", 2), ("b", 1)], key=operator.itemgetter(1)), operator.neg(5), operator.not_(0))
