print("a" == "a", "a" is not None, hash("x") == hash("x"))
