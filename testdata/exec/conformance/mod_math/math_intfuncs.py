import math
print(math.gcd(12, 18), math.lcm(4, 6), math.isqrt(17), math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.gcd(0, 5))
