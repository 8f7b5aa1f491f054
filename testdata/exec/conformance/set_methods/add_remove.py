s = {1, 2}
s.add(3)
s.add(1)
s.discard(9)
s.remove(2)
print(sorted(s), len(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
