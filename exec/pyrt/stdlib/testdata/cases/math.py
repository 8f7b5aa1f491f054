#=== basics
import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e, math.tau)
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-3.5), math.ceil(-3.5))
print(math.floor(5), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.pow(2, 10), math.pow(2, 0.5), math.exp(1), math.exp(0))
print(math.log(100, 10), math.log(8, 2), math.log(math.e), math.log2(1024), math.log10(1000))
print(math.log(2**100), math.log2(2**1000), math.log10(10**400))
#=== ints
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(), math.gcd(12, 18, 27), math.gcd(-4, 6))
print(math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(), math.lcm(0, 5))
print(math.isqrt(17), math.isqrt(10**40), math.factorial(0), math.factorial(20), math.factorial(30))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50))
print(math.perm(5, 2), math.perm(5), math.perm(3, 4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
#=== floats
import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]))
print(math.inf, -math.inf, math.nan, math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0), math.isfinite(math.inf))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.copysign(3, -0.0), math.degrees(math.pi), math.radians(180))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3))
print(round(math.sin(math.pi / 2), 6), math.cos(0), math.tan(0), math.atan2(1, 1), math.asin(1), math.acos(1), math.atan(1))
print(math.sinh(0), math.cosh(0), math.tanh(0), math.erf(0), math.gamma(5), math.lgamma(1))
#=== errors_sqrt
import math
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2), (math.factorial, -1), (math.isqrt, -1)]:
    try:
        f(a)
    except ValueError as e:
        print("ValueError", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError", e)
try:
    math.floor(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    math.floor(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    math.factorial(2.5)
except TypeError as e:
    print("TypeError", e)
try:
    math.comb(-1, 2)
except ValueError as e:
    print("ValueError", e)
try:
    math.pow(0, -1)
except ValueError as e:
    print("ValueError", e)
try:
    math.sqrt("x")
except TypeError as e:
    print("TypeError", e)
#=== uncaught
import math
math.sqrt(-2)
#=== extras
import math
print(math.ulp(1.0), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.cbrt(27), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.isqrt(0), math.comb(52, 5), math.perm(10, 3), math.lcm(2**40, 3**20), math.gcd(2**100, 6**50))
print(math.ceil(2**60 + 0.5), math.floor(-2.5e20), math.trunc(1e20), math.sqrt(2**64), math.log(0.5), math.log2(3), math.log10(2))
print(math.sin(1), math.cos(1), math.tan(1), math.exp(2.5), math.atan2(-1, -1), math.pow(1.1, 300), math.hypot(1e200, 1e200))
