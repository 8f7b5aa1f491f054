try:
    try:
        [][0]
    except IndexError:
        raise ValueError("second")
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__)
try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("wrapped") from k
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
try:
    raise TypeError("plain")
except TypeError as e:
    print(e.__context__)
def f():
    try:
        raise KeyError("a")
    except KeyError:
        pass
    raise IndexError("b")
try:
    f()
except IndexError as e:
    print(repr(e.__context__))
