f = lambda v: v * 2
print(f"{(lambda v: v + 1)(2)} {f(3)}")
