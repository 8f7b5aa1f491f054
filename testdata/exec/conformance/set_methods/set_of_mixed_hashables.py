s = {1, "a", (1, 2), None, 2.5}
print(len(s), "a" in s, (1, 2) in s, None in s, 3 in s)
