def f(xs: list[int], d: dict[str, list[int]] | None = None) -> tuple[int, ...]:
    return tuple(xs)
print(f([1, 2]))
