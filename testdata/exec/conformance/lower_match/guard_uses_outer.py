limit = 10
def f(v):
    match v:
        case [a, b] if a + b > limit:
            return "big"
        case [a, b]:
            return "small " + str(a + b)
print(f([5, 6]), f([1, 2]))
