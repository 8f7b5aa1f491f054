sq = {n: n * n for n in range(5)}
print(sq)
inv = {v: k for k, v in sq.items() if v % 2 == 0}
print(inv)
print({(i, j): i * j for i in range(2) for j in range(2)})
