import itertools
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3)))
