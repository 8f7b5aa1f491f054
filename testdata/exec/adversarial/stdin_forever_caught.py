# expect: limit steps
while True:
    try:
        input()
    except EOFError:
        pass
