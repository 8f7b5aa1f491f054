a = [1, 2]
b = (3, 4)
print([*a, *b], [0, *a, 9])
print((*a, *b), (*a,))
print({*a, *b} == {1, 2, 3, 4})
