def gen():
    for i in range(3):
        print("yield", i)
        yield i
g = (x * 10 for x in gen())
print("created")
print(next(g), list(g))
