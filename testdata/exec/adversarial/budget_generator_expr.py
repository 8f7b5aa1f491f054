# expect: limit steps
print(sum(1 for _ in range(10**12)))
