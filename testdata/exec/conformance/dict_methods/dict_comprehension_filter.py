words = ["apple", "bob", "kayak", "level", "xyz"]
pal = {w: len(w) for w in words if w == w[::-1]}
print(pal)
