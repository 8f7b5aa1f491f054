print((255).bit_length(), (1.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), int.from_bytes(b"\x01\x00", "big"), (258).to_bytes(2, "little"))
print((5).real, (5).imag, (5).numerator, (5).denominator, (2.5).real, (3).conjugate())
print("abc".__len__(), "x".__add__("y"), [1, 2].__len__(), {1: 2}.__len__())
x = 10
def g():
    global x
    x += 1
g()
print(x)
a, b = 1, 2
a, b = b, a
print(a, b)
try:
    pass
except Exception:
    pass
else:
    print("else")
finally:
    print("finally")
print(repr(1/3), 1e100, 1e-310, 2**-1074, float(10**20), 1.0e-7)
print("é".encode("utf-8"), repr("\u00e9\u4e2d\U0001F600"), "\x00\x7f".__repr__())
print(str(-0.0), -0.0 == 0.0, round(-0.4), round(-0.6), int(-0.9), 7.0 // -2, 7 % -3, -7 // -2)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" * 3 == "aaa", [1] * 3, (1,) * 2)
print(max("abc", "abd"), min([[3], [1, 2]]), sorted(["b", "a", "C"]), sorted([True, False, 2, 1.5]))
print((1.5).hex(), (-0.1).hex(), (1.0).hex(), (255).bit_count(), (-3).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
