print(all([]), any([]), all([1, 2]), any([0, 0, 3]), all(x > 0 for x in [1, -1]))
