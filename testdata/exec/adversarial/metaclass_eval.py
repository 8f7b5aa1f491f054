# expect: error|violation
class Meta(type):
    def __call__(cls, *a):
        return eval('1')
class A(metaclass=Meta):
    pass
A()
