# expect: limit steps
# Same at module level, where locals are the module namespace.
ns = __stelp_locals__()
ns['__stelp_tick__'] = lambda line: True
while True:
    pass
