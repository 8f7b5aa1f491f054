print(float("1.5"), float("  -2 "), float(3), float("1e3"), float("inf") > 1e308)
