for v in [3, -3, 0]:
    print(f"{v:+d} {v: d} {v:=+5d}")
