a = [3, 1, 2]
a.reverse()
print(a)
a.sort()
print(a)
a.sort(reverse=True)
print(a)
b = ["bb", "a", "ccc"]
b.sort(key=len)
print(b)
