from __future__ import annotations
from typing import List, Dict


def g(a, /, b: int = 2, *, c: str = "c") -> str:
    return str(a) + str(b) + c


def h(a: List[
        int],
      **kw: Dict[str, int],
) -> Dict[
    str, int]:
    return {}


lam = lambda a, /, b: a + b


class A:
    x: int
    y: int = 5
    z: "List[int]" = []

    def m(self, *args, **kw,):
        return super().m(*args)

    @classmethod
    def c(cls):
        return super().c()

    class Inner:
        def m(self):
            return super().m()


y: int = 5
z: List[int]
self_x: Dict[
    str, int] = {}


@A.c
def dec1(): pass


@buttons[0].clicked.connect
def dec2(): pass


@decorator(1)
def dec3(): pass


with (open("a") as fa,
      open("b") as fb):
    pass


def kwonly(a, *, b, c=3, **kw):
    return a + b + c


def walrus_kwonly(*args, b, c=1):
    return [(d := x) for x in args], d
