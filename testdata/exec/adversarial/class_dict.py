# expect: violation attribute
class A:
    pass
print(A.__dict__)
