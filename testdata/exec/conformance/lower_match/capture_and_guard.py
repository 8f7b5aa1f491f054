def sign(n):
    match n:
        case x if x > 0:
            return "pos " + str(x)
        case x if x < 0:
            return "neg " + str(x)
        case x:
            return "zero " + str(x)
print(sign(5), sign(-2), sign(0))
