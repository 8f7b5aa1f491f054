a = [1, [2]]
b = a.copy()
b[1].append(3)
b.append(4)
print(a, b)
a.clear()
print(a)
