def show(*a):
    print(a)
def go():
    show(x := 5, x * 2)
    return x
print(go())
