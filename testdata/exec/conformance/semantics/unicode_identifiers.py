ｘ = 2
x = x + 1
print(ｘ, "ｘ")
def ｆ(ａ=1):
    return ａ * 2
print(f(ａ=4))
import ｍａｔｈ
print(math.pi > 3)
class Ｐoint:
    def __init__(self, ｘ):
        self.ｘ = ｘ
p = Point(5)
print(p.x, getattr(p, "x"), Ｐoint.__name__)
print(Point.__ｍｒｏ__[0].__name__, [k.__name__ for k in Point.__bases__])
