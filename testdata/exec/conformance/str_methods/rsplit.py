print("a.b.c".rsplit(".", 1), "a b c".rsplit(maxsplit=1))
