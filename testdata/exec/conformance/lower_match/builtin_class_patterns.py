def kind(v):
    match v:
        case bool(b):
            return "bool " + str(b)
        case int(i):
            return "int " + str(i)
        case float(f):
            return "float " + str(f)
        case str(s):
            return "str " + s
        case list(l):
            return "list of " + str(len(l))
        case dict(d):
            return "dict of " + str(len(d))
        case _:
            return "other"
for v in [True, 3, 2.5, "x", [1, 2], {"a": 1}, None]:
    print(kind(v))
