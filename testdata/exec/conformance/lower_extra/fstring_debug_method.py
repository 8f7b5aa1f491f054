x = "ab"
print(f"{x=}".upper(), f"{x!r}".title(), len(f"{x=}"))
