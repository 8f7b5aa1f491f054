a = [0, 1, 2, 3, 4]
del a[1]
del a[-1]
print(a)
