def f(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hi":
            return "greeting"
        case True:
            return "true"
        case None:
            return "none"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case _:
            return "other"
for v in [0, 2, "hi", True, None, -1, 2.5, 99, False]:
    print(v, f(v))
