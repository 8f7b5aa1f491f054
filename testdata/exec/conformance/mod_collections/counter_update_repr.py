from collections import Counter
c = Counter()
for w in "the cat and the hat".split():
    c[w] += 1
c.update(["cat"])
print(c)
print(c.most_common())
