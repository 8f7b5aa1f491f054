b = b"hello"
print(b, b[0], b[1:3], len(b), b.upper(), b + b"!", b"l" in b, list(b"ab"))
