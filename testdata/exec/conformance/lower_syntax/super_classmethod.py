class A:
    @classmethod
    def make(cls):
        return cls.__name__ + " made"
class B(A):
    @classmethod
    def make(cls):
        return "B:" + super().make()
print(B.make())
