def parse(text):
    value = int(text)
    return value * 2


ok = parse("21")
print(ok)
bad = parse("x")
print("unreachable")
