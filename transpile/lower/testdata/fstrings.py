x = 3
name = "bob"
print(f"hi {name}!")
print(f"{x!r:>5}|{x=}|{{lit}}|{x + 1}|{ x = }")
w, p = 8, 2
print(f"{3.14159:{w}.{p}f}|{x:0{w}d}")
print(f"""multi
{x}
line "{name}\"""")
print(f"a" "b" f"{x}"  # comment
      "c")
print(rf"\d{x}\\" r"\w")
print(f"{'nested'} {'same' if x else 'no'}")
print(F'{x!s}' f"{name!a}")
print(f"\N{BULLET} {x}\t\{x}")
print("\N{EM DASH}", b"\N{not}")
v = (f"{x}"
     f"{name}"
)
print(f"{x:{'>'}{w}}")
print(f"{f'{x}'}")
print(f"{[y for y in range(x)]}")
print(f"{ {'a': 1}['a'] }")
print(f'''{x}
''')
print(f"{x}" + f"")
