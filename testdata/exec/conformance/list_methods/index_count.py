a = [3, 1, 3, 2]
print(a.index(3), a.index(3, 1), a.count(3), a.count(7))
