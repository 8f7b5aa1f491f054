people = [("ann", 30), ("bob", 25), ("cy", 30)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
