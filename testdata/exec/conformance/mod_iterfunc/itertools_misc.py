import itertools
print(list(itertools.zip_longest("ab", [1], fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.pairwise([1, 2, 3])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), [list(t) for t in itertools.tee([1, 2], 2)])
