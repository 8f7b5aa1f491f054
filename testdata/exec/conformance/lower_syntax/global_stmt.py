total = 0
def add(v):
    global total
    total += v
for i in range(4):
    add(i)
print(total)
