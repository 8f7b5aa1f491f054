rows = [("name", "qty"), ("apple", "3"), ("fig", "12")]
for a, b in rows:
    print(a.ljust(8) + "|" + b.rjust(4))
