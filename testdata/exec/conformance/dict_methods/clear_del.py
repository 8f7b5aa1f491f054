d = {1: 2, 3: 4}
del d[1]
print(d)
d.clear()
print(d, len(d))
try:
    del d[9]
except KeyError as e:
    print("KeyError", e)
