#=== basics
from decimal import Decimal, getcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_FLOOR, ROUND_CEILING
a = Decimal("1.10")
b = Decimal("2.205")
print(a, repr(a), a + b, a - b, a * b, b / a, Decimal(1) / Decimal(3), Decimal(10) / Decimal(4), Decimal(6) / Decimal(3))
print(Decimal("0.1") + Decimal("0.2") == Decimal("0.3"), Decimal(0.1), Decimal(3), Decimal("-0"), Decimal("1e3"), Decimal("1.23E-7"), Decimal("123.4500"))
print(b.quantize(Decimal("0.01")), b.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01"), ROUND_HALF_UP), Decimal("-1.5").quantize(Decimal(1), ROUND_FLOOR))
print(round(Decimal("2.5")), round(Decimal("3.14159"), 2), int(Decimal("-7.9")), float(Decimal("0.125")), Decimal("7") // Decimal("2"), Decimal("-7") // Decimal("2"), Decimal("-7") % Decimal("2"))
print(Decimal("1.5") > 1, Decimal("0.5") == 0.5, sorted([Decimal("2"), Decimal("1.5"), Decimal("-1")]), max(Decimal("1.0"), Decimal("1.00")), sum([Decimal("0.1")] * 10))
print(Decimal(2) ** 10, Decimal("1.1") ** 2, Decimal(2).sqrt(), Decimal("100").sqrt(), -Decimal("5"), abs(Decimal("-2.50")), Decimal("12.3400").normalize())
print("{:.2f}".format(Decimal("3.14159")), "{:,.2f}".format(Decimal("1234567.891")), "{:>10}".format(Decimal("1.5")), format(Decimal("0.25"), "%"))
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") * 1)
getcontext().rounding = ROUND_DOWN
print(Decimal(2) / Decimal(3))
#=== errors
from decimal import Decimal, InvalidOperation, DivisionByZero
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", e)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("DivisionByZero", e)
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
#=== overflow
from decimal import Decimal, Overflow
try:
    Decimal("9e999999") * 10
except Overflow as e:
    print("Overflow", e)
print(Decimal("1e999999"), Decimal("1.5e-10") * 2)
