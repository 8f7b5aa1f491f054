a = list(range(10))
del a[::-3]
print(a)
b = list(range(5))
b[0:0] = b
print(b)
c = [1, 2, 3]
c[1:] = (x * 2 for x in c)
print(c)
d = list(range(6))
d[4:1:-1] = "abc"
print(d)
e = list(range(6))
e[5:0:-2] = [7, 8, 9]
print(e)
f = list(range(8))
del f[6:1:-2]
print(f)
g = [1, 2, 3]
g[5:1] = [9]
print(g)
try:
    g[::2] = [1]
except ValueError as err:
    print("ValueError", err)
try:
    g[1:2] = 5
except TypeError as err:
    print("TypeError", err)
h = [0, 1, 2, 3]
h[::-1] = h
print(h)
