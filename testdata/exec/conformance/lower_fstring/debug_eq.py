a = 5
b = [1, 2]
print(f"{a=}")
print(f"{a = }")
print(f"{a + 1=}")
print(f"{b=}")
print(f"{a=:>4}")
print(f"{a=!s}")
