# A starred item takes the whole bitwise_or expression after it and may
# open an unparenthesised tuple (3.8 return/yield, 3.9 for).
def pair():
    return [1, 2]

def gen():
    yield *[1], 2
    yield *pair(), *"ab"

class Box:
    items = [5, 6]

for v in *[1, 2], 3:
    print("for", v)
for v in *pair(), *(7, 8):
    print("for", v)
for v in *range(2),:
    print("for", v)

def ret():
    return *pair(), 0

print(ret())
print(list(gen()))
b = Box()
t = *b.items + [7], 8
print(t)
u = *[3] * 2, *[-Box.items[0]] + [], 1
print(u)
acc = [0]
acc += *[1], 2
print(acc)
ann: tuple = *"xy", 1
print(ann)
print(f"{*[1], 2}", f"{1, *pair()}")
s = \
    *[4], 5
print(s)
for v in *[*range(2), 1], *range(3, 5):
    print("nested", v)
print(*[1], *range(2), *b.items, sep="-")
print([*b.items, *pair()], {*pair(), *[9]})
