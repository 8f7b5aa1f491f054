b = b"a,b,c"
print(b.split(b","), b.decode(), b.hex(), bytes.fromhex("6869"), b.replace(b",", b";"), bytes([65, 66]))
