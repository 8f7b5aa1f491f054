print("héllo".encode(), "abc".encode("ascii"), "é".encode("utf-8"), len("é".encode()))
print(b"caf\xc3\xa9".decode("utf-8"))
