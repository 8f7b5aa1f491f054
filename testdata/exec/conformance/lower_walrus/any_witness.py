def first_big(xs):
    if any((w := x) > 10 for x in xs):
        return w
    return None
print(first_big([1, 5, 12, 30]))
print(first_big([1, 2]))
