print(sum([1, 2, 3]), sum([1.5, 2]), sum([[1], [2]], []), min([3, 1]), max("abc"), max([1, 5, 3], key=lambda x: -x), min([], default=None))
