print(list(), list(range(3)), list("ab"), list({1: 2}), list((1, 2)))
