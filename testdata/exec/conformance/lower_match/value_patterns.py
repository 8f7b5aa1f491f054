class Color:
    RED = 0
    GREEN = 1
    BLUE = 2
def name(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case _:
            return "other"
print(name(0), name(1), name(2))
