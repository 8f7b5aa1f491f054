print(getattr("abc", "upper")(), getattr([], "nope", 42))
