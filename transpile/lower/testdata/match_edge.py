import enum


class Color(enum.Enum):
    RED = 1


def f(v, mod):
    match v:
        case {"a": 1, **_}:
            return "a1"
        case {"k": Color.RED}:
            return "red"
        case mod.Point(x=Color.RED, y=[*_]):
            return "point"
        case (*rest,) if rest:
            return rest
        case str() | bytes():
            return "text"
        case {"n": -1 | -2 as neg}:
            return neg
        case [
            first,  # comment in a pattern
            second,
        ]:
            return first + second
        case _:
            pass
    return None


class K:
    match 1:
        case x:
            y = x
