def check(xs):
    if (n := len(xs)) > 3:
        return "long " + str(n)
    return "short " + str(n)
print(check([1, 2]))
print(check([1, 2, 3, 4, 5]))
