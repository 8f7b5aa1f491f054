# expect: limit
# A structure nested deeper than any stack: building it is bounded by steps, printing it by the interpreter stack.
a = []
for i in range(50000):
    a = [a]
print(repr(a)[:10])
