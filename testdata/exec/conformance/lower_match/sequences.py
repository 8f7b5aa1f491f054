def shape(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return "one " + str(x)
        case [x, y]:
            return "two " + str(x + y)
        case [x, *rest]:
            return "many " + str(x) + " " + str(rest)
for s in [[], [1], [1, 2], [1, 2, 3], (4, 5), "ab"]:
    print(shape(s))
