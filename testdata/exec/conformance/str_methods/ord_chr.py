print(ord("a"), chr(97), ord("€"), chr(8364), [ord(c) for c in "AZ"])
