def f(items):
    match items:
        case [*xs] if (n := len(xs)) > 2:
            return "long", n
        case _:
            return "short", None
print(f([1, 2, 3]), f([1]))
