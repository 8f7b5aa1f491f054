total = sum([
    1,
    2,
])
print(f"""total={total:>{3 +
    2}}""")
