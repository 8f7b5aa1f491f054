print(f"{True} {None} {False!r} {None!r}")
print(f"{True:>6}|{1 == 1}")
