a = [1]
a.append(2)
a.extend([3, 4])
a.insert(0, 0)
a.insert(100, 9)
a.insert(-1, 8)
print(a)
