# expect: error KeyError
# The frame namespace helper gives a program only its own globals (no __builtins__ in them).
g = __stelp_globals__()
print(sorted(k for k in g if k.startswith("__")))
print(g["__builtins__"])
