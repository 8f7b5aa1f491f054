s = slice(1, 4)
print([0, 1, 2, 3, 4][s], "abcdef"[slice(None, None, 2)])
