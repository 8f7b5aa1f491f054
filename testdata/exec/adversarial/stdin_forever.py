# expect: error EOFError
# stdin: a
while True:
    input()
