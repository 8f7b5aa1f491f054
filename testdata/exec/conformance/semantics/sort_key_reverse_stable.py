data = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(data, key=lambda x: x[0], reverse=True))
