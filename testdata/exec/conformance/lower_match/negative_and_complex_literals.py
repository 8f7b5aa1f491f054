def f(v):
    match v:
        case -1.5:
            return "neg float"
        case -3:
            return "neg int"
        case 1+2j:
            return "complex"
    return "none"
print(f(-1.5), f(-3), f(1+2j), f(0))
