import math
print(math.isclose(0.1 + 0.2, 0.3), math.copysign(3, -0.0), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4))
