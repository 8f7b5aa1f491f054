def fact(n):
    return 1 if (m := n) <= 1 else m * fact(m - 1)
print(fact(6))
