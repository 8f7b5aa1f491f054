s = "  Hello, World! Hello again.  "
print(s.split(None, 1), s.rsplit(" ", 2), s.strip(" .H"), s.partition(","), s.rpartition("Hello"))
print(s.replace("Hello", "Bye", 1), s.find("o", 10), s.rfind("o", 0, 10), s.startswith(("x", "  H")), s.endswith("  ", 0, 5))
print("a\tb\tc".expandtabs(4), "l1\nl2\r\nl3".splitlines(), "l1\nl2\n".splitlines(True), "ß".casefold(), "AbC".swapcase())
print("abc".translate(str.maketrans("ab", "xy", "c")), "hello world".title(), "hello".capitalize(), "x".center(6, "*"), "5".rjust(3, "0"))
print("a,b,,c".split(","), ",".join(map(str, range(5))), "abc"[::-1], "abcdef"[-2:], "abcdef"[1:5:2], "%s=%d %.3f %5s|%-5s|" % ("x", 3, 2.5, "ab", "cd"))
print("%(a)s-%(b)03d" % {"a": 1, "b": 7}, "{:,}".format(1234567), "{:>10.2f}|{:<8}|{:^8}|".format(3.14159, "ab", "cd"), f"{255:#x} {255:08b} {0.5:%} {1e-7:g} {12345.678:e}")
print("abc".isalnum(), "12".isdigit(), "½".isnumeric(), "Ab".istitle(), " ".isspace(), "abc".isidentifier(), "ABC".isupper())
print(str(1/3), repr(0.1+0.2), 1e16, 1.5e-5, float("inf"), -0.0, 2**0.5, round(2.675, 2), round(0.5), round(1.5), round(-2.5), int(-3.7), -7 // 2, -7 % 3, divmod(-7, 2), pow(3, 4, 5))
print(bin(10), hex(-255), oct(8), int("0x1f", 16), int("z", 36), int("  42 "), 10 ** 20, 2 ** 100 // 3, abs(-5), (-5) ** 2, 7 / 2, 6 / 3, True + True)
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")]), max([1, 5, 3], key=lambda x: -x), min("abc"), sum([0.1] * 10))
l = [1, 2, 3, 2]
print(l.index(2, 2), l.count(2), l * 2, [[0] * 2] * 2, list(reversed(l)), l[::-2], l.pop(0), l, l.insert(-1, 9), l)
d = {"a": 1, "b": 2}
d["c"] = 3; del d["a"]; d["a"] = 4
print(d, list(d.items()), d.get("z", 0), d.pop("b"), d.popitem(), d, d.setdefault("q", []), d | {"r": 1}, {k: v for k, v in sorted({"x": 2, "y": 1}.items(), key=lambda kv: kv[1])})
st = {3, 1, 2}
print(st, st | {5}, st & {1, 3}, st - {1}, st ^ {1, 9}, sorted(st), {x % 3 for x in range(10)}, frozenset([1, 2]))
print(list(enumerate("ab", 1)), list(zip("abc", [1, 2])), any([]), all([]), list(map(lambda x, y: x + y, [1, 2], [3, 4])), list(filter(None, [0, 1, "", "a"])), list(range(10, 0, -3)), chr(65), ord("a"))
