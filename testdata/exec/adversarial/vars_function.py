# expect: violation builtin
def f():
    pass
print(vars(f))
