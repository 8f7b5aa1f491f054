print(str(1), repr("x"), ascii("é"), repr(1.0), repr([1]))
