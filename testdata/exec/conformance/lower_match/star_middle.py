def f(s):
    match s:
        case [first, *middle, last]:
            return (first, middle, last)
        case _:
            return None
print(f([1, 2, 3, 4]), f([1, 2]), f([1]))
