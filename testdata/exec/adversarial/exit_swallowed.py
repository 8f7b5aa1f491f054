# expect: violation builtin
try:
    exit(0)
except BaseException:
    pass
print(open('CANARY').read())
