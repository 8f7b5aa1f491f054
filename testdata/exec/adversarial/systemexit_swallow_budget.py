# expect: limit steps
while True:
    try:
        raise SystemExit(0)
    except SystemExit:
        pass
