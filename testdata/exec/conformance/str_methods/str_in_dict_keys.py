d = {}
for w in "the cat the hat".split():
    d[w] = d.get(w, 0) + 1
print(d)
