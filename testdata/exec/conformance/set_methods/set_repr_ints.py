print({1, 2, 3}, set(), {5})
print(set([3, 1, 2]))
