class M:
    factor = 2
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls, x):
        return x * cls.factor
class N(M):
    factor = 3
print(M.s(1), M().s(2), M.c(5), N.c(5), N().c(1))
