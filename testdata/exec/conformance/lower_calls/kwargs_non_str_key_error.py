def f(**kw):
    return kw
try:
    f(**{1: "x"})
except TypeError as e:
    print("TypeError")
try:
    f(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError dup")
