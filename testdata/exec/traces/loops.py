total = 0
for i in range(4):
    total += i
n = 3
while n > 0:
    n -= 1
squares = [k * k for k in range(5)]
a, b = squares[1], squares[-1]
print(total, n, a, b)
