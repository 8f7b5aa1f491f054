from collections import Counter
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.items()))
