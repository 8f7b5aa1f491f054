for v in [0, 1, -1, 1.5, -2.25, 1e20, 1e-7, 123456789]:
    print(f"{v} {v!r} {v:g} {v:.3g} {float(v):.3}")
try:
    f"{5:.3}"
except ValueError as e:
    print("ValueError:", e)
