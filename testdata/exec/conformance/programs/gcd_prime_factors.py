def factorize(n):
    fact = []
    i = 2
    while i * i <= n:
        if n % i == 0:
            fact.append(i)
            n //= i
        else:
            i += 1
    if n > 1:
        fact.append(n)
    return fact
print(factorize(8), factorize(25), factorize(70), factorize(97))
