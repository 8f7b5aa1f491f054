x: int = 5
y: list[int] = [1, 2]
z: "str"
def f(a: int, b: str = "q") -> str:
    c: float = a * 1.5
    return b * a + str(c)
print(x, y, f(2))
