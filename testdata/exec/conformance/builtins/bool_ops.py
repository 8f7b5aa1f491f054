print(True + True, True and 0, None or "d", not [], 0 or [] or "x", 1 and 2 and 3)
