ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, bytes(ba), len(ba), ba[1], ba[1:3], ba == b"Abcd", b"Abcd" == ba, isinstance(ba, bytearray))
ba.extend([101, 102]); ba.extend(b"gh"); ba += b"!"
print(ba, ba.pop(), ba.pop(0), ba, ba.upper(), ba.decode(), ba.hex(), ba.split(b"d"), ba.find(b"e"), 99 in ba, list(ba)[:3])
ba.insert(0, 120); ba.insert(-1, 121); ba.remove(99); ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("hé", "utf-8"), ba.copy() is ba, ba + b"z", ba.startswith(b"h"))
ba[1:3] = b"XYZ"; del ba[0]; del ba[::2]
print(ba)
try:
    ba[0] = 300
except ValueError as e:
    print(e)
ba.clear(); print(ba, len(ba))
