def f(p):
    match p:
        case [(a, b), [c, d]]:
            return a + b + c + d
        case [(a, b), *_]:
            return a * b
    return -1
print(f([(1, 2), [3, 4]]), f([(5, 6), 7, 8]), f([]))
