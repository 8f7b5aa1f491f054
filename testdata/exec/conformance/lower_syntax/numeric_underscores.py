print(1_000_000 + 0x_FF + 0b_1010 + 0o_17)
print(1_0.5)
