# expect: violation builtin
g = globals()
print(g['__builtins__'])
