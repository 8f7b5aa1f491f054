import copy
a = [[1, 2], [3]]
b = copy.deepcopy(a)
b[0].append(9)
print(a, b)
