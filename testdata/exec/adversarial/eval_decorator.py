# expect: violation builtin
@eval
def f():
    pass
