def median(l):
    l = sorted(l)
    if len(l) % 2 == 1:
        return l[len(l) // 2]
    return (l[len(l) // 2 - 1] + l[len(l) // 2]) / 2.0
print(median([3, 1, 2, 4, 5]), median([-10, 4, 6, 1000, 10, 20]))
