s = {7}
c = s.copy()
print(s.pop(), s, c)
c.clear()
print(c, len(c))
