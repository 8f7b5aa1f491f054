def fizz_buzz(n):
    ns = [i for i in range(n) if i % 11 == 0 or i % 13 == 0]
    s = "".join(map(str, ns))
    return sum(c == "7" for c in s)
print(fizz_buzz(50), fizz_buzz(79), fizz_buzz(78))
