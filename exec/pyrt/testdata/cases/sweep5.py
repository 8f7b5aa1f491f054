print("a", "b", sep="-", end="!\n")
print(*[1, 2, 3], sep=", ")
print()
print("no newline", end="")
print(" continued")
print(1, "two", 3.0, None, True, [1], (2,), {3: 4}, {5}, sep=" | ")
s = "The Quick Brown Fox Jumps"
print(s.lower().split(), [w[0] for w in s.split()], "".join(w[0] for w in s.split()).lower())
print(s.center(31, "="), s.ljust(30, ".") + "|", s.rjust(30) + "|")
print(s[4:9], s[-5:], s[::2], s[1:-1:3], s[100:], s[-100:3])
vowels = sum(1 for c in s.lower() if c in "aeiou")
print(vowels, {c: s.lower().count(c) for c in "aeiou"}, sorted(set(s.lower()) - set(" ")))
print(s.replace(" ", "_").upper(), s.title() == s, s.istitle(), s.startswith("The"), "fox" in s.lower())
words = s.split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)), max(words, key=len), [len(w) for w in words])
print(" ".join(reversed(words)), " ".join(w[::-1] for w in words), "-".join(sorted(words)).lower())
csv = "name,age,city\nAnn,30,NYC\nBob,25,LA"
rows = [line.split(",") for line in csv.splitlines()]
header, body = rows[0], rows[1:]
records = [dict(zip(header, r)) for r in body]
print(records, [r["name"] for r in records if int(r["age"]) > 26])
print("{:<6}{:>5}{:>6}".format(*header))
for r in body:
    print("{:<6}{:>5}{:>6}".format(*r))
print("%-10s|%5d|%8.3f|" % ("left", 42, 3.14159), "%3s|%-3s|" % ("a", "b"))
table = [[1, 22, 333], [4444, 5, 66]]
widths = [max(len(str(row[i])) for row in table) for i in range(3)]
for row in table:
    print(" ".join(str(v).rjust(w) for v, w in zip(row, widths)))
print(ord("a"), chr(ord("a") + 1), [chr(c) for c in range(65, 70)], "".join(chr(ord(c) + 1) for c in "HAL"))
print("hello world".count("o"), "hello"[1:4], "hello".index("l"), "a,b;c".replace(";", ",").split(","))
print(str(12345)[::-1], int(str(12345)[::-1]), sum(int(d) for d in str(9999)), len(str(2 ** 100)))
print("Python" * 2, "=" * 20, "-".join("abc"), "abc".join(["1", "2"]), "x".join([]))
print(repr("multi\nline"), "tab\tsep".expandtabs(4), "  padded  ".strip(), "xxabcxx".strip("x"))
print("%d items" % 5, "%s=%s" % ("k", "v"), "%5.1f%%" % 12.345, "%x" % 255, "%08.3f" % -3.14159, "%+.2e" % 12345.678)
