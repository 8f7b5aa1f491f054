# expect: limit steps
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
