# expect: violation builtin
# vars() with no argument is locals(): denied.
def f():
    secret = 1
    return vars()
print(f())
