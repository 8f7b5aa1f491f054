import math
print(math.pi, math.sqrt(2), math.floor(2.5), math.ceil(2.1), math.gcd(12, 18), math.inf, math.e)
print([x / 3 for x in range(5)], [round(x / 3, 2) for x in range(5)])
print(sum(i * 0.1 for i in range(10)), 1.1 + 2.2, 3.3 * 3, 0.1 * 0.1, 1 / 7, 22 / 7, 100 / 3)
print(1e15 + 0.3, 123456789.123456789, 0.000001, 0.0000001, 1.5e-7, 12345678901234567890.0)
print(float(1 << 60), 2.5e-5, -1.25e+30, 9.999999999999999e22, 1e23, 5e-324 * 2)
print(str(1.0), str(10.0), str(1e5), str(123456.0), str(1e16), str(-1e-5), 3.0 * 2, 7.0 / 2)
print("%s %r %.3g %.10f" % (0.1, 0.1, 0.1, 0.1), "{} {!r} {:.3g} {:g}".format(2.5, 2.5, 2.5, 2.5))
print(format(1e-5, "f"), format(123.456, "e"), format(0.1, ".20f"), format(1/3, ".15g"), format(2/3, "%"))
