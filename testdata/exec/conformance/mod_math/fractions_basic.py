from fractions import Fraction
a = Fraction(1, 3)
b = Fraction(1, 6)
print(a + b, a * b, a / b, a - b, Fraction(6, 4), Fraction("0.25"), Fraction(3), float(a + b))
print(a < b, (a + b).numerator, (a + b).denominator, Fraction(1, 3) == Fraction(2, 6))
