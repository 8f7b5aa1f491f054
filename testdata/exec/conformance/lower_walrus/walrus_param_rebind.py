def shrink(n):
    steps = 0
    while (n := n // 2) > 0:
        steps += 1
    return steps, n
print(shrink(100))
