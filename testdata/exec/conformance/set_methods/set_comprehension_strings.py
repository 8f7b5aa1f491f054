words = ["Apple", "apple", "BANANA", "banana"]
print(sorted({w.lower() for w in words}))
