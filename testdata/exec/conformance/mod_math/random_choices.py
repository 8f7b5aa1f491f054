import random
random.seed(1)
print(random.choices("abc", k=5), random.choices([1, 2], weights=[1, 9], k=4))
