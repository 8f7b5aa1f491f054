# expect: violation builtin
__stelp_tick__ = lambda line: True
while True:
    pass
