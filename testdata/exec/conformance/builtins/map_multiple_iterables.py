print(list(map(pow, [2, 3], [3, 2])), list(map(max, [1, 5], [4, 2])))
