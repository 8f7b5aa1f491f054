def f(v):
    match v:
        case [x, 0] | [0, x]:
            return x
        case _:
            return None
print(f([5, 0]), f([0, 7]), f([1, 1]))
