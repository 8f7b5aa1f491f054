#=== seeded_random
import random
random.seed(42)
print(random.random(), random.random())
random.seed(0)
print([random.randint(1, 100) for _ in range(10)])
random.seed(12345678901234567890)
print(random.random())
random.seed(-7)
print(random.random())
#=== randrange_choice
import random
random.seed(1)
print(random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7), random.randrange(100, 0, -3))
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice((4, 5)))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
print(random.randint(10**20, 10**21))
#=== shuffle_sample
import random
random.seed(7)
x = list(range(10))
random.shuffle(x)
print(x)
print(random.sample(range(100), 5))
print(random.sample([1, 2, 3, 4, 5], 3))
print(random.sample(range(1000), 30))
print(random.sample("abcdefgh", 8))
print(random.sample(["a", "b"], 4, counts=[3, 2]))
#=== choices_uniform
import random
random.seed(3)
print(random.choices([1, 2, 3], k=5))
print(random.choices("ab", weights=[1, 9], k=6))
print(random.choices([10, 20, 30], cum_weights=[1, 2, 10], k=4))
print(random.uniform(1, 2), random.uniform(-5, 5))
print(random.gauss(0, 1), random.gauss(0, 1), random.gauss(10, 2))
print(random.normalvariate(0, 1), random.expovariate(2), random.triangular(0, 10, 2))
#=== seeds_of_other_types
import random
random.seed("hello")
print(random.random())
random.seed(b"bytes")
print(random.random())
random.seed(3.5)
print(random.random())
random.seed(2.0)
print(random.random())
#=== instance
import random
r = random.Random(99)
print(r.random(), r.randint(1, 6))
r.seed(99)
print(r.random())
#=== errors
import random
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError", e)
#=== longer_sequences
import random
random.seed(2024)
deck = list(range(52))
random.shuffle(deck)
print(deck)
print([random.randint(-1000, 1000) for _ in range(20)])
print(random.sample(range(10**6), 8), random.choice(range(10, 1000, 7)), random.randrange(-50, 50, 3))
print([round(random.random(), 12) for _ in range(5)])
r1 = random.Random("seed-string")
print([r1.randint(1, 6) for _ in range(12)])
print(random.getrandbits(33), random.getrandbits(1), random.randrange(2**70))
#=== sample_needs_sequence
import random
random.seed(5)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError", e)
print(random.sample(sorted({3, 1, 2}), 2))
