# expect: violation builtin
with open('CANARY') as f:
    print(f.read())
