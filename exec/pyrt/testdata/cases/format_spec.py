print(format(3.14159, ".2f"), format(42, "05d"), format(42, "x"), format(255, "#X"), format(5, "b"), format(8, "#o"))
print(format(1234567, ","), format(1234567.891, ",.2f"), format(1234567, "_"), format(0xFFFFFF, "_x"), format(-1234, ","))
print(format("abc", ">6"), format("abc", "<6") + "|", format("abc", "^7"), format("abc", "*^8"), format("abc", ".2"))
print(format(3.5, "+.1f"), format(-3.5, " .1f"), format(3.5, " .1f"), format(0.25, ".0%"), format(0.12345, ".2%"))
print(format(12345.6789, "e"), format(12345.6789, ".2E"), format(0.000123, "g"), format(123456789.0, "g"), format(1e-10, ".3g"))
print(format(1.0, ""), format(1.5, "g"), format(100.0, ".3"), format(1234.5678, ".3"), format(0.5, ".3"), format(1e16, ".3"))
print(format(-42, "=+8"), format(42, "=8"), format(-3.14, "010.3f"), format(42, "010,d"), format(1234.5, "012,.1f"))
print(format(True, ""), format(True, "d"), format(False, ">5"), format(65, "c"), format(None, ""))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(float("-inf"), "e"), format(1e300, "f")[:10])
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(1.005, ".2f"))
print("{} {} {}".format(1, "a", 2.5), "{0} {1} {0}".format("x", "y"), "{name}-{n:03d}".format(name="id", n=7))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"), "{:*>6.2f}".format(3.14159), "{!r:>8}".format("q"), "{!s}".format(1.0))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}), "{{literal}} {}".format(5))
class P:
    def __init__(self):
        self.x = 3
        self.y = [4, 5]
print("{0.x} {0.y[1]}".format(P()), "{:{width}.{prec}f}".format(3.14159, width=10, prec=3), "{:,}".format(10**12))
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
print("{}".format(Money(3)), "{:.1f}".format(Money(2)), format(Money(1.234)))
print("{:08.3f}".format(-1.5), "{:+}".format(7), "{:x}".format(3735928559), "{:#b}".format(5), "{:e}".format(0))
print("{:.3}".format("abcdef"), "{:5}|".format(42), "{:5}|".format("ab"), "{:<5}|".format(42))
print("{:g}".format(1e20), "{:g}".format(1.0), "{:.10g}".format(1/3), "{:n}".format(1234567))
try:
    "{:d}".format(1.5)
except ValueError as e:
    print("ValueError", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
print("%.2f" % 2.675, "%.1f" % 0.05, "%5.1f%%" % 99.44, "%3d|%-3d|" % (1, 2))
