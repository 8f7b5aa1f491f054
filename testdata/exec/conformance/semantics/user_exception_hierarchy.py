class Base(Exception): pass
class Child(Base): pass
try:
    raise Child("c")
except Base as e:
    print("caught as Base:", type(e).__name__, e)
try:
    try:
        raise ValueError("v")
    except Child:
        print("wrong")
except ValueError as e:
    print("outer", e)
