print(int("12"), int(3.99), int("-7"), int("1010", 2), int("z", 36), bin(10), oct(8), hex(255), int(True))
