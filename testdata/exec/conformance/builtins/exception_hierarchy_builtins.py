for exc in [KeyError, IndexError, ZeroDivisionError, FileNotFoundError, StopIteration]:
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:]])
