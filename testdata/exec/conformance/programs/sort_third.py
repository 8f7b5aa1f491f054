def sort_third(l):
    l = list(l)
    l[::3] = sorted(l[::3])
    return l
print(sort_third([5, 6, 3, 4, 8, 9, 2]))
