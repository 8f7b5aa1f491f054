print(isinstance(1, (str, int)), isinstance("x", (list, dict)))
