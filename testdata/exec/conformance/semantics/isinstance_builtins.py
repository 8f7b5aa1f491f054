print(isinstance(True, int), isinstance(1, float), isinstance("s", str), isinstance([], (list, tuple)), isinstance(None, type(None)))
