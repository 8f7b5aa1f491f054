try:
    try:
        int("x")
    except ValueError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e), type(e.__cause__).__name__)
