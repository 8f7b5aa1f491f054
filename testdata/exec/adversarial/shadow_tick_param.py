# expect: violation builtin
def spin(__stelp_tick__=lambda line: True):
    while True:
        pass
spin()
