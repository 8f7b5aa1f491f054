first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
a, (b, *c) = 1, [2, 3, 4]
print(first, rest, init, last, a, b, c)
