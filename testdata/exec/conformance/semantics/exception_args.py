try:
    raise ValueError("bad", 3)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise KeyError("k")
except LookupError as e:
    print(type(e).__name__, e)
