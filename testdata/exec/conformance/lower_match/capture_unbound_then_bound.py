def f(v):
    match v:
        case [x] if x > 100:
            return "huge"
        case _:
            pass
    return "done"
print(f([5]), f([500]))
