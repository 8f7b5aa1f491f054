b = b"  Hello, World!\r\nline2\nx  "
print(b.upper(), b.lower(), b.swapcase(), b.title(), b"hELLO wORLD".capitalize(), b.strip(), b.lstrip(), b.rstrip(b" x"))
print(b.split(), b.split(None, 1), b.split(b","), b.rsplit(None, 1), b.rsplit(b"l", 2), b"a,b,,c".split(b",", 2), b.splitlines(), b.splitlines(True))
print(b"-".join([b"a", b"b"]), b.replace(b"l", b"L", 2), b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"W"), b.count(b"l"), b.count(b"l", 5), b.startswith((b"x", b"  H")), b.endswith(b"x  "))
print(b"abc".isalpha(), b"ab1".isalnum(), b"12".isdigit(), b"  ".isspace(), b"AB".isupper(), b"ab1".islower(), b"".isdigit())
print(b"k=v".partition(b"="), b"a.b.c".rpartition(b"."), b"x".partition(b"?"), b"ab".center(7, b"*"), b"abc".center(6), b"ab".ljust(4), b"ab".rjust(4, b"0"))
print(bytes.fromhex("68 69 7a"), bytes.fromhex("FF"), bytes([65, 66]), b"\x00\xff".hex(), list(b"ab"), b"l" in b, 104 in b"hi", b"" in b"x")
try:
    b.index(b"zz")
except ValueError as e:
    print(e)
try:
    bytes.fromhex("6g")
except ValueError as e:
    print(e)
try:
    "s" in b"x"
except TypeError as e:
    print(e)
