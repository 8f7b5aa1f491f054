xs = [1, 2, 3]
print(f"{sum(xs)} {len(xs)} {xs[-1]} {max(xs) * 2}")
print(f"{'yes' if xs else 'no'}")
print(f"{[x * x for x in xs]}")
print(f"{ {'k': 1}['k'] }")
