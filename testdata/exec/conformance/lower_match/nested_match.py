def f(a, b):
    match a:
        case 0:
            match b:
                case 0:
                    return "both zero"
                case _:
                    return "a zero"
        case _:
            return "a nonzero"
print(f(0, 0), f(0, 1), f(1, 0))
