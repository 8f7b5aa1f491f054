y, m, d = 2024, 3, 9
print(f"{y:04d}-{m:02d}-{d:02d}")
