def f(data):
    res = []
    i = 0
    while (x := i * 2) < 10:
        res.append(x)
        i += 1
    print(res, x)
    ys = [y for d in data if (y := d + 1) > 2]
    print(ys, y)
    if any((w := v) > 2 for v in data):
        print("witness", w)
f([1, 2, 3])
if (m := len("abc")) > 2:
    print("m", m)
print([(q := k) for k in range(3)], q)
g = lambda a: (b := a + 1) * b
print(g(3))
def outer():
    total = 0
    def inner():
        nonlocal total
        (total := total + 5)
        return total
    inner()
    return total
print(outer())
class C:
    (cc := 4)
    dd = cc + 1
print(C.cc, C.dd)
