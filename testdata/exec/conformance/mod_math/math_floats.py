import math
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.pow(2, 0.5))
print(round(math.sin(math.pi / 2), 10), round(math.cos(0), 10), math.atan2(1, 1) * 4 == math.pi, math.hypot(3, 4))
