# expect: limit steps
try:
    while True:
        pass
finally:
    print('escaped')
    while True:
        pass
