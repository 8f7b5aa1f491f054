#=== basics
from fractions import Fraction
a = Fraction(1, 3)
b = Fraction(2, 4)
print(a, b, repr(a), Fraction(6, -4), Fraction(5), Fraction(0, 7), Fraction("3/9"), Fraction("0.25"), Fraction("-1.5e2"), Fraction(0.5), Fraction(0.1))
print(a + b, a - b, a * b, a / b, a + 1, 2 - a, 3 * a, a ** 2, a ** -2, -a, abs(Fraction(-3, 4)))
print(a + 0.5, a < b, a == Fraction(2, 6), b == 0.5, a > 0, sorted([b, a, Fraction(1)]), a.numerator, a.denominator)
print(float(a), int(Fraction(7, 2)), int(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(1, 3), 2))
print(Fraction(3.141592653589793).limit_denominator(1000), Fraction(1, 3).limit_denominator(2), Fraction("3.1415926").limit_denominator(100))
print(sum([Fraction(1, n) for n in range(1, 6)]), Fraction(7, 3) // 2, Fraction(7, 3) % 2, hash(Fraction(4, 2)) == hash(2), {Fraction(1, 2): "h"}[Fraction(2, 4)])
#=== errors
from fractions import Fraction
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    Fraction("abc")
except ValueError as e:
    print("ValueError", e)
#=== reflected_div
from fractions import Fraction
print(1 / Fraction(1, 3), 2 / Fraction(4, 3))
#=== float_rounding
from fractions import Fraction
print(float(Fraction(576460752303423488, 12009599006321323)), float(Fraction(10**30 + 1, 3 * 10**29 + 7)), float(Fraction(1, 3)))
