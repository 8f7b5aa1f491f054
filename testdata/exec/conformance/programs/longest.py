def longest(strings):
    if not strings:
        return None
    maxlen = max(len(x) for x in strings)
    for s in strings:
        if len(s) == maxlen:
            return s
print(longest(["a", "bb", "cc"]), longest([]))
