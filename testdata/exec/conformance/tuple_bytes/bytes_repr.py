print(b"\x00\xff\n'", repr(b'"'), bytes(3))
