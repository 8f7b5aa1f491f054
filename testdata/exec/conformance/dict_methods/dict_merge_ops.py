a = {"x": 1}
b = {"y": 2, "x": 0}
print(a | b, b | a)
a |= b
print(a)
