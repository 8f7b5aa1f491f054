from dataclasses import dataclass
@dataclass
class Circle:
    r: float
@dataclass
class Rect:
    w: float
    h: float
def area(s):
    match s:
        case Circle(r=r):
            return round(3.14159 * r * r, 2)
        case Rect(w, h):
            return w * h
print(area(Circle(1)), area(Rect(2, 3)))
