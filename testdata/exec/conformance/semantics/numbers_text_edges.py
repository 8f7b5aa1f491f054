print(repr("it's"), repr('say "hi"'), repr('both \' and "'), repr("\x00\t\n\x7f"), repr("\u200b\u00e9\U0001F600"), repr("\\"), ascii("é😀"), repr(b"\x00'\""))
print("٣".isdigit(), "٣".isdecimal(), "½".isdigit(), "²".isdecimal(), "²".isdigit(), int("٣٤"), float("١.٥"), "x²".isalnum(), "Ⅻ".isnumeric())
print("-42".zfill(6), "+7".zfill(4), "abc".zfill(5), "%5s|%-6.2f|%03d|%x|%X|%e" % ("ab", 3.14159, 7, 255, 255, 0.5), "%s %r" % ((1, 2), "x"), "%(a)05.1f" % {"a": 2.25})
print(round(-2.5), round(2.675, 2), round(-1234.5678, -2), round(5.5), round(6.5), round(-0.5), divmod(-7.5, 2), math_fmod if False else 0, pow(-2, 3), pow(2, -2), pow(3, 5, 7), pow(-3, 5, 7), (-7) % 3, 7 % -3, -7 // 3)
print((255).bit_length(), (-1).bit_length(), (1024).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), ~5, -5 & 0xFF, -5 >> 1, 1 << 70, (-5) | 2, 6 ^ -3, bin(-0), hex(0), int("-0b101", 0), int("0o17", 0), int("  +3 "))
print(float("nan") != float("nan"), sorted([3.0, 1, 2.5]), max(1, 1.0), min(1.0, 1), 0.1 + 0.2, 1e300 * 1e10, -1e300 * 1e10, float("-0.0"), 5e-324, 1.7976931348623157e308, 2 ** 0.5, 10 ** -3, 3 ** 40, 2 ** 100 % 97)
print("é".encode(), "é".encode("latin-1"), b"\xe9".decode("latin-1"), "abc".encode("ascii"), "ü".encode("utf-8").decode("utf-8"), len("😀"), len("😀".encode("utf-16-le")) if False else 4, "a😀b"[1], "a😀b"[::-1])
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
print(sorted(["b", "A", "a", "B", "é", "e"]), "é" > "z", "Z" < "a", ["a", "b"] < ["a", "c"], (1, 2) == (1, 2.0), {1: "x"} == {1.0: "x"}, 1 == True, hash(1) == hash(1.0) == hash(True))
print(str(123456789012345678901234567890), int("9" * 50) + 1, -(10 ** 25) // 7, (10 ** 25) % -7, abs(-10 ** 30), float(2 ** 60), int(1e15), int(-2.9), int(2.9), round(123.456, 1), round(0.125, 2), round(0.375, 2))
