class Shape:
    def __init__(self, kind, dims):
        self.kind = kind
        self.dims = dims
    def area(self):
        match self.kind, self.dims:
            case "square", [s]:
                return s * s
            case "rect", [w, h]:
                return w * h
            case _:
                return 0
print(Shape("square", [3]).area(), Shape("rect", [2, 5]).area(), Shape("x", []).area())
