print(len("abc"), len([1]), len({1: 2}), len(set()), len(range(10)), len((1, 2)), len(b"ab"))
