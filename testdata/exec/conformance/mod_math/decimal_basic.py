from decimal import Decimal
print(Decimal("0.1") + Decimal("0.2"), Decimal("1.10") * 3, Decimal("10") / Decimal("4"), Decimal("2.5").quantize(Decimal("1")))
