vals = [0.1, 0.2 + 0.1, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234, 1.5e300, 5e-324, 2.0**53, 100.0, -0.0, 1e22, 12345.678]
for v in vals:
    print(v, repr(v), str(v))
print([0.1, 1e-7], (2.5,), {"k": 1e100})
print(float("inf"), float("-inf"), float("nan"), float(" 1.5 "), float("1e3"), float("-2"), float("1_000.5"), float(3))
print(int("42"), int(" -17 "), int("ff", 16), int("0x1f", 16), int("0b101", 0), int("1_000"), int(3.99), int(-3.99), int(True), int("0o17", 8))
try:
    int("abc")
except ValueError as e:
    print("ValueError", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError", e)
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.675, 2), round(1.005, 2), round(123.456, -1), round(-123.456, 1), round(5, -1), round(15, -1), round(25, -1))
print(type(round(2.5)), type(round(2.5, 0)), round(2.5, 0), round(1e20), round(0.1 + 0.2, 10))
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7.5 // 2, -7.5 % 2, divmod(7, 2), divmod(-7, 2), divmod(7.5, 2))
print(2 ** 10, 2 ** -1, 2 ** 100, pow(2, 10, 1000), pow(3, -1, 7), (-8) ** (1/3) if False else 0, 10 ** 20)
print(abs(-3), abs(-3.5), abs(True), max(1, 2.5), min([3, 1, 2]), sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(5), 10))
print(bin(10), bin(-10), oct(64), hex(255), hex(-255), chr(65), ord("A"), ord("é"))
print(1 / 4, 10 / 2, 7 / 7, 2 ** 0.5, 1e308 * 10, -1e308 * 10, 3 * 1.1)
print(True + True, True * 3, 5 / 2, 5.0 // 2, 0.1 * 3, 1 - 0.9, 100 * 1.1)
print(hash(1) == hash(1.0), hash(True) == hash(1), hash(-1), hash(0), hash(12345), hash(2**61), hash((1, 2)), hash(()), hash(1.5), hash(-2.25), hash(float("inf")))
for expr in ["1/0", "1//0", "1%0", "1.0/0", "divmod(1, 0)", "2**-1 if False else 0.0**-1"]:
    try:
        eval(expr) if False else None
        if expr == "1/0": 1/0
        elif expr == "1//0": 1//0
        elif expr == "1%0": 1%0
        elif expr == "1.0/0": 1.0/0
        elif expr == "divmod(1, 0)": divmod(1, 0)
        else: 0.0 ** -1
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
print(isinstance(1, int), isinstance(1.0, float), isinstance(True, int), isinstance(2**100, int), type(2**100).__name__, type(True).__name__)
print(10 ** 18 + 1, 2 ** 64, -(2 ** 63), (2 ** 64) // 3, (2 ** 64) % 1000, str(2 ** 70), 3 * 10 ** 20)
print(int(1e20), float(2 ** 80), 1e20 == 10 ** 20, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
