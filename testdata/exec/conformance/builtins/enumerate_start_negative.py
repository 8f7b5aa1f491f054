for i, v in enumerate("ab", -1):
    print(i, v)
