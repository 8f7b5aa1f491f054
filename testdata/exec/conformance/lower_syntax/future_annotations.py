from __future__ import annotations
def f(x: SomeUndefined) -> Other:
    return x
print(f(3))
