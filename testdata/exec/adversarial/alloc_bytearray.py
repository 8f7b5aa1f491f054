# expect: limit memory
x = bytearray(10**10)
print(len(x))
