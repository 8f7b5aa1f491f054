g = lambda a: (b := a + 1) * b
print(g(3), g(0))
