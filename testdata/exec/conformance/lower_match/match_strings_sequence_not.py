match "abc":
    case [a, b, c]:
        print("seq", a)
    case str(s):
        print("string", s)
