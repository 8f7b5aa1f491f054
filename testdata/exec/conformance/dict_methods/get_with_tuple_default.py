d = {}
print(d.get((1, 2), "none"), d.get(None, []))
