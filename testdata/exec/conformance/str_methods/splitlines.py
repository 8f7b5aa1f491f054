print("a\nb\r\nc\n".splitlines(), "x\ny".splitlines(True))
