x = 0.5
print(f"{x:.1%}" + " and %d%%" % 50)
