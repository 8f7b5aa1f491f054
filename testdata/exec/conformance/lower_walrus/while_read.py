items = [3, 1, 4, 0, 5]
i = 0
def nxt():
    global i
    v = items[i]
    i += 1
    return v
while (v := nxt()) != 0:
    print("got", v)
print("last", v)
