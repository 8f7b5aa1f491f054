from fractions import Fraction
print(Fraction(3.14159).limit_denominator(100), Fraction(1, 2) ** 2, abs(Fraction(-1, 2)), sum([Fraction(1, n) for n in range(1, 4)]))
