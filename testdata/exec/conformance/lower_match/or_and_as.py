def f(cmd):
    match cmd:
        case ("north" | "south") as d:
            return "vertical " + d
        case ("east" | "west") as d:
            return "horizontal " + d
        case [("go" | "move"), direction]:
            return "moving " + direction
    return "?"
print(f("north"), f("west"), f(["go", "up"]), f(["move", "down"]), f("x"))
