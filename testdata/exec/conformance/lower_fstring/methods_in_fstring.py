name = "alice smith"
print(f"{name.title()} {name.upper()!r} {name.split()[0]}")
