v = 2024
print(f"{v:b} {v:o} {v:x} {v:X} {v:#b} {v:_d} {v:,d}")
