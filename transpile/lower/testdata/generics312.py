type Point = tuple[float, float]
type Tree[T] = dict[str, Tree[T]]


def first[T](xs: list[T]) -> T:
    return xs[0]


class Stack[T]:
    items: list[T]

    def push(self, x: T) -> None:
        self.items.append(x)


print(first([3, 4]), Point)
