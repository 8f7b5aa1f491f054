class A:
    def __init__(self, v):
        self.v = v
    def hello(self):
        return "A" + str(self.v)
class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def hello(self):
        return "B" + super().hello() + str(self.w)
b = B(1, 2)
print(b.hello(), b.v, b.w)
