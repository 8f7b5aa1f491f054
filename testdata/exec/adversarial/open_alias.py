# expect: violation builtin
o = open
print(o('CANARY').read())
