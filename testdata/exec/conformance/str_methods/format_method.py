print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{name}!".format(name="n"), "{:>5}|{:.2f}".format("r", 3.14159))
print("{0[1]} {p.real}".format([5, 6], p=3))
print("{!r:^9}".format("q"))
