import math
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7), math.fabs(-3))
print(math.pi, math.e, math.inf, -math.inf, math.isnan(math.nan), math.isinf(math.inf))
