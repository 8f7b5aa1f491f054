a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
del a[::2]
print(a)
a[::-1] = a[:]
print(a)
