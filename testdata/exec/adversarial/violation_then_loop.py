# expect: violation builtin
try:
    eval('1')
except BaseException:
    while True:
        print(open('CANARY').read())
