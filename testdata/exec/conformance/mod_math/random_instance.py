import random
r = random.Random(123)
print([r.randint(0, 9) for _ in range(8)], r.choice([10, 20, 30]), round(r.gauss(0, 1), 6))
