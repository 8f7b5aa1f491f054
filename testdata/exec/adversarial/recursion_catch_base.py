# expect: limit recursion
def f(n):
    try:
        return f(n + 1)
    except BaseException:
        return f(n + 1)
f(0)
