# expect: violation builtin
g = __stelp_globals__()
g['__stelp_tick__'] = lambda line: True
while True:
    pass
