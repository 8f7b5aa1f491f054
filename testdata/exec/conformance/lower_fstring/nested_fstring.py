x = 4
print(f"{f'{x}' * 2}")
print(f"outer {f'inner {x + 1}'}")
