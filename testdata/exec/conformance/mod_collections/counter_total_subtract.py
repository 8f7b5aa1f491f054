from collections import Counter
c = Counter([1, 1, 2])
c.subtract([1, 3])
print(c, c.total())
