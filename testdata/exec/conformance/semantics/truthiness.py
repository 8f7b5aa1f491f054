for v in [0, 1, "", "a", [], [0], {}, None, 0.0, ()]:
    print(repr(v), bool(v))
