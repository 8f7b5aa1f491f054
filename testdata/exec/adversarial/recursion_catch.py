# expect: limit recursion
def f():
    try:
        return f()
    except RecursionError:
        return f()
f()
