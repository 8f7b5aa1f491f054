print(None, True, 3.0, [None], (1,), {"a": None}, 1e100, -0.0)
