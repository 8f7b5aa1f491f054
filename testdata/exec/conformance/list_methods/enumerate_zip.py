names = ["a", "b", "c"]
for i, (n, v) in enumerate(zip(names, [10, 20, 30]), start=1):
    print(i, n, v)
print(list(zip([1, 2, 3], "ab")))
