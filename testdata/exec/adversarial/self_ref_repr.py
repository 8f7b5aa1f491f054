# expect: ok|limit
a = []
a.append(a)
print(len(repr(a)) > 0)
