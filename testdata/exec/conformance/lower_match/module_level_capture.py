point = (3, 4)
match point:
    case (0, 0):
        print("origin")
    case (x, 0):
        print("x", x)
    case (x, y):
        print("xy", x, y)
print(x + y)
