# In a replacement field, a ':' outside brackets starts the format spec, so
# `:=` is a spec beginning with '=' (pad after the sign); a walrus must be
# parenthesised.
x = 7
w = 6
print(f"[{x:=10}]", x)
print(f"[{x:=^9}]")
print(f"[{x:=+5d}] [{-x:=+5d}]")
print(f"[{x:={w}}] [{x:=^{w + 3}}]")
print(f"[{x:=}]")
print(f"[{x!r:=^10}] [{x!s:=>4}]")
print(f"[{x=:=10}]")
print(f"[{x if w else 0:=6}]")
print(f"[{f'{x:=5}':>8}]")
print(f"[{(y:=3)}]", y)
print(f"[{[z:=4, z + 1]}]", z)
print(f"[{ (x) :=8}]")
print(x, w)
