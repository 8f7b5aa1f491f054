a = [1, 2]
b = a
c = [1, 2]
print(a == c, a is b, a is c)
b.append(3)
print(a)
