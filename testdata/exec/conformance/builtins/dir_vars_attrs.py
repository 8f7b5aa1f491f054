class A:
    def __init__(self):
        self.x = 1
        self.y = 2
a = A()
print(sorted(vars(a)), "x" in dir(a))
