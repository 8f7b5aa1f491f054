# expect: violation attribute
b = __builtins__
print(b)
