# expect: limit steps
# Hooks are bound into the compiled code, so rebinding the name changes nothing.
class A:
    ns = __stelp_locals__()
    ns['__stelp_iter__'] = lambda it, line: it
    for i in range(10**9):
        pass
