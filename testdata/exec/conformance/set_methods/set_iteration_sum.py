print(sum({1, 2, 3}), max({4, 9, 2}), min(frozenset([5, 3])))
