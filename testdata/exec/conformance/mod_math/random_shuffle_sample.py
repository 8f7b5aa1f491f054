import random
random.seed(7)
a = list(range(10))
random.shuffle(a)
print(a, random.sample(range(100), 3), random.uniform(1, 2))
